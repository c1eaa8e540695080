import { loadModel } from '../src/model/load.js';
import { codeStory } from '../src/pipeline/index.js';
import type { Model, PloverRecord } from '../src/types.js';

let shared: Model | undefined;

/** The default model, loaded once per test file. */
export function model(): Model {
  shared ??= loadModel();
  return shared;
}

/** Fixed reference date for every test that needs a publication date. */
export const REFERENCE_DATE = '2021-12-01';

export function code(text: string, date: string | undefined = REFERENCE_DATE): readonly PloverRecord[] {
  return codeStory({ id: 't', text, ...(date ? { date } : {}) }, model()).records;
}

export const codes = (list: readonly { code: string }[]): string => list.map((e) => e.code).sort().join('+');

/** "TYPE ACTOR -> RECIPIENT" for compact assertions. */
export const triple = (r: PloverRecord): string => `${r.event} ${codes(r.actor)} -> ${codes(r.recipient)}`;
