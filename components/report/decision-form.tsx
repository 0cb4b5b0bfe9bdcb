"use client";
import { startTransition, useActionState } from "react";
import { FormNotice } from "@/components/form-notice";
import { useHydrated } from "@/components/use-hydrated";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/actions/form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  warnings: Array<{ key: string; message: string }>;
  scanFindings: Array<{ key: string; label: string }>;
};

/** 通过 or 退回, with a reason for each open warning and scan finding. What was typed survives a refusal. */
export function DecisionForm({ action, warnings, scanFindings }: Props) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_FORM_STATE);
  const hydrated = useHydrated();
  return (
    <form
      method="post"
      className="card decision"
      aria-labelledby="decision-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      <h2 id="decision-heading">审核决定</h2>
      <FormNotice state={state} />
      {warnings.length ? (
        <fieldset>
          <legend>提醒：通过前须逐条说明理由</legend>
          {warnings.map((w, i) => (
            <div className="field" key={w.key}>
              <label htmlFor={`warning-${i}`}>{w.message}</label>
              <input id={`warning-${i}`} name={`warning:${w.key}`} maxLength={500} placeholder="理由" />
            </div>
          ))}
        </fieldset>
      ) : null}
      {scanFindings.length ? (
        <fieldset>
          <legend>保密审查：请先在正文中修改，或说明接受的理由</legend>
          {scanFindings.map((f, i) => (
            <div className="field" key={f.key}>
              <label htmlFor={`scan-${i}`}>{f.label}</label>
              <input id={`scan-${i}`} name={`scan:${f.key}`} maxLength={500} placeholder="接受理由（如：本机关公开的办公电话）" />
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor="decision-comment">意见（退回时必填）</label>
        <textarea
          id="decision-comment"
          name="comment"
          rows={3}
          maxLength={2000}
          aria-invalid={state.fieldErrors.comment ? true : undefined}
          aria-describedby={state.fieldErrors.comment ? "decision-comment-error" : undefined}
        />
        {state.fieldErrors.comment ? (
          <span id="decision-comment-error" className="field-error" role="alert">
            {state.fieldErrors.comment}
          </span>
        ) : null}
      </div>
      <div className="inline-form">
        <button type="submit" name="verdict" value="approve" className="button" disabled={isPending || !hydrated}>
          通过
        </button>
        <button type="submit" name="verdict" value="return" className="button secondary" disabled={isPending || !hydrated}>
          退回撰稿人
        </button>
      </div>
    </form>
  );
}
