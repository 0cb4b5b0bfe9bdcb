"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { FieldError } from "@/components/field-error";
import { useHydrated } from "@/components/use-hydrated";
import { loginMessageFor } from "@/lib/auth/login-messages";
import { USERNAME_MAX_LENGTH } from "@/lib/validation/fields";

export function LoginForm({ callbackPath, initialError }: { callbackPath: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(loginMessageFor(initialError));
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing = {
      username: username ? undefined : "请输入用户名。",
      password: password ? undefined : "请输入密码。",
    };
    setFieldErrors(missing);
    if (missing.username || missing.password) return;
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { username, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackPath);
        return;
      }
      setError(loginMessageFor(result?.error ?? "INVALID_CREDENTIALS"));
    } catch {
      setError("无法连接服务器，请检查网络后重试。");
    }
    setPending(false);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <div id="login-error" className="notice error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="username">用户名</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          maxLength={USERNAME_MAX_LENGTH}
          aria-invalid={fieldErrors.username ? true : undefined}
          aria-describedby={fieldErrors.username ? "username-error" : undefined}
        />
        <FieldError id="username-error" message={fieldErrors.username} />
      </div>
      <div className="field">
        <label htmlFor="password">密码</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? "password-error" : undefined}
        />
        <FieldError id="password-error" message={fieldErrors.password} />
      </div>
      <button type="submit" className="button" disabled={pending || !hydrated}>
        {pending ? "正在登录……" : "登录"}
      </button>
    </form>
  );
}
