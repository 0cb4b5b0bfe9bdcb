// What a form's server action returns to the page. Safe to import in the browser.
export type FormState = {
  ok: boolean;
  message: string;
  fieldErrors: Record<string, string>;
  /** A value to show once, e.g. a temporary password. */
  secret?: string;
};

export const INITIAL_FORM_STATE: FormState = { ok: false, message: "", fieldErrors: {} };
