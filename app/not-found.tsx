import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main">
      <h1>页面不存在</h1>
      <div className="card">
        <p>您要找的页面不存在，或者您没有查看它的权限。</p>
        <p>
          <Link href="/workspace">返回我的工作台</Link> · <Link href="/">返回首页</Link>
        </p>
      </div>
    </main>
  );
}
