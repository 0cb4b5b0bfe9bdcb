// One of tables 2–4 laid out like the official form, from its layout in
// lib/report-format/table-layouts.ts. Shared by the editor (inputs), the review
// screen and the public pages (text): the caller renders each value cell's content.
// No hooks and no "use client": it renders in the browser, in server components and
// through react-dom/server's static rendering alike.
import type { ReactNode } from "react";
import type { LabelCell, TableLayout, ValueCell } from "@/lib/report-format/table-layouts";

/**
 * A value cell's place in the keyboard grid: `row` counts the rows that hold value
 * cells, `col` the value cells within the row (computed cells included, so that a
 * block pasted from a spreadsheet laid out like the form lands where it belongs).
 */
export type GridPosition = { row: number; col: number };

/** A value as printed where it is not edited: "—" where nothing was filled in. */
export const cellText = (value: string | undefined) => (value === undefined || value.trim() === "" ? "—" : value);

const LOOK_CLASS: Record<NonNullable<LabelCell["look"]>, string> = { blockCaption: "block-caption", note: "header-note" };

function Label({ cell }: { cell: LabelCell }) {
  const props = { rowSpan: cell.rowSpan, colSpan: cell.colSpan, className: cell.look ? LOOK_CLASS[cell.look] : undefined };
  return cell.scope ? (
    <th scope={cell.scope} {...props}>
      {cell.text}
    </th>
  ) : (
    <td {...props}>{cell.text}</td>
  );
}

export function FormTable({
  layout,
  className,
  title = "caption",
  renderValue,
}: {
  layout: TableLayout;
  className: string;
  /** "caption": the title as the table's visible caption (public page); "label": as its accessible name only (editor). */
  title?: "caption" | "label";
  renderValue: (cell: ValueCell, at: GridPosition) => ReactNode;
}) {
  let gridRow = 0;
  const rows = (list: TableLayout["head"]) =>
    list.map((row) => {
      const holdsValues = row.cells.some((c) => c.kind === "value");
      const at = holdsValues ? gridRow++ : -1;
      let col = 0;
      return (
        <tr key={row.key} className={row.isTotal ? "total-row" : undefined}>
          {row.cells.map((cell, i) =>
            cell.kind === "label" ? (
              <Label key={i} cell={cell} />
            ) : (
              <td key={cell.cell} colSpan={cell.colSpan}>
                {renderValue(cell, { row: at, col: col++ })}
              </td>
            ),
          )}
        </tr>
      );
    });
  return (
    <table className={className} aria-label={title === "label" ? layout.title : undefined}>
      {title === "caption" ? <caption>{layout.title}</caption> : null}
      {layout.head.length ? <thead>{rows(layout.head)}</thead> : null}
      {layout.bodies.map((body) => (
        <tbody key={body[0]?.key}>{rows(body)}</tbody>
      ))}
    </table>
  );
}
