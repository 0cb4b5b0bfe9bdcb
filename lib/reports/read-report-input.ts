import "server-only";
import { AppError } from "@/lib/errors";
import { readDocxReport, readPageReport, readPastedReport } from "@/lib/report-files/import/read-report-file";
import type { RecognisedReport } from "@/lib/report-files/import/recognised-report";

/** A report brought in from outside: an uploaded file (Word or a saved page, told apart by its bytes) or pasted text. */
export type ReportInput = { kind: "file"; name: string; bytes: Uint8Array } | { kind: "text"; text: string };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** What the input says, recognised; refused in Chinese when it cannot be read or is not an annual report. */
export async function readReportInput(input: ReportInput): Promise<{ report: RecognisedReport; source: string; format: "docx" | "html" | "text" }> {
  if (input.kind === "text") {
    if (!input.text.trim()) throw new AppError("INVALID_INPUT", "请粘贴报告的文字。", { text: "请粘贴报告的文字。" });
    const result = readPastedReport(input.text);
    if (!result.ok) throw new AppError("INVALID_INPUT", result.problem, { text: result.problem });
    return { report: result.report, source: "粘贴的文字", format: "text" };
  }
  if (input.bytes.length === 0) throw new AppError("INVALID_INPUT", "请选择要导入的文件。", { file: "请选择要导入的文件。" });
  const asWord = isZip(input.bytes) || isOle(input.bytes) || /\.docx?$/i.test(input.name);
  const result = asWord ? await readDocxReport(input.bytes) : readPageReport(input.bytes);
  if (!result.ok) throw new AppError("INVALID_INPUT", result.problem, { file: result.problem });
  return { report: result.report, source: input.name, format: asWord ? "docx" : "html" };
}
