import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user, waiting = 0 }: { user: { displayName: string; isPlatformAdmin: boolean } | null; waiting?: number }) {
  return (
    <header className="site-header">
      <div className="inner">
        <Link href={user ? "/workspace" : "/"} className="brand">
          年报工作台
        </Link>
        {user ? (
          <nav aria-label="主导航">
            <Link href="/workspace">我的工作台</Link>
            <Link href="/inbox" data-testid="inbox-link">
              待办
              {waiting ? (
                <span className="badge" aria-label={`${waiting} 项待办`}>
                  {waiting}
                </span>
              ) : null}
            </Link>
            {user.isPlatformAdmin ? <Link href="/admin/organs">机关管理</Link> : null}
            <Link href="/account/security">账号安全</Link>
            <span aria-label="当前用户">{user.displayName}</span>
            <SignOutButton />
          </nav>
        ) : (
          <nav aria-label="主导航">
            <Link href="/login">登录</Link>
          </nav>
        )}
      </div>
    </header>
  );
}
