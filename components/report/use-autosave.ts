"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SectionContent } from "@/lib/report-format/content";

export type SaveStatus = "saved" | "saving" | "unsaved" | "conflict" | "refused";
export type Conflict = { version: number; content: SectionContent; editorName: string | null; updatedAt: string };

/** Save this long after typing stops. */
const DEBOUNCE_MS = 1200;
const RETRY_DELAYS_MS = [3_000, 10_000, 30_000];

type Stored = { baseVersion: number; content: SectionContent; savedAt: number };

/**
 * Autosave for one section. Every save states the version it was based on; the
 * server refuses a stale one with the other person's text (a conflict). Until a
 * save is confirmed, the text is also kept in this browser (localStorage), so a
 * closed tab, a lost network or an expired login loses nothing.
 */
export function useAutosave(options: { reportId: string; sectionKey: string; initialContent: SectionContent; initialVersion: number; enabled: boolean }) {
  const { reportId, sectionKey, enabled } = options;
  const storageKey = `nianbao:unsaved:${reportId}:${sectionKey}`;
  const url = `/api/reports/${reportId}/sections/${sectionKey}`;

  const [content, setContent] = useState<SectionContent>(options.initialContent);
  const [status, setStatusState] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);

  const baseVersion = useRef(options.initialVersion);
  const latest = useRef(content);
  const savedJson = useRef(JSON.stringify(options.initialContent));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const attempt = useRef(0);
  // The status is read inside callbacks and timers too: the ref changes with the state, in the same call.
  const statusRef = useRef(status);
  const setStatus = useCallback((next: SaveStatus) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);
  // Retries and follow-up saves call the newest `save` (a timer set by an older one would hold stale values).
  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  const remember = useCallback(
    (value: SectionContent) => {
      try {
        const stored: Stored = { baseVersion: baseVersion.current, content: value, savedAt: Date.now() };
        localStorage.setItem(storageKey, JSON.stringify(stored));
      } catch {
        /* storage full or disabled: the server save still runs */
      }
    },
    [storageKey],
  );

  const save = useCallback(async () => {
    if (!enabled || inFlight.current || statusRef.current === "conflict") return;
    const sending = latest.current;
    const json = JSON.stringify(sending);
    if (json === savedJson.current) {
      setStatus("saved");
      return;
    }
    inFlight.current = true;
    setStatus("saving");
    try {
      const response = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ baseVersion: baseVersion.current, content: sending }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        baseVersion.current = body.version;
        savedJson.current = json;
        attempt.current = 0;
        setSavedAt(new Date(body.updatedAt));
        setMessage(null);
        if (JSON.stringify(latest.current) === json) {
          localStorage.removeItem(storageKey);
          setStatus("saved");
        } else {
          remember(latest.current);
          setStatus("unsaved");
          timer.current = setTimeout(() => void saveRef.current(), DEBOUNCE_MS);
        }
      } else if (response.status === 409 && body.current) {
        // A version conflict (someone saved first) comes with their text; any other 409 is a refusal.
        setConflict(body.current);
        setStatus("conflict");
        setMessage(body.message);
      } else if (response.status >= 400 && response.status < 500) {
        // Refused for a reason a retry will not fix (invalid content, expired login, frozen report).
        setStatus("refused");
        const fieldMessage = Object.values((body.fieldErrors ?? {}) as Record<string, string>)[0];
        setMessage(`未保存：${fieldMessage ?? body.message ?? "保存被拒绝。"}修改仍保留在本浏览器中。`);
      } else {
        throw new Error(`HTTP ${response.status}`);
      }
    } catch {
      const delay = RETRY_DELAYS_MS[Math.min(attempt.current, RETRY_DELAYS_MS.length - 1)]!;
      attempt.current += 1;
      setStatus("unsaved");
      setMessage(`保存失败（网络或服务器问题），修改已保留在本浏览器中，${Math.round(delay / 1000)} 秒后自动重试。`);
      timer.current = setTimeout(() => void saveRef.current(), delay);
    } finally {
      inFlight.current = false;
    }
  }, [enabled, url, storageKey, remember, setStatus]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (next: SectionContent) => {
      latest.current = next;
      setContent(next);
      if (statusRef.current === "conflict") {
        remember(next);
        return;
      }
      setStatus("unsaved");
      remember(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveRef.current(), DEBOUNCE_MS);
    },
    [remember, setStatus],
  );

  /** After a conflict: keep what I typed, on top of their version (an informed overwrite). */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    baseVersion.current = conflict.version;
    savedJson.current = JSON.stringify(conflict.content);
    setConflict(null);
    setStatus("unsaved");
    void save();
  }, [conflict, save, setStatus]);

  /** After a conflict: take their version and drop mine. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    baseVersion.current = conflict.version;
    savedJson.current = JSON.stringify(conflict.content);
    latest.current = conflict.content;
    setContent(conflict.content);
    setConflict(null);
    localStorage.removeItem(storageKey);
    setStatus("saved");
    setMessage(null);
  }, [conflict, storageKey, setStatus]);

  // Text left unsaved here earlier (closed tab, lost network) comes back on opening.
  useEffect(() => {
    if (!enabled) return;
    const raw = localStorage.getItem(storageKey);
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as Stored;
      if (JSON.stringify(stored.content) === savedJson.current) {
        localStorage.removeItem(storageKey);
        return;
      }
      baseVersion.current = stored.baseVersion;
      setMessage("已恢复上次未保存到服务器的修改，正在保存……");
      update(stored.content);
    } catch {
      localStorage.removeItem(storageKey);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);

  // Leaving the page: send what is unsaved with keepalive, and warn while a save is pending.
  useEffect(() => {
    if (!enabled) return;
    const flush = () => {
      if (JSON.stringify(latest.current) === savedJson.current || statusRef.current === "conflict") return;
      void fetch(url, {
        method: "PUT",
        keepalive: true,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ baseVersion: baseVersion.current, content: latest.current }),
      }).catch(() => undefined);
    };
    const onHide = () => document.visibilityState === "hidden" && flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(latest.current) !== savedJson.current) event.preventDefault();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("beforeunload", onBeforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [enabled, url]);

  return { content, update, status, message, conflict, keepMine, takeTheirs, savedAt, saveNow: save };
}
