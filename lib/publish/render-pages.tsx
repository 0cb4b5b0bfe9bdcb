// Every public page rendered to a complete HTML document from its React component
// (components/public) with react-dom/server's static rendering: text is escaped by
// construction, and the documents carry no script.
//
// Next refuses react-dom/server in any module it bundles, so only plain Node imports
// this file: the public handler (scripts/server.ts) statically, and publishing through
// lib/publish/published-pages.ts, which loads it at run time outside the bundle.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { HomePage, NoticePage, OrganPage, type HomePageData, type OrganPageData } from "@/components/public/listing-pages";
import { OpenDataPage, type OpenDataPageData } from "@/components/public/open-data-page";
import { ReportPage, type PageVariant } from "@/components/public/report-page";
import { compressPage, convertToTraditional } from "./page-forms";
import type { Script } from "./public-paths";
import type { PublishedSnapshot } from "./snapshot";

const documentOf = (page: ReactElement) => `<!doctype html>\n${renderToStaticMarkup(page)}\n`;

export const renderReportPage = (snapshot: PublishedSnapshot, script: Script, variant: PageVariant) =>
  documentOf(<ReportPage snapshot={snapshot} script={script} variant={variant} />);
export const renderHomePage = (data: HomePageData, script: Script) => documentOf(<HomePage data={data} script={script} />);
export const renderOrganPage = (data: OrganPageData, script: Script) => documentOf(<OrganPage data={data} script={script} />);
export const renderOpenDataPage = (data: OpenDataPageData, script: Script) => documentOf(<OpenDataPage data={data} script={script} />);
export const renderNoticePage = (script: Script, title: string, message: string) => documentOf(<NoticePage script={script} title={title} message={message} />);

export type StoredPage = { script: Script; variant: PageVariant; html: string; gzip: Buffer; brotli: Buffer; etag: string };

/** The stored forms of a publication's pages: Simplified and Traditional, at the plain and the fixed address. */
export function renderPublishedPages(snapshot: PublishedSnapshot): StoredPage[] {
  const pages: StoredPage[] = [];
  for (const variant of ["latest", "version"] as const) {
    for (const script of ["hans", "hant"] as const) {
      const rendered = renderReportPage(snapshot, script, variant);
      const html = script === "hant" ? convertToTraditional(rendered) : rendered;
      pages.push({ script, variant, html, ...compressPage(html) });
    }
  }
  return pages;
}
