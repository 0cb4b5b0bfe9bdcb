import type { FormState } from "@/lib/actions/form-state";

/** The outcome of a form's last submission, announced to screen readers. */
export function FormNotice({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <div className={`notice ${state.ok ? "ok" : "error"}`} role={state.ok ? "status" : "alert"}>
      {state.message}
      {state.secret ? (
        <>
          {" "}
          <strong data-testid="secret-value">{state.secret}</strong>
        </>
      ) : null}
    </div>
  );
}
