import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "年报工作台", template: "%s · 年报工作台" },
  description: "政府信息公开工作年度报告的撰写、审核与发布",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Render per request: Next can only put the proxy's CSP nonce on its scripts then.
  await connection();
  return (
    <html lang="zh-Hans">
      <body>{children}</body>
    </html>
  );
}
