import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cellText, FormTable } from "@/components/report/form-table";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { cellLabel } from "@/lib/report-format/format";
import { SUMMED_TABLES, tableOfCell, valueOfCell } from "@/lib/report-format/sum-tables";
import { TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";
import { getSummary, type SummaryView } from "@/lib/supervision/get-summary";
import { summaryHeadline } from "@/lib/supervision/summary";
import { findOrganName } from "@/lib/supervision/summary-data";
import { pageWithin } from "@/lib/publish/listings";
import { readSummaryQuery, SUMMARY_LIST_PAGE_SIZE, summaryQueryString, summaryYears, type SummaryQuery } from "@/lib/supervision/summary-query";

export const metadata: Metadata = { title: "汇总统计" };

// Long lists start folded (a province has thousands of organs); short ones open.
const OPEN_LIST_LIMIT = 50;

type Pages = Pick<SummaryQuery, "includedPage" | "missingPage" | "cellPage">;

type ListedOrgan = { organId: string; name: string; path: string[] };
type Column<T> = { header: string; cell: (organ: T) => React.ReactNode };

/**
 * One page of a list of organs as a table (the organ, the organs above it, then `columns`), and
 * the links to the pages around it (the other lists' pages kept).
 */
function OrganTable<T extends ListedOrgan>({
  items,
  asked,
  label,
  labelledBy,
  hrefOf,
  columns,
  foot,
}: {
  items: T[];
  asked: number;
  label: string;
  labelledBy: string;
  hrefOf: (page: number) => string;
  columns: Column<T>[];
  foot?: React.ReactNode;
}) {
  const { page, pages, offset } = pageWithin(items.length, SUMMARY_LIST_PAGE_SIZE, asked);
  return (
    <>
      <div className="table-scroll">
        <table className="data" aria-labelledby={labelledBy}>
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">上级机关</th>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.slice(offset, offset + SUMMARY_LIST_PAGE_SIZE).map((o) => (
              <tr key={o.organId}>
                <th scope="row">{o.name}</th>
                <td>{o.path.join(" › ") || "—"}</td>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(o)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          {foot ? <tfoot>{foot}</tfoot> : null}
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label={`${label}分页`} className="inline-form">
          <span>
            第 {page} / {pages} 页（每页 {SUMMARY_LIST_PAGE_SIZE} 个，完整名单见 Excel）
          </span>
          {page > 1 ? <a href={hrefOf(page - 1)}>上一页</a> : null}
          {page < pages ? <a href={hrefOf(page + 1)}>下一页</a> : null}
        </nav>
      ) : null}
    </>
  );
}

export default async function SummaryPage({
  params,
  searchParams,
}: {
  params: Promise<{ organId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organId } = await params;
  const { actor } = await requireOrganPermission("organ.supervise", organId);
  const now = new Date();
  const query = readSummaryQuery(await searchParams, now);
  const years = summaryYears(now);
  const summary = query.ok ? await getSummary({ actor, organId, year: query.year, includeApproved: query.includeApproved }) : null;
  const organName = summary?.organName ?? (await findOrganName(organId))?.name;
  if (!organName) notFound();
  const chosenYear = query.ok ? query.year : years.byDefault;
  const yearOptions = Array.from({ length: years.last - years.first + 1 }, (_, i) => years.last - i);

  return (
    <>
      <p>
        <Link href={`/organs/${organId}`}>← {organName}</Link>
      </p>
      <h1>汇总统计</h1>
      <p className="muted">将本机关以下各级机关的年度报告表二、表三、表四逐格相加。默认只计已发布的报告（每份取最新版本，已撤回的不计）。</p>
      <form method="get" action={`/organs/${organId}/summary`} className="card inline-form" aria-label="汇总条件">
        <div className="field">
          <label htmlFor="s-year">年度</label>
          <select id="s-year" name="year" defaultValue={String(chosenYear)}>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y} 年度
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="approved" value="1" defaultChecked={query.includeApproved} /> 包括待发布（已审核通过、尚未发布）的报告
          </label>
        </div>
        <button type="submit" className="button">
          查看
        </button>
      </form>
      {!query.ok ? (
        <p className="notice error" role="alert">
          {query.message}
        </p>
      ) : summary ? (
        <SummaryBody organId={organId} summary={summary} cell={query.cell} pages={query} />
      ) : null}
    </>
  );
}

function SummaryBody({ organId, summary, cell, pages }: { organId: string; summary: SummaryView; cell: string | null; pages: Pages }) {
  const base = { year: summary.year, includeApproved: summary.includeApproved };
  const here = { ...base, cell, ...pages };
  const files = (format: string) => `/api/organs/${organId}/summary/${format}${summaryQueryString(base)}`;
  return (
    <>
      <p data-testid="summary-headline">{summaryHeadline(summary)}</p>
      <p>
        下载：<a href={files("xlsx")}>Excel（.xlsx）</a> · <a href={files("csv")}>CSV</a>
      </p>
      {summary.sum ? <p className="muted">点击表中数字，可查看各机关的数值。</p> : <p className="notice">没有纳入汇总的报告，表中暂无数字。</p>}
      {cell ? (
        <CellBreakdown
          summary={summary}
          cell={cell}
          closeHref={summaryQueryString({ ...here, cell: null })}
          hrefOf={(cellPage) => `${summaryQueryString({ ...here, cellPage })}#cell-detail`}
          asked={pages.cellPage}
        />
      ) : null}
      {SUMMED_TABLES.map((table) => (
        <section key={table} className="card">
          <div className="table-scroll">
            <FormTable
              layout={TABLE_LAYOUTS[table]}
              className="form-table"
              renderValue={(value) => {
                const text = summary.sum?.[table][value.cell];
                if (text === undefined) return cellText(undefined);
                return (
                  <a
                    href={`${summaryQueryString({ ...base, cell: value.cell })}#cell-detail`}
                    aria-label={`${value.label}：${text}，查看各机关数值`}
                    aria-current={value.cell === cell ? "true" : undefined}
                    data-cell={value.cell}
                  >
                    {text}
                  </a>
                );
              }}
            />
          </div>
        </section>
      ))}
      <OrganLists summary={summary} pages={pages} hrefOf={(change, anchor) => `${summaryQueryString({ ...here, ...change })}#${anchor}`} />
    </>
  );
}

function CellBreakdown({ summary, cell, closeHref, hrefOf, asked }: { summary: SummaryView; cell: string; closeHref: string; hrefOf: (page: number) => string; asked: number }) {
  const table = tableOfCell(cell)!;
  const label = cellLabel(table, cell);
  return (
    <section id="cell-detail" className="card" aria-labelledby="cell-detail-heading">
      <h2 id="cell-detail-heading">{label}：各机关数值</h2>
      {summary.included.length === 0 ? (
        <p className="muted">没有纳入汇总的机关。</p>
      ) : (
        <OrganTable
          items={summary.included}
          asked={asked}
          label="各机关数值"
          labelledBy="cell-detail-heading"
          hrefOf={hrefOf}
          columns={[
            { header: "情况", cell: (o) => o.source },
            { header: "数值", cell: (o) => valueOfCell(o.values, table, cell) },
          ]}
          foot={
            <tr>
              <th scope="row" colSpan={3}>
                合计（{summary.included.length} 个机关）
              </th>
              <td>{summary.sum?.[table][cell]}</td>
            </tr>
          }
        />
      )}
      <p>
        <a href={closeHref}>收起</a>
      </p>
    </section>
  );
}

function OrganLists({ summary, pages, hrefOf }: { summary: SummaryView; pages: Pages; hrefOf: (change: Partial<Pages>, anchor: string) => string }) {
  return (
    <>
      <OrganList
        id="included"
        heading="纳入汇总的机关"
        items={summary.included}
        asked={pages.includedPage}
        hrefOf={(includedPage) => hrefOf({ includedPage }, "included")}
        columns={[
          { header: "情况", cell: (o) => o.source },
          { header: "索引号", cell: (o) => o.indexNumber ?? "—" },
        ]}
        none="无。"
      />
      <OrganList
        id="missing"
        heading="未纳入的机关"
        items={summary.missing}
        asked={pages.missingPage}
        hrefOf={(missingPage) => hrefOf({ missingPage }, "missing")}
        columns={[{ header: "原因", cell: (o) => o.reason }]}
        none="无，所有机关均已纳入。"
      />
    </>
  );
}

/** A list of organs under its heading, folded when long (a page past the first opens it). */
function OrganList<T extends ListedOrgan>(props: { id: string; heading: string; items: T[]; asked: number; hrefOf: (page: number) => string; columns: Column<T>[]; none: string }) {
  const { id, heading, items, asked, hrefOf, columns, none } = props;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>
        {heading}（{items.length}）
      </h2>
      <details open={items.length <= OPEN_LIST_LIMIT || asked > 1}>
        <summary>名单</summary>
        {items.length ? <OrganTable items={items} asked={asked} label={heading} labelledBy={`${id}-heading`} hrefOf={hrefOf} columns={columns} /> : <p className="muted">{none}</p>}
      </details>
    </section>
  );
}
