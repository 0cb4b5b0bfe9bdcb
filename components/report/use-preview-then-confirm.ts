"use client";
import { useState, useTransition } from "react";
import { useHydrated } from "@/components/use-hydrated";

type PreviewOutcome = { ok: true; token: string } | { ok: false; message: string };

/**
 * Choose a file (or paste text), preview what the server read, then confirm. Nothing is kept on
 * the server between the two: the confirmation sends the same input again with the preview's
 * token, and the server reads it afresh and refuses when anything changed in between.
 */
export function usePreviewThenConfirm<S extends PreviewOutcome>(options: {
  maxBytes: number;
  tooLargeHint?: string;
  preview: (data: FormData) => Promise<S>;
  confirm: (data: FormData) => Promise<{ ok: boolean; message: string } | void>;
}) {
  const [state, setState] = useState<S | { ok: false; message: string } | null>(null);
  const [input, setInput] = useState<FormData | null>(null);
  const [message, setMessage] = useState("");
  const [isPending, startTransition] = useTransition();
  const hydrated = useHydrated();

  const preview = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const file = data.get("file");
    if (file instanceof File && file.size > options.maxBytes) {
      setState({ ok: false, message: `文件超过 ${options.maxBytes / 1024 / 1024} MB，无法导入。${options.tooLargeHint ?? ""}` });
      return;
    }
    setMessage("");
    startTransition(async () => {
      const result = await options.preview(data);
      setState(result);
      setInput(result.ok ? data : null);
    });
  };

  const confirm = () => {
    if (!input || !state?.ok) return;
    const data = new FormData();
    for (const [key, value] of input.entries()) data.append(key, value);
    data.set("token", state.token);
    startTransition(async () => {
      const result = await options.confirm(data);
      if (result && !result.ok) setMessage(result.message);
    });
  };

  const reset = () => {
    setState(null);
    setInput(null);
    setMessage("");
  };

  return { state, message, isPending, hydrated, preview, confirm, reset };
}
