"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { checkDraft, isUnfilledCell, type Finding } from "@/lib/report-format/checks";
import type { ReportSections, SectionContent, TableContent } from "@/lib/report-format/content";
import { unfilledCells, zerosForUnfilled } from "@/lib/report-format/cells";
import { SECTION_TABLE, SECTION_TEXT_LIMIT, sectionLabel, type SectionKey, type TableNumber } from "@/lib/report-format/format";
import { findHalfWidthPunctuation, fixPunctuation } from "@/lib/report-format/punctuation";
import type { CellState } from "./cell-grid";
import { ConflictView } from "./conflict-view";
import { takeEarlyInput, type EarlyInput } from "./early-input";
import { Table2Editor, Table3Editor, Table4Editor } from "./table-editors";
import { useAutosave, type SaveStatus } from "./use-autosave";

type Props = {
  reportId: string;
  sectionKey: SectionKey;
  year: number;
  organKind: OrganKind;
  /** The report's title and the organ's name, for the YEAR and ORGAN checks. */
  identity: { title: string; organName: string };
  initialContent: SectionContent;
  initialVersion: number;
  /** The whole report as saved, for checks that look across sections. */
  sections: ReportSections;
  lastYear: ReportSections | null;
  canEdit: boolean;
  isCarriedOver: boolean;
};

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: "已保存",
  saving: "保存中……",
  unsaved: "未保存",
  conflict: "保存冲突",
  refused: "未保存",
};

export function SectionEditor(props: Props) {
  const { reportId, sectionKey, year, organKind, identity, sections, lastYear, canEdit } = props;
  const autosave = useAutosave({ reportId, sectionKey, initialContent: props.initialContent, initialVersion: props.initialVersion, enabled: canEdit });
  const { content, update, status } = autosave;
  const [carriedOver, setCarriedOver] = useState(props.isCarriedOver);
  const openBy = usePresence(reportId, sectionKey, canEdit);
  const editable = canEdit;

  const findings = useMemo(
    () => checkDraft({ year, organKind, sections: { ...sections, [sectionKey]: content }, lastYear, identity }),
    [year, organKind, sections, sectionKey, content, lastYear, identity],
  );
  // A table's page also lists what other sections' text says against its cells: that is where the
  // number is fixed, if the number is what is wrong (each links to the words in the text).
  const { here, aboutThisTable, elsewhere, cellStates } = useMemo(() => {
    const table = SECTION_TABLE[sectionKey];
    const here = findings.filter((f) => f.section === sectionKey);
    const aboutThisTable = table ? findings.filter((f) => f.section !== sectionKey && f.cells.some((c) => c.table === table)) : [];
    const elsewhere = findings.filter((f) => f.section !== sectionKey && f.severity === "error" && !aboutThisTable.includes(f));
    return { here, aboutThisTable, elsewhere, cellStates: statesByCell([...here, ...aboutThisTable]) };
  }, [findings, sectionKey]);
  useSelectionFromHash(content.kind === "narrative" ? "narrative" : "table-note");

  const change = (next: SectionContent) => {
    setCarriedOver(false);
    update(next);
  };

  // The fields are editable before hydration: what was typed then becomes the first edit.
  useEffect(() => {
    const early = takeEarlyInput();
    if (!early || !canEdit) return;
    const next = withEarlyInput(props.initialContent, early);
    setCarriedOver(false);
    update(next);
    requestAnimationFrame(() => restoreCaret(early));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when React takes the fields over
  }, []);

  return (
    <div className="editor" data-early-input="">
      <div className="editor-bar">
        <p className={`save-status save-${status}`} role="status" aria-live="polite" data-testid="save-status">
          {canEdit ? STATUS_TEXT[status] : "只读"}
          {autosave.savedAt && status === "saved" ? <span className="muted">（{autosave.savedAt.toLocaleTimeString("zh-CN")}）</span> : null}
        </p>
        {openBy ? (
          <p className="notice error" role="alert">
            {openBy.name} 自 {new Date(openBy.since).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit" })} 起也在编辑这一部分，请注意协调，避免冲突。
          </p>
        ) : null}
      </div>
      {autosave.message && status !== "conflict" ? (
        <p className={`notice ${status === "saved" ? "ok" : "error"}`} role="alert">
          {autosave.message}
        </p>
      ) : null}
      {autosave.conflict ? (
        <ConflictView table={SECTION_TABLE[sectionKey]} mine={content} theirs={autosave.conflict} onKeepMine={autosave.keepMine} onTakeTheirs={autosave.takeTheirs} />
      ) : null}
      {carriedOver ? (
        <p className="notice carried" data-testid="carried-over">
          本部分内容沿用自上一年度报告，尚未修改。请按本年度实际情况改写。
        </p>
      ) : null}

      {content.kind === "narrative" ? (
        <NarrativeEditor
          title={sectionLabel(sectionKey)}
          hint={sectionKey === "intro" ? INTRO_HINT : undefined}
          text={content.text}
          readOnly={!editable}
          onChange={(text) => change({ kind: "narrative", text })}
        />
      ) : (
        <TableSection sectionKey={sectionKey} content={content} cellStates={cellStates} readOnly={!editable} onChange={change} />
      )}

      <FindingsList title="本部分检查结果" findings={here} emptyText={aboutThisTable.length ? "本部分自身未发现问题。" : "本部分未发现问题。"} reportId={reportId} />
      {aboutThisTable.length ? <FindingsList title="正文中与本表有关的问题" findings={aboutThisTable} reportId={reportId} /> : null}
      {elsewhere.length ? <FindingsList title="其他部分的错误" findings={elsewhere} reportId={reportId} /> : null}
    </div>
  );
}

const INTRO_HINT = "正文前的开头一段（可不填）：依据、统计期限等，常以“现将有关情况报告如下：”结尾。公开页面和 Word 中排在“一、总体情况”之前，不加标题。";

function NarrativeEditor({ title, hint, text, readOnly, onChange }: { title: string; hint?: string; text: string; readOnly: boolean; onChange: (text: string) => void }) {
  const length = [...text].length;
  return (
    <div className="field">
      <label htmlFor="narrative">{title}</label>
      {hint ? <p className="hint">{hint}</p> : null}
      <PunctuationFix text={text} readOnly={readOnly} onFix={onChange} />
      <textarea id="narrative" className="narrative" value={text} readOnly={readOnly} rows={18} aria-describedby="narrative-hint" onChange={(e) => onChange(e.target.value)} />
      <span id="narrative-hint" className={length > SECTION_TEXT_LIMIT ? "field-error" : "hint"}>
        纯文本，空行分段；以“（一）”至“（十）”开头的一行是小标题。{length.toLocaleString("zh-CN")} / {SECTION_TEXT_LIMIT.toLocaleString("zh-CN")} 字
      </span>
    </div>
  );
}

function TableSection(props: { sectionKey: SectionKey; content: TableContent; cellStates: Map<string, CellState>; readOnly: boolean; onChange: (next: SectionContent) => void }) {
  const { sectionKey, content, cellStates, readOnly, onChange } = props;
  const onCells = (updates: Record<string, string>) => onChange({ ...content, cells: { ...content.cells, ...updates } });
  const Editor = sectionKey === "proactive" ? Table2Editor : sectionKey === "requests" ? Table3Editor : Table4Editor;
  return (
    <>
      <p className="hint">方向键、Tab、回车在单元格间移动；可从 Excel/WPS 复制一块区域，在起始单元格粘贴。“总计”自动计算。</p>
      <FillZeros table={SECTION_TABLE[sectionKey]!} cells={content.cells} readOnly={readOnly} onFill={onCells} />
      <Editor cells={content.cells} cellStates={cellStates} readOnly={readOnly} onCells={onCells} />
      <div className="field" style={{ marginTop: "1rem" }}>
        <label htmlFor="table-note">表格说明（可选）</label>
        <PunctuationFix text={content.note} readOnly={readOnly} onFix={(note) => onChange({ ...content, note })} />
        <textarea id="table-note" rows={3} value={content.note} readOnly={readOnly} onChange={(e) => onChange({ ...content, note: e.target.value })} />
      </div>
    </>
  );
}

/**
 * "未填写的单元格填 0": a new table has every cell empty, each an error, and most of them are 0. One
 * click fills the empty ones; like 规范标点, a change saved like any other (one revision), and in
 * review the stage holder's click is a tracked correction in their name.
 */
function FillZeros({
  table,
  cells,
  readOnly,
  onFill,
}: {
  table: TableNumber;
  cells: Record<string, string>;
  readOnly: boolean;
  onFill: (updates: Record<string, string>) => void;
}) {
  const count = useMemo(() => unfilledCells(table, cells).length, [table, cells]);
  if (!count || readOnly) return null;
  return (
    <p className="notice carried inline-form" data-testid="fill-zeros">
      本表有 {count} 个单元格未填写。没有发生的事项应填 0。
      <button type="button" className="button secondary" onClick={() => onFill(zerosForUnfilled(table, cells))}>
        未填写的单元格填 0
      </button>
    </p>
  );
}

/**
 * Half-width punctuation in the text (PUNCTUATION): one click makes it full-width. A save like any
 * other: in review, the stage holder's click is a tracked correction in their name.
 */
function PunctuationFix({ text, readOnly, onFix }: { text: string; readOnly: boolean; onFix: (text: string) => void }) {
  const count = useMemo(() => findHalfWidthPunctuation(text).length, [text]);
  if (!count || readOnly) return null;
  return (
    <p className="notice carried inline-form" data-testid="punctuation">
      有 {count} 处半角标点（如“,”“:”“(”），中文应使用全角标点。
      <button type="button" className="button secondary" onClick={() => onFix(fixPunctuation(text))}>
        规范标点
      </button>
    </p>
  );
}

/** The address of words in a section's text: its page, with the words selected when it opens. */
export function textAddress(reportId: string, f: Finding) {
  return f.quote ? `/reports/${reportId}/sections/${f.section}#text-${f.quote.start}-${f.quote.end}` : null;
}

/** Selects the words named by the address's #text-START-END in the page's text field, on opening and when the address changes. */
function useSelectionFromHash(fieldId: string) {
  const done = useRef("");
  useEffect(() => {
    const select = () => {
      const match = /^#text-(\d+)-(\d+)$/.exec(window.location.hash);
      const field = document.getElementById(fieldId);
      if (!match || !(field instanceof HTMLTextAreaElement) || done.current === window.location.hash) return;
      done.current = window.location.hash;
      field.focus();
      field.setSelectionRange(Number(match[1]), Number(match[2]));
      // Bring the selection into view: a textarea scrolls to its caret only while typing.
      const line = field.value.slice(0, Number(match[1])).split("\n").length - 1;
      field.scrollTop = Math.max(0, line - 2) * parseFloat(getComputedStyle(field).lineHeight || "24");
      field.scrollIntoView({ block: "center" });
    };
    select();
    const again = () => {
      done.current = "";
      select();
    };
    window.addEventListener("hashchange", again);
    return () => window.removeEventListener("hashchange", again);
  }, [fieldId]);
}

export function FindingsList({ title, findings, emptyText, reportId }: { title: string; findings: Finding[]; emptyText?: string; reportId?: string }) {
  return (
    <section className="findings" aria-label={title}>
      <h2>{title}</h2>
      {findings.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul>
          {findings.map((f, i) => (
            <li key={`${f.id}-${i}`} className={`finding finding-${f.severity}`}>
              <span className="tag">{f.severity === "error" ? "错误" : "提醒"}</span> {f.message} <span className="muted">[{f.id}]</span>
              {reportId && textAddress(reportId, f) ? (
                <>
                  {" "}
                  {/* A plain link: the page (or, on the same page, the hash change) selects the words as it opens. */}
                  <a href={textAddress(reportId, f)!}>查看原文</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The section as rendered, with what was typed into its fields before hydration. */
function withEarlyInput(content: SectionContent, early: EarlyInput): SectionContent {
  if (content.kind === "narrative") return early.narrative ? { kind: "narrative", text: early.narrative.value } : content;
  const cells = { ...content.cells };
  for (const { cell, value } of Object.values(early)) if (cell) cells[cell] = value;
  return { ...content, cells, note: early["table-note"]?.value ?? content.note };
}

/** Puts the caret back where it was in the field being typed into (setting a value moves it to the end). */
function restoreCaret(early: EarlyInput) {
  const field = document.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  const at = early[field.id];
  if (at && at.start !== null && at.end !== null && field.value === at.value) field.setSelectionRange(at.start, at.end);
}

function statesByCell(findings: Finding[]): Map<string, CellState> {
  const states = new Map<string, CellState>();
  for (const f of findings) {
    for (const { cell } of f.cells) {
      const state = states.get(cell) ?? { severity: f.severity, messages: [], unfilledOnly: true };
      if (f.severity === "error") state.severity = "error";
      state.messages.push(f.message);
      state.unfilledOnly &&= isUnfilledCell(f);
      states.set(cell, state);
    }
  }
  return states;
}

/** Tells the server this section is open here (every 30 s) and reports who else has it open. */
function usePresence(reportId: string, key: string, enabled: boolean) {
  const [openBy, setOpenBy] = useState<{ name: string; since: string } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const url = `/api/reports/${reportId}/sections/${key}/presence`;
    const ping = () =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
        .then((r) => (r.ok ? r.json() : null))
        .then((body) => body && setOpenBy(body.openBy))
        .catch(() => undefined);
    void ping();
    const timer = setInterval(ping, 30_000);
    const close = () => void fetch(url, { method: "POST", keepalive: true, headers: { "content-type": "application/json" }, body: '{"closing":true}' }).catch(() => undefined);
    window.addEventListener("pagehide", close);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", close);
      close();
    };
  }, [reportId, key, enabled]);
  return openBy;
}
