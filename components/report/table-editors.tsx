"use client";
import { Fragment } from "react";
import { withTotals } from "@/lib/report-format/cells";
import {
  cellLabel, TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_HEADER_NOTE, TABLE3_RESULTS_HEADING, TABLE3_ROWS, TABLE3_SUBGROUPS,
  TABLE4_BLOCKS, TABLE4_COLUMNS,
} from "@/lib/report-format/format";
import { CellInput, ComputedCell, useCellGrid, type CellState } from "./cell-grid";

type Props = {
  cells: Record<string, string>;
  cellStates: Map<string, CellState>;
  readOnly: boolean;
  /** Absent for a read-only table (e.g. on the review screen). */
  onCells?: (updates: Record<string, string>) => void;
};

const ignore = () => undefined;

export function Table2Editor({ cells, cellStates, readOnly, onCells = ignore }: Props) {
  const grid = useCellGrid(onCells);
  const change = (cell: string, value: string) => onCells({ [cell]: value });
  let gridRow = 0;
  return (
    <div className="table-scroll" onKeyDown={grid.onKeyDown} onPaste={grid.onPaste}>
      <table className="form-table" aria-label="表二 主动公开政府信息情况">
        <tbody>
          {TABLE2_BLOCKS.map((block) => (
            <Fragment key={block.caption}>
              <tr>
                <th colSpan={4} scope="colgroup" className="block-caption">
                  {block.caption}
                </th>
              </tr>
              <tr>
                <th scope="col">信息内容</th>
                {block.columns.map((c) => (
                  <th key={c.key} scope="col" colSpan={block.columns.length === 1 ? 3 : 1}>
                    {c.label}
                  </th>
                ))}
              </tr>
              {block.rows.map((r) => {
                const thisRow = gridRow++;
                return (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    {block.columns.map((c, col) => {
                      const cell = `${r.key}.${c.key}`;
                      return (
                        <td key={c.key} colSpan={block.columns.length === 1 ? 3 : 1}>
                          <CellInput
                            cell={cell} label={cellLabel(2, cell)} value={cells[cell] ?? ""} row={thisRow} col={col}
                            state={cellStates.get(cell)} readOnly={readOnly} onChange={change} inputMode={block.isAmount ? "decimal" : "numeric"}
                          />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Table3Editor({ cells, cellStates, readOnly, onCells = ignore }: Props) {
  const grid = useCellGrid(onCells);
  const change = (cell: string, value: string) => onCells({ [cell]: value });
  const full = withTotals(3, cells);
  const resultRows = TABLE3_ROWS.filter((r) => r.group === "results");
  const subgroupSize = (subgroup: string) => TABLE3_ROWS.filter((r) => r.subgroup === subgroup).length;
  return (
    <div className="table-scroll" onKeyDown={grid.onKeyDown} onPaste={grid.onPaste}>
      <table className="form-table table3" aria-label="表三 收到和处理政府信息公开申请情况">
        <thead>
          <tr>
            <td rowSpan={3} colSpan={3} className="header-note">
              {TABLE3_HEADER_NOTE}
            </td>
            <th colSpan={7} scope="colgroup">
              申请人情况
            </th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col" id="t3-natural">自然人</th>
            <th colSpan={5} scope="colgroup">法人或其他组织</th>
            <th rowSpan={2} scope="col" id="t3-total">总计</th>
          </tr>
          <tr>
            {TABLE3_COLUMNS.slice(1, 6).map((c) => (
              <th key={c.key} scope="col" id={`t3-${c.key}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TABLE3_ROWS.map((row, gridRow) => {
            const labels: React.ReactNode[] = [];
            if (!row.group) labels.push(<th key="l" scope="row" colSpan={3}>{row.label}</th>);
            else {
              if (row === resultRows[0]) labels.push(<th key="g" scope="rowgroup" rowSpan={resultRows.length}>{TABLE3_RESULTS_HEADING}</th>);
              if (!row.subgroup) labels.push(<th key="l" scope="row" colSpan={2}>{row.label}</th>);
              else {
                if (TABLE3_ROWS.find((r) => r.subgroup === row.subgroup) === row) {
                  labels.push(<th key="s" scope="rowgroup" rowSpan={subgroupSize(row.subgroup)}>{TABLE3_SUBGROUPS[row.subgroup]}</th>);
                }
                labels.push(<th key="l" scope="row">{row.label}</th>);
              }
            }
            const isTotalRow = row.key === "resultsTotal";
            return (
              <tr key={row.key} className={isTotalRow ? "total-row" : undefined}>
                {labels}
                {TABLE3_COLUMNS.map((c, col) => {
                  const cell = `${row.key}.${c.key}`;
                  const computed = isTotalRow || c.key === "total";
                  return (
                    <td key={c.key}>
                      <TotalOrInput table={3} cell={cell} computed={computed} values={full} row={gridRow} col={col} {...{ cellStates, readOnly, change }} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Table4Editor({ cells, cellStates, readOnly, onCells = ignore }: Props) {
  const grid = useCellGrid(onCells);
  const change = (cell: string, value: string) => onCells({ [cell]: value });
  const full = withTotals(4, cells);
  return (
    <div className="table-scroll" onKeyDown={grid.onKeyDown} onPaste={grid.onPaste}>
      <table className="form-table table4" aria-label="表四 政府信息公开行政复议、行政诉讼情况">
        <thead>
          <tr>
            <th colSpan={5} rowSpan={2} scope="colgroup">行政复议</th>
            <th colSpan={10} scope="colgroup">行政诉讼</th>
          </tr>
          <tr>
            <th colSpan={5} scope="colgroup">未经复议直接起诉</th>
            <th colSpan={5} scope="colgroup">复议后起诉</th>
          </tr>
          <tr>
            {TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => <th key={`${b.key}.${c.key}`} scope="col">{c.label}</th>))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {TABLE4_BLOCKS.flatMap((b, blockIndex) =>
              TABLE4_COLUMNS.map((c, colIndex) => {
                const cell = `${b.key}.${c.key}`;
                return (
                  <td key={cell}>
                    <TotalOrInput table={4} cell={cell} computed={c.key === "total"} values={full} row={0} col={blockIndex * 5 + colIndex} {...{ cellStates, readOnly, change }} />
                  </td>
                );
              }),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** A cell of tables 3 and 4: a computed total shown, or an input. `values` holds typed cells and totals. */
function TotalOrInput(props: {
  table: 3 | 4;
  cell: string;
  computed: boolean;
  values: Record<string, string>;
  row: number;
  col: number;
  cellStates: Map<string, CellState>;
  readOnly: boolean;
  change: (cell: string, value: string) => void;
}) {
  const { table, cell, computed, values, row, col, cellStates, readOnly, change } = props;
  const label = cellLabel(table, cell);
  return computed ? (
    <ComputedCell value={values[cell] ?? ""} label={label} state={cellStates.get(cell)} />
  ) : (
    <CellInput cell={cell} label={label} value={values[cell] ?? ""} row={row} col={col} state={cellStates.get(cell)} readOnly={readOnly} onChange={change} />
  );
}
