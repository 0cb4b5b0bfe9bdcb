"use client";
import { useCallback } from "react";

/**
 * Keyboard movement and Excel/WPS paste for a table of cell inputs. Each input
 * carries its grid position (data-gr, data-gc) and cell key (data-cell);
 * computed cells occupy grid positions without an input, so a block copied from
 * a spreadsheet laid out like the official form lands where it belongs.
 */
export function useCellGrid(onCells: (updates: Record<string, string>) => void) {
  const onKeyDown = useCallback((event: React.KeyboardEvent<HTMLElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.dataset.gr === undefined) return;
    const row = Number(input.dataset.gr);
    const col = Number(input.dataset.gc);
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const moves: Record<string, [number, number] | null> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      Enter: [1, 0],
      ArrowLeft: atStart ? [0, -1] : null,
      ArrowRight: atEnd ? [0, 1] : null,
    };
    const move = moves[event.key];
    if (!move) return;
    const grid = event.currentTarget;
    // Step over computed cells until an input or the edge.
    for (let r = row + move[0], c = col + move[1], i = 0; i < 40; r += move[0], c += move[1], i++) {
      const target = grid.querySelector<HTMLInputElement>(`input[data-gr="${r}"][data-gc="${c}"]`);
      if (target) {
        event.preventDefault();
        target.focus();
        target.select();
        return;
      }
      if (r < 0 || c < 0) return;
    }
  }, []);

  const onPaste = useCallback(
    (event: React.ClipboardEvent<HTMLElement>) => {
      const input = event.target as HTMLInputElement;
      const text = event.clipboardData.getData("text/plain");
      if (input.dataset.gr === undefined || !/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return;
      event.preventDefault();
      const rows = text
        .replace(/\r/g, "")
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => line.split("\t"));
      const row = Number(input.dataset.gr);
      const col = Number(input.dataset.gc);
      const grid = event.currentTarget;
      const updates: Record<string, string> = {};
      rows.forEach((values, i) =>
        values.forEach((value, j) => {
          const target = grid.querySelector<HTMLInputElement>(`input[data-gr="${row + i}"][data-gc="${col + j}"]`);
          if (target?.dataset.cell) updates[target.dataset.cell] = value.trim();
        }),
      );
      onCells(updates);
    },
    [onCells],
  );

  return { onKeyDown, onPaste };
}

/** What the checks say about one cell; `unfilledOnly` when all they say is that it is not filled in yet. */
export type CellState = { severity: "error" | "warning"; messages: string[]; unfilledOnly: boolean };

/** One typed cell. Its problems are announced through aria-describedby and shown as a tooltip. */
export function CellInput(props: {
  cell: string;
  label: string;
  value: string;
  row: number;
  col: number;
  state?: CellState;
  readOnly: boolean;
  onChange: (cell: string, value: string) => void;
  inputMode?: "numeric" | "decimal";
}) {
  const { cell, label, value, row, col, state, readOnly, onChange, inputMode = "numeric" } = props;
  const id = `cell-${cell.replace(".", "-")}`;
  // A cell not filled in yet is still an error (it blocks submission), but shown as "to fill", not alarm red.
  const look = !state ? "" : state.unfilledOnly ? " cell-empty" : ` cell-${state.severity}`;
  return (
    <>
      <input
        id={id}
        className={`cell-input${look}`}
        aria-label={label}
        aria-invalid={state?.severity === "error" ? true : undefined}
        aria-describedby={state ? `${id}-problem` : undefined}
        title={state?.messages.join("\n")}
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        readOnly={readOnly}
        data-cell={cell}
        data-gr={row}
        data-gc={col}
        onChange={(e) => onChange(cell, e.target.value)}
      />
      {state ? (
        <span id={`${id}-problem`} className="sr-only">
          {state.messages.join("；")}
        </span>
      ) : null}
    </>
  );
}

export function ComputedCell({ value, label, state }: { value: string; label: string; state?: CellState }) {
  return (
    <output className={`cell-computed${state ? ` cell-${state.severity}` : ""}`} aria-label={`${label}（自动计算）`} title={state?.messages.join("\n")}>
      {value === "" ? "—" : value}
    </output>
  );
}
