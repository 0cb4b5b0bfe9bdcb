// Tables 2–4 of many reports added up cell by cell (汇总). Counts add as integers; the fee (万元,
// up to four decimal places) adds in ten-thousandths as BigInt, so a province's sum has no
// floating-point drift. Only typed cells are added: the totals of the sum are then computed by
// withTotals, exactly as the editor computes them, so the sum passes every table check by
// construction. Each report's values are read once (a province has thousands). Pure and
// browser-safe.
import { parseAmount, parseCount, withTotals } from "./cells";
import { ALL_CELLS, cellLabel, TABLE2_FEE_CELL, TYPED_CELLS, type TableNumber } from "./format";

export const SUMMED_TABLES: ReadonlyArray<TableNumber> = [2, 3, 4];

/** The cells of tables 2, 3 and 4 (as stored: typed cells; or with totals, see fullTables). */
export type TableCells = Record<TableNumber, Record<string, string>>;

/** A report's typed values, read: the counts of each table in TYPED_CELLS' order (the fee's place holds 0), and the fee in ten-thousandths of 万元. */
export type TableValues = { counts: Record<TableNumber, number[]>; fee: bigint };

const PLAIN_COUNT = /^\d{1,9}$/;

/** A count; plain digits (nearly every stored value) read directly, anything else as the editor reads it. */
function readCount(raw: string | undefined): number | null {
  if (raw !== undefined && PLAIN_COUNT.test(raw)) return Number(raw);
  const parsed = parseCount(raw);
  return parsed.ok ? parsed.value : null;
}

/** The fee in ten-thousandths of 万元. At most 13 significant digits: value × 10⁴ lies within half a unit of the exact figure, so rounding gives it exactly. */
function readFee(raw: string | undefined): bigint | null {
  const parsed = parseAmount(raw);
  return parsed.ok ? BigInt(Math.round(parsed.value * 10_000)) : null;
}

/** A report's values, or the human names of the typed cells holding no valid value (such a report is not summed). */
export function readValues(tables: TableCells): { ok: true; values: TableValues } | { ok: false; invalid: string[] } {
  const invalid: string[] = [];
  const counts = {} as Record<TableNumber, number[]>;
  let fee: bigint | null = BigInt(0);
  for (const table of SUMMED_TABLES) {
    const cells = tables[table] ?? {};
    counts[table] = TYPED_CELLS[table].map((cell) => {
      const value = table === 2 && cell === TABLE2_FEE_CELL ? (fee = readFee(cells[cell])) : readCount(cells[cell]);
      if (value === null) invalid.push(cellLabel(table, cell));
      return typeof value === "number" ? value : 0;
    });
  }
  return invalid.length || fee === null ? { ok: false, invalid } : { ok: true, values: { counts, fee } };
}

/**
 * The typed cells of tables 2, 3 and 4 one after the other: the order of Publication.tableValues,
 * the values PostgreSQL reads from each publication (see its migration).
 */
export const STORED_VALUE_CELLS: ReadonlyArray<{ table: TableNumber; cell: string }> = SUMMED_TABLES.flatMap((table) => TYPED_CELLS[table].map((cell) => ({ table, cell })));

/**
 * A publication's values as stored (`array_to_string(tableValues, ',', '')`: plain values only, an
 * empty place where a value was not plain), or null when any place is empty or the count does
 * not match the form: that publication's cells are then read with readValues.
 */
export function readStoredValues(text: string): TableValues | null {
  const places = text.split(",");
  if (places.length !== STORED_VALUE_CELLS.length) return null;
  const counts = { 2: [], 3: [], 4: [] } as Record<TableNumber, number[]>;
  let fee = BigInt(0);
  for (let i = 0; i < places.length; i++) {
    const place = places[i]!;
    if (place === "") return null;
    const { table, cell } = STORED_VALUE_CELLS[i]!;
    if (table === 2 && cell === TABLE2_FEE_CELL) {
      fee = BigInt(place);
      counts[2].push(0);
    } else counts[table].push(Number(place));
  }
  return { counts, fee };
}

/** A report's figures as they were loaded: values already read (a publication's plain values), or cells still to read. */
export type ReportFigures = { values: TableValues } | { cells: TableCells };

/** The figures' values, or the human names of the cells holding no valid value. */
export function readFigures(figures: ReportFigures): ReturnType<typeof readValues> {
  return "values" in figures ? { ok: true, values: figures.values } : readValues(figures.cells);
}

/** The typed cells of a report that hold no valid value, by their human names. */
export function invalidCells(tables: TableCells): string[] {
  const read = readValues(tables);
  return read.ok ? [] : read.invalid;
}

/** An amount in ten-thousandths of 万元 written as the form writes it: "12.5", "0", never "12.5000". */
export function formatAmount(tenThousandths: bigint): string {
  const whole = tenThousandths / BigInt(10_000);
  const fraction = (tenThousandths % BigInt(10_000)).toString().padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** A report's tables with their totals computed, as the editor shows them. */
export function fullTables(tables: TableCells): TableCells {
  return { 2: { ...tables[2] }, 3: withTotals(3, tables[3] ?? {}), 4: withTotals(4, tables[4] ?? {}) };
}

/** The sum of read values, every cell of the form (totals computed by withTotals from the summed typed cells). No reports: every cell 0. */
export function addValues(list: ReadonlyArray<TableValues>): TableCells {
  const typed = {} as TableCells;
  let fee = BigInt(0);
  for (const values of list) fee += values.fee;
  for (const table of SUMMED_TABLES) {
    // Whole numbers: a Number is exact far beyond any province's count (2⁵³).
    const totals = TYPED_CELLS[table].map(() => 0);
    for (const values of list) {
      const counts = values.counts[table];
      for (let i = 0; i < totals.length; i++) totals[i]! += counts[i]!;
    }
    typed[table] = Object.fromEntries(TYPED_CELLS[table].map((cell, i) => [cell, table === 2 && cell === TABLE2_FEE_CELL ? formatAmount(fee) : String(totals[i])]));
  }
  return fullTables(typed);
}

/**
 * The sum of the reports' tables, every cell of the form. Every report must hold only valid
 * values (see invalidCells); an invalid one throws rather than being silently skipped.
 */
export function sumTables(reports: ReadonlyArray<TableCells>): TableCells {
  return addValues(
    reports.map((tables) => {
      const read = readValues(tables);
      if (!read.ok) throw new Error(`cannot sum ${read.invalid.join(", ")}: not a valid value`);
      return read.values;
    }),
  );
}

const CELL_TABLE = new Map<string, TableNumber>(SUMMED_TABLES.flatMap((table) => ALL_CELLS[table].map((cell) => [cell, table] as const)));

/** The table a cell key of the form belongs to (keys are unique across tables 2–4), or null for anything else. */
export function tableOfCell(cell: string): TableNumber | null {
  return CELL_TABLE.get(cell) ?? null;
}

// Which typed cells each cell of the form adds up (a typed cell: itself), found by asking withTotals
// itself one typed cell at a time (its totals are sums), so that a report's total is read from its
// values without recomputing every total of every report.
let addendsCache: Map<string, number[]> | null = null;
function addendsOf(table: TableNumber, cell: string): number[] {
  if (!addendsCache) {
    addendsCache = new Map();
    for (const t of SUMMED_TABLES) {
      const zeros = Object.fromEntries(TYPED_CELLS[t].map((c) => [c, "0"]));
      const base = t === 2 ? zeros : withTotals(t, zeros);
      for (const c of ALL_CELLS[t]) addendsCache.set(`${t}:${c}`, []);
      TYPED_CELLS[t].forEach((typed, i) => {
        const probe = t === 2 ? { ...zeros, [typed]: "1" } : withTotals(t, { ...zeros, [typed]: "1" });
        for (const c of ALL_CELLS[t]) if (probe[c] !== base[c]) addendsCache!.get(`${t}:${c}`)!.push(i);
      });
    }
  }
  return addendsCache.get(`${table}:${cell}`) ?? [];
}

// Every cell of tables 2–4 in allCellTexts' order with the typed values it adds up, worked out once
// (a province's open-data file asks for 287 cells of 5,000 reports).
let allCellsPlan: Array<{ table: TableNumber; fee: boolean; addends: number[] }> | null = null;

/** Every cell of tables 2, 3 and 4 (totals included, ALL_CELLS' order, table after table), from a report's read values, written as the form writes it. */
export function allCellTexts(values: TableValues): string[] {
  allCellsPlan ??= SUMMED_TABLES.flatMap((table) => ALL_CELLS[table].map((cell) => ({ table, fee: table === 2 && cell === TABLE2_FEE_CELL, addends: addendsOf(table, cell) })));
  return allCellsPlan.map(({ table, fee, addends }) => {
    if (fee) return formatAmount(values.fee);
    const counts = values.counts[table];
    let sum = 0;
    for (const i of addends) sum += counts[i]!;
    return String(sum);
  });
}

/** One report's value of any cell of the form (a total included), from its read values, written as the form writes it. */
export function valueOfCell(values: TableValues, table: TableNumber, cell: string): string {
  if (table === 2 && cell === TABLE2_FEE_CELL) return formatAmount(values.fee);
  const counts = values.counts[table];
  return String(addendsOf(table, cell).reduce((sum, i) => sum + counts[i]!, 0));
}
