"use client";
import { ImportPreviewView } from "@/components/report/import-preview-view";
import { usePreviewThenConfirm } from "@/components/report/use-preview-then-confirm";
import { confirmImportAction, previewImportAction, type PreviewState } from "./actions";

/**
 * Choose a Word file or a saved page (or paste the text), see the preview, then confirm. The
 * confirmation sends the same file again with the preview's token: the server reads it afresh
 * and writes only what it showed, refusing when the draft changed in between.
 */
export function ImportClient({ reportId, maxBytes }: { reportId: string; maxBytes: number }) {
  const { state, message, isPending, hydrated, preview, confirm, reset } = usePreviewThenConfirm<PreviewState>({
    maxBytes,
    tooLargeHint: "请删除文件中的图片后再试。",
    preview: (data) => previewImportAction(reportId, data),
    confirm: (data) => confirmImportAction(reportId, data),
  });

  return (
    <>
      <form
        className="card"
        method="post"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          preview(event.currentTarget);
        }}
      >
        <p>
          选择本年度报告的 Word 文件（.docx），或从政府信息公开平台保存的网页（.html），也可以直接粘贴报告的文字。导入前先预览，确认后才写入草稿；原内容保留在各部分的历史版本中。
        </p>
        <div className="field">
          <label htmlFor="import-file">Word 文件或网页文件（不超过 {maxBytes / 1024 / 1024} MB）</label>
          <input id="import-file" name="file" type="file" accept=".docx,.html,.htm,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html" />
        </div>
        <div className="field">
          <label htmlFor="import-text">或粘贴报告的文字</label>
          <textarea id="import-text" name="text" rows={6} />
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
          <h2>预览：{state.source}</h2>
          <p className="notice carried" role="status">
            以下是导入后的样子。尚未写入任何内容，确认后才导入。
          </p>
          <ImportPreviewView preview={state.preview} />
          {message ? (
            <p className="notice error" role="alert">
              {message}
            </p>
          ) : null}
          <p>
            <button
              type="button"
              className="button"
              onClick={confirm}
              disabled={isPending || !hydrated || state.preview.changedSections.length === 0 || state.preview.blocking.length > 0}
            >
              {isPending ? "正在导入……" : "确认导入"}
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
