import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

// The public site (published reports) replaces this page in a later issue.
export default function HomePage() {
  return (
    <>
      <SiteHeader user={null} />
      <main id="main">
        <h1>年报工作台</h1>
        <div className="card">
          <p>政府信息公开工作年度报告的撰写、三审三校与发布平台。</p>
          <p>
            机关工作人员请 <Link href="/login">登录</Link> 后进入工作台。
          </p>
        </div>
      </main>
    </>
  );
}
