import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { requireActor } from "@/lib/auth/current-actor";
import { listLiveSessions } from "@/lib/auth/sessions";
import { getConfig } from "@/lib/config";
import { formatDateTime } from "@/lib/format-time";
import { endSessionAction } from "./actions";

export const metadata: Metadata = { title: "账号安全" };

/** A browser's name from its user agent, roughly, for people to recognise their own devices. */
function deviceOf(userAgent: string | null) {
  if (!userAgent) return "未知设备";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "浏览器";
  const system = /Android/.test(userAgent)
    ? "安卓"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return [system, browser].filter(Boolean).join(" · ");
}

export default async function AccountSecurityPage() {
  const actor = await requireActor({ allowPendingPasswordChange: true });
  const sessions = await listLiveSessions(actor.id);
  const { sessionIdleMinutes } = getConfig();
  return (
    <>
      <h1>账号安全</h1>
      <p>
        <Link href="/account/password">修改密码</Link>（修改后，其他设备上的登录随即失效）
      </p>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">当前有效的登录（{sessions.length}）</h2>
        <p className="muted">{sessionIdleMinutes} 分钟内没有操作的登录会自动失效。不认识的登录请立即结束，并修改密码。</p>
        <ul className="plain" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id} className="card">
              <strong>{deviceOf(s.userAgent)}</strong>
              {s.id === actor.sessionId ? <span className="tag">本机当前登录</span> : null}
              <div className="muted">
                登录于 {formatDateTime(s.createdAt)} · 最近活动 {formatDateTime(s.lastSeenAt)} · 地址 {s.clientAddress ?? "未知"}
              </div>
              <ActionForm
                action={endSessionAction.bind(null, s.id)}
                submitLabel={s.id === actor.sessionId ? "结束本机登录（退出）" : "结束此登录"}
                buttonClassName="button secondary"
                className="inline-form"
              />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
