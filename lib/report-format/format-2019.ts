// The superseded 2019 format (国办公开办函〔2019〕60号) and what replaced each of its items in the
// 2021 format (国办公开办函〔2021〕30号): for reading files written in the 2019 layout without
// refusing them, and for naming the replacement in the FORMAT finding. Pure data.
import { cellLabel, TABLE2_BLOCKS, TYPED_CELLS, type TableNumber } from "./format";

type Replacement = { label: string; cell?: string } | null;

/** 2019 column labels of table 2, with the 2021 column that replaced each; null when none did. */
const COLUMNS_2019: Record<string, string | null> = {
  本年新制作数量: "made",
  本年新公开数量: null,
  对外公开总数量: "current",
  上一年项目数量: null,
  "本年增/减": null,
  "本年增／减": null,
  处理决定数量: "decisions",
  采购项目数量: null,
  采购总金额: null,
};
/** 2019 row names of table 2 that the 2021 format renamed (to the row key) or dropped (null). */
const ROWS_2019: Record<string, string | null> = {
  规范性文件: "normativeDocuments",
  其他对外管理服务事项: null,
  政府集中采购: null,
  "第二十条第（九）项": null,
};

const TABLE2_ROWS = TABLE2_BLOCKS.flatMap((b) => b.rows);
const TABLE2_COLUMNS = TABLE2_BLOCKS.flatMap((b) => b.columns);

/** A row of table 2 named by its 2021 key or by either format's Chinese name: its 2021 key, null when dropped, undefined when unknown. */
function rowOf(part: string): string | null | undefined {
  if (part in ROWS_2019) return ROWS_2019[part];
  return TABLE2_ROWS.find((r) => r.key === part || r.label === part)?.key;
}
function columnOf(part: string): string | null | undefined {
  if (part in COLUMNS_2019) return COLUMNS_2019[part];
  return TABLE2_COLUMNS.find((c) => c.key === part || c.label === part)?.key;
}
const rowName = (part: string) => TABLE2_ROWS.find((r) => r.key === part)?.label ?? part;
const columnName = (part: string) => TABLE2_COLUMNS.find((c) => c.key === part)?.label ?? part;

/**
 * A cell key of a report file that names a 2019-format item ("regulations.本年新制作数量",
 * "政府集中采购.采购总金额", "otherHandling.natural"), read: the item in the form's words, and its
 * 2021 replacement (null when the 2021 format dropped it). Null when the key names no 2019 item.
 */
export function read2019Key(table: TableNumber, key: string): { item: string; replacement: Replacement } | null {
  const [rowPart, columnPart] = key.includes(".") ? (key.split(".", 2) as [string, string]) : ["", key];
  if (table === 3) {
    // The 2019 form had one row （六）其他处理; the 2021 form splits it in three.
    if (!/^(?:otherHandling|（六）其他处理|其他处理)$/.test(rowPart)) return null;
    return { item: `表三 （六）其他处理 / ${columnPart}（2019 年格式为一行）`, replacement: { label: "（六）其他处理 1.至 3. 三行（otherHandling1–otherHandling3）" } };
  }
  if (table !== 2) return null;
  const is2019 = columnPart in COLUMNS_2019 || rowPart in ROWS_2019 || (rowPart === "" && columnPart in ROWS_2019);
  if (!is2019) return null;
  const item = `表二 ${rowPart ? `${rowName(rowPart)} / ` : ""}${columnName(columnPart)}`;
  const row = rowOf(rowPart);
  const column = columnOf(columnPart);
  const cell = row && column ? `${row}.${column}` : null;
  if (!cell || !TYPED_CELLS[2].includes(cell)) return { item, replacement: null };
  return { item, replacement: { label: cellLabel(2, cell), cell } };
}

/** Labels of the 2019 layout; none may appear in the text of a report for 2021 or later. */
export const FORMAT_2019_TEXT_LABELS = [
  "本年新制作数量",
  "本年新公开数量",
  "对外公开总数量",
  "上一年项目数量",
  "本年增/减",
  "其他对外管理服务事项",
  "第二十条第（九）项",
  "政府集中采购",
];
