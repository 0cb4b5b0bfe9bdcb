"use client";
import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/actions/form-state";
import { FieldError } from "./field-error";
import { useHydrated } from "./use-hydrated";
import { FormNotice } from "./form-notice";

const FieldErrors = createContext<Record<string, string>>({});
/** Told to the fields of a form repeated on one page (one per table row), so that their ids stay unique. */
const FieldIdSuffix = createContext("");

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  buttonClassName?: string;
  /** Clear the fields after a successful submission (e.g. "create another"). */
  resetOnSuccess?: boolean;
  confirmText?: string;
  /** For a form repeated on the page (e.g. once per row): makes its fields' ids unique. */
  fieldIdSuffix?: string;
};

/**
 * A form bound to a server action. Submitting goes through a transition rather
 * than the form's native action, so a refused submission keeps what was typed.
 */
export function ActionForm({ action, submitLabel, children, className, buttonClassName = "button", resetOnSuccess, confirmText, fieldIdSuffix = "" }: Props) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_FORM_STATE);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={formRef}
      method="post"
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (confirmText && !window.confirm(confirmText)) return;
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <FormNotice state={state} />
      <FieldIdSuffix.Provider value={fieldIdSuffix}>
        <FieldErrors.Provider value={state.fieldErrors}>{children}</FieldErrors.Provider>
      </FieldIdSuffix.Provider>
      <button type="submit" className={buttonClassName} disabled={isPending || !hydrated}>
        {isPending ? "正在提交……" : submitLabel}
      </button>
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | number;
  hint?: string;
  maxLength?: number;
  autoComplete?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Label for screen readers only, where the surrounding table already says what the field is. */
  hideLabel?: boolean;
};

/** A labelled input or select that shows its own error from the enclosing ActionForm. */
export function Field({ name, label, type = "text", defaultValue, hint, maxLength, autoComplete, options, hideLabel }: FieldProps) {
  const errors = useContext(FieldErrors);
  const error = errors[name];
  const suffix = useContext(FieldIdSuffix);
  const id = `field-${name}${suffix ? `-${suffix}` : ""}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, defaultValue, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </label>
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} maxLength={maxLength} autoComplete={autoComplete} />
      )}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
