import { apiGet } from '../api.js';
import { h } from '../dom.js';

interface State {
  readonly code: string;
  readonly name: string;
}

let loading: Promise<readonly State[]> | undefined;
const names = new Map<string, string>();

/** Every state, fetched once: for the pickers and for names in tables. */
export function loadStates(): Promise<readonly State[]> {
  loading ??= apiGet<{ states: State[] }>('/api/states').then((r) => {
    for (const s of r.states) names.set(s.code, s.name);
    return r.states;
  }).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** Whether a code is a state's, once the list is loaded (IGO, UNO and other organisations are not). */
export const isState = (code: string): boolean => names.has(code);

/** "Serbia" for SRB once the list is loaded; the code itself otherwise. */
export const stateName = (code: string): string => names.get(code) ?? code;

/** "Serbia (SRB)" → "SRB"; anything else is sent as typed, and the server resolves names. */
export function stateValue(input: HTMLInputElement): string {
  const v = input.value.trim();
  const m = /\(([A-Z]{3})\)\s*$/.exec(v);
  return m ? m[1]! : v;
}

const LIST_ID = 'state-list';

/** One datalist of every state for all pickers, filled once the list arrives. */
function stateList(): void {
  if (document.getElementById(LIST_ID)) return;
  const list = h('datalist', { id: LIST_ID });
  document.body.append(list);
  void loadStates().then((states) => list.replaceChildren(...states.map((s) => h('option', { value: `${s.name} (${s.code})` })))).catch(() => undefined);
}

const labelOf = (code: string): string => (names.has(code) ? `${names.get(code)} (${code})` : code);

/** A text input with autocompletion over every state (a native datalist: keyboard and screen-reader friendly). */
export function statePicker(id: string, value = ''): HTMLInputElement {
  stateList();
  const input = h('input', { id, type: 'text', list: LIST_ID, autocomplete: 'off', spellcheck: 'false', placeholder: 'name or code', value: labelOf(value) });
  if (value && !names.has(value)) void loadStates().then(() => {
    if (input.value === value) input.value = labelOf(value);
  }).catch(() => undefined);
  return input;
}
