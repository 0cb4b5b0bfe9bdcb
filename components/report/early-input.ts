// The editor's fields can be typed into as soon as the page arrives, before React has taken
// them over (hydration: a few hundred milliseconds on a slow machine, after the scripts have
// loaded). React then sets a textarea back to the text it was rendered with, so what was typed
// meanwhile is recorded by a small inline script that runs with the page (EARLY_INPUT_SCRIPT,
// before the editor in the document) and handed to the editor when it mounts, as an ordinary
// edit (so it is autosaved like any other).

export type EarlyInput = Record<string, { value: string; cell: string | null; start: number | null; end: number | null }>;

type Recorder = { values: EarlyInput; on: boolean };

/** Records each input event inside [data-early-input] until the editor takes the values. Kept tiny: it is inlined in the page. */
export const EARLY_INPUT_SCRIPT = `(function(){var w=window;if(w.__nianbaoEarlyInput)return;var r=w.__nianbaoEarlyInput={values:{},on:true};document.addEventListener("input",function(e){var t=e.target;if(!r.on||!t||!t.id||!t.closest||!t.closest("[data-early-input]"))return;r.values[t.id]={value:t.value,cell:t.getAttribute("data-cell"),start:t.selectionStart,end:t.selectionEnd};},true);})();`;

/** What was typed before hydration (by field id), once; recording stops here, React handles input from now on. */
export function takeEarlyInput(): EarlyInput | null {
  const recorder = (window as unknown as { __nianbaoEarlyInput?: Recorder }).__nianbaoEarlyInput;
  if (!recorder?.on) return null;
  recorder.on = false;
  const values = recorder.values;
  recorder.values = {};
  return Object.keys(values).length ? values : null;
}
