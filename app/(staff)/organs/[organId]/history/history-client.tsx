"use client";
import { ImportPreviewView } from "@/components/report/import-preview-view";
import { usePreviewThenConfirm } from "@/components/report/use-preview-then-confirm";
import { addExternalAction, previewExternalAction, type ExternalPreviewState } from "./actions";

/** Add a past year: choose the file (or paste the text), preview what will be stored, confirm. */
export function HistoryClient({ organId, years, maxBytes }: { organId: string; years: number[]; maxBytes: number }) {
  const { state, message, isPending, hydrated, preview, confirm, reset } = usePreviewThenConfirm<ExternalPreviewState>({
    maxBytes,
    preview: (data) => previewExternalAction(organId, data),
    confirm: (data) => addExternalAction(organId, data),
  });

  return (
    <>
      <form
        className="card"
        method="post"
        noValidate
        aria-labelledby="history-add"
        onSubmit={(event) => {
          event.preventDefault();
          preview(event.currentTarget);
        }}
      >
        <h2 id="history-add">添加历年报告</h2>
        <div className="field">
          <label htmlFor="history-file">Word 文件或保存的网页（不超过 {maxBytes / 1024 / 1024} MB）</label>
          <input id="history-file" name="file" type="file" accept=".docx,.html,.htm" />
        </div>
        <div className="field">
          <label htmlFor="history-text">或粘贴报告的文字</label>
          <textarea id="history-text" name="text" rows={4} />
        </div>
        <div className="field">
          <label htmlFor="history-year">报告年度（文件标题中没有年度时选择）</label>
          <select id="history-year" name="year" defaultValue="">
            <option value="">按文件标题</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y} 年度
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-url">原发布地址（网址）</label>
          <input id="history-url" name="sourceUrl" type="url" placeholder="https://" />
        </div>
        {state && !state.ok ? (
          <p className="notice error" role="alert">
            {state.message}
          </p>
        ) : null}
        <button type="submit" className="button secondary" disabled={isPending || !hydrated}>
          {isPending ? "正在读取……" : "预览"}
        </button>
      </form>
      {state?.ok ? (
        <>
          <h2>
            预览：{state.year} 年度（{state.source}）
          </h2>
          <p className="notice carried" role="status">
            尚未保存。确认后作为“外部导入”保存，不经审核，不作为本平台发布的报告。
          </p>
          <ImportPreviewView preview={state.preview} keepsMissing={false} />
          {message ? (
            <p className="notice error" role="alert">
              {message}
            </p>
          ) : null}
          <p>
            <button type="button" className="button" onClick={confirm} disabled={isPending || !hydrated || state.preview.blocking.length > 0}>
              {isPending ? "正在保存……" : "确认添加"}
            </button>{" "}
            <button type="button" className="button secondary" onClick={reset}>
              取消
            </button>
          </p>
        </>
      ) : null}
    </>
  );
}
