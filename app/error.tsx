"use client";

// Shown when a page fails unexpectedly. Says nothing internal: details are in the server log.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main">
      <h1>出错了</h1>
      <div className="card">
        <p>页面暂时无法显示，请稍后重试。如果问题持续，请联系管理员。</p>
        <button type="button" className="button" onClick={reset}>
          重试
        </button>
      </div>
    </main>
  );
}
