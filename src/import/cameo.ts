/**
 * CAMEO event codes to PLOVER (data/cameo-plover.json), and PLOVER quad classes and scores (data/plover.json).
 * CAMEO Goldstein scores are not carried over: quad_code and event_scale come from Entente's own PLOVER table.
 */
import type { PloverEventType, QuadCode } from '../types.js';
import { readDataJson } from '../paths.js';

interface CameoEntry {
  readonly cameo: string;
  readonly plover: PloverEventType | null;
  readonly mode?: string;
  readonly context?: readonly string[];
  readonly comment?: string;
}

export interface CameoTable {
  readonly codes: Readonly<Record<string, CameoEntry>>;
}

/** Quad classes and scores keyed by TYPE or TYPE:mode, as in data/plover.json. */
export interface PloverTable {
  readonly quad: Readonly<Record<string, number>>;
  readonly scale: Readonly<Record<string, number>>;
}

/** A CAMEO code resolved to PLOVER. `type` null: PLOVER does not code this category (CAMEO 01 statements). */
export interface CameoMapping {
  /** The code as given, and the table key it was resolved through (itself, its parent or its root). */
  readonly code: string;
  readonly via: string;
  readonly label: string;
  readonly type: PloverEventType | null;
  readonly mode: readonly string[];
  readonly context: readonly string[];
  /** "CAMEO 0211 (appeal for economic cooperation) → REQUEST assist" */
  readonly mapping: string;
  /** Quad class and PLOVER score of the type and mode; null when PLOVER does not code the category. */
  readonly score: Score | null;
}

export interface Score {
  readonly quad_code: QuadCode;
  readonly event_scale: number;
}

let cameoTable: CameoTable | undefined;
let ploverTable: PloverTable | undefined;

export const defaultCameoTable = (): CameoTable => (cameoTable ??= readDataJson<CameoTable>('cameo-plover.json'));
export const defaultPloverTable = (): PloverTable => (ploverTable ??= readDataJson<PloverTable>('plover.json'));

const EMPTY: readonly string[] = Object.freeze([]);

/** True for a string of 2 to 4 ASCII digits. */
function digits(code: string): boolean {
  if (code.length < 2 || code.length > 4) return false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Resolve a CAMEO code (2, 3 or 4 digits) through the table: the 4-digit code, then its 3-digit parent, then
 * its root. Undefined when the code is malformed or its root is not one of the 20 CAMEO cue categories.
 */
export function lookupCameo(code: string, table: CameoTable = defaultCameoTable(), plover: PloverTable = defaultPloverTable()): CameoMapping | undefined {
  if (!digits(code)) return undefined;
  const codes = table.codes;
  for (let len = code.length; len >= 2; len--) {
    const key = code.slice(0, len);
    const e = codes[key];
    if (!e) continue;
    const mode = e.mode ? Object.freeze([e.mode]) : EMPTY;
    const context = e.context ? Object.freeze([...e.context]) : EMPTY;
    const target = e.plover ? `${e.plover}${e.mode ? ` ${e.mode}` : ''}` : 'not coded by PLOVER';
    const via = key === code ? '' : ` via ${key}`;
    const score = e.plover ? ploverScore(e.plover, mode, plover) : null;
    return { code, via: key, label: e.cameo, type: e.plover, mode, context, mapping: `CAMEO ${code} (${e.cameo}${via}) → ${target}`, score };
  }
  return undefined;
}

const cache = new Map<string, CameoMapping | null>();

/** lookupCameo over the default table, memoised: importers call it once per row. */
export function cameoMapping(code: string): CameoMapping | undefined {
  let hit = cache.get(code);
  if (hit === undefined) {
    hit = lookupCameo(code) ?? null;
    if (cache.size < 10_000) cache.set(code, hit);
  }
  return hit ?? undefined;
}

/** Quad class and PLOVER score of a type with its modes: the first mode with its own score wins, else the type's. */
export function ploverScore(type: PloverEventType, mode: readonly string[], table: PloverTable = defaultPloverTable()): Score {
  let scale: number | undefined;
  for (const m of mode) {
    scale = table.scale[`${type}:${m}`];
    if (scale !== undefined) break;
  }
  return { quad_code: table.quad[type] as QuadCode, event_scale: scale ?? table.scale[type]! };
}
