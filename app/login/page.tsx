import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SiteHeader } from "@/components/site-header";
import { getCurrentActor } from "@/lib/auth/current-actor";
import { safeCallbackPath } from "@/lib/auth/login-messages";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackPath = safeCallbackPath(first(params.callbackUrl));
  if (await getCurrentActor()) redirect(callbackPath);
  return (
    <>
      <SiteHeader user={null} />
      <main id="main">
        <div className="card narrow">
          <h1>登录年报工作台</h1>
          <LoginForm callbackPath={callbackPath} initialError={first(params.error) ?? null} />
        </div>
      </main>
    </>
  );
}
