// The frame of every public page: a complete document without any script, its
// stylesheet inlined, a skip link, the 简/繁 switch and the large-text mode (大字版,
// a link to #large that :target enlarges, so it needs no JavaScript). No hooks.
import type { ReactNode } from "react";
import { PAGE_STYLE } from "@/lib/publish/page-style";
import { homePath, type Script } from "@/lib/publish/public-paths";

export function PublicDocument({
  script,
  title,
  canonical,
  switchPath,
  footer,
  children,
}: {
  script: Script;
  title: string;
  canonical?: string;
  /** The same page in the other script. */
  switchPath: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <html lang={script === "hant" ? "zh-Hant" : "zh-Hans"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <style dangerouslySetInnerHTML={{ __html: PAGE_STYLE }} />
      </head>
      <body>
        <div id="large" className="page">
          <a className="skip" href="#main">
            跳到正文
          </a>
          <header className="site" role="banner">
            <a href={homePath(script)}>政府信息公开工作年度报告</a>
            <nav aria-label="页面选项">
              <a href={switchPath} lang={script === "hans" ? "zh-Hant" : "zh-Hans"}>
                {script === "hans" ? "繁體" : "简体"}
              </a>
              {" · "}
              <a href="#large" className="large-on">
                大字版
              </a>
              <a href="#" className="large-off">
                标准字号
              </a>
            </nav>
          </header>
          <main id="main">{children}</main>
          <footer className="site" role="contentinfo">
            {footer}
          </footer>
        </div>
      </body>
    </html>
  );
}
