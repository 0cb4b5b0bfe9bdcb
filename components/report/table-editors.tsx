"use client";
import { withTotals } from "@/lib/report-format/cells";
import type { TableNumber } from "@/lib/report-format/format";
import { TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";
import { CellInput, ComputedCell, useCellGrid, type CellState } from "./cell-grid";
import { FormTable } from "./form-table";

type Props = {
  cells: Record<string, string>;
  cellStates: Map<string, CellState>;
  readOnly: boolean;
  /** Absent for a read-only table. */
  onCells?: (updates: Record<string, string>) => void;
};

const ignore = () => undefined;

const TABLE_CLASS: Record<TableNumber, string> = { 2: "form-table", 3: "form-table table3", 4: "form-table table4" };

/** Tables 2–4 as the editor shows them: an input per typed cell, totals computed as one types. */
export function TableEditor({ table, cells, cellStates, readOnly, onCells = ignore }: Props & { table: TableNumber }) {
  const grid = useCellGrid(onCells);
  const change = (cell: string, value: string) => onCells({ [cell]: value });
  const values = withTotals(table, cells);
  return (
    <div className="table-scroll" onKeyDown={grid.onKeyDown} onPaste={grid.onPaste}>
      <FormTable
        layout={TABLE_LAYOUTS[table]}
        className={TABLE_CLASS[table]}
        title="label"
        renderValue={(cell, at) =>
          cell.computed ? (
            <ComputedCell value={values[cell.cell] ?? ""} label={cell.label} state={cellStates.get(cell.cell)} />
          ) : (
            <CellInput
              cell={cell.cell}
              label={cell.label}
              value={values[cell.cell] ?? ""}
              row={at.row}
              col={at.col}
              state={cellStates.get(cell.cell)}
              readOnly={readOnly}
              onChange={change}
              inputMode={cell.isAmount ? "decimal" : "numeric"}
            />
          )
        }
      />
    </div>
  );
}

export const Table2Editor = (props: Props) => <TableEditor table={2} {...props} />;
export const Table3Editor = (props: Props) => <TableEditor table={3} {...props} />;
export const Table4Editor = (props: Props) => <TableEditor table={4} {...props} />;
