/** Pieces every dataset reader shares: problems, dates, numbers, provenance, places and entities. */
import type { Dataset, Entity, ImportRow, Place, Provenance } from '../../types.js';
import type { CountryRef } from '../countries.js';

export const problem = (file: string, line: number, message: string): ImportRow => ({ ok: false, problem: { file, line, message } });

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits at s[from, from+n) as a number, or -1 when any is not a digit. */
function num(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return d <= DAYS[m - 1]! + (leap ? 1 : 0);
}

/** "20201005" → "2020-10-05"; undefined unless it is a real calendar day. */
export function compactDate(s: string): string | undefined {
  if (s.length !== 8 || !validDay(num(s, 0, 4), num(s, 4, 2), num(s, 6, 2))) return undefined;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** "2020-10-05", optionally followed by a time ("2020-10-05 00:00:00", "2020-10-05T12:00Z"), → "2020-10-05". */
export function isoDate(s: string): string | undefined {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  if (s.length > 10 && s[10] !== ' ' && s[10] !== 'T') return undefined;
  if (!validDay(num(s, 0, 4), num(s, 5, 2), num(s, 8, 2))) return undefined;
  return s.length === 10 ? s : s.slice(0, 10);
}

/** A decimal number, or null for an empty or unreadable field. */
export function decimal(s: string | undefined): number | null {
  if (!s) return null;
  const v = +s;
  return Number.isFinite(v) ? v : null;
}

/** Who published a row's report and when (see Provenance), each left out when the dataset does not say. */
export interface Report {
  readonly outlet?: string | null;
  readonly published?: string | null;
}

export function provenance(dataset: Dataset, file: string, row: number, source_id: string, url: string | null, report: Report = {}): Provenance {
  const p: { -readonly [K in keyof Provenance]: Provenance[K] } = { source: 'imported', dataset, file, row, source_id };
  if (url) p.url = url;
  if (report.outlet) p.outlet = report.outlet;
  if (report.published) p.published = report.published;
  return p;
}

/** An entity for a resolved country, with PRE among the other sectors for a partially recognised entity. */
export function countryEntity(ref: CountryRef, entityText: string, sector: string | undefined): Entity {
  if (ref.pre) return sector ? { code: ref.code, sector, other_sectors: ['PRE'], entity_text: entityText } : { code: ref.code, other_sectors: ['PRE'], entity_text: entityText };
  return sector ? { code: ref.code, sector, entity_text: entityText } : { code: ref.code, entity_text: entityText };
}

/** A place read from a dataset: no sentence, so no character offsets (both 0). */
export function importedPlace(name: string, country: string, lat: number | null, lon: number | null, reason: string): Place {
  return { name, country, lat, lon, text: name, charStart: 0, charEnd: 0, reason };
}

/** Column positions by header name, cached per header array (the same array is passed for every row of a file). */
const headerCache = new WeakMap<readonly string[], Map<string, number>>();

export function columnIndex(columns: readonly string[]): Map<string, number> {
  let idx = headerCache.get(columns);
  if (!idx) {
    idx = new Map(columns.map((c, i) => [c.trim().toLowerCase(), i]));
    headerCache.set(columns, idx);
  }
  return idx;
}

/** The names of a header line's columns, trimmed and lower-cased as columnIndex keys them. */
export const headerNames = (line: string): Set<string> => new Set(splitTabs(line).map((c) => c.trim().toLowerCase()));

/**
 * What a header lacks of the columns every row needs, each listed with the names that may stand in for it, as a
 * message naming the first name of each; null when it lacks none.
 */
export function lackingColumns(header: string, required: readonly (readonly string[])[]): string | null {
  const names = headerNames(header);
  const missing = required.filter((alternatives) => !alternatives.some((n) => names.has(n.toLowerCase()))).map((a) => `"${a[0]}"`);
  if (missing.length === 0) return null;
  return `no ${missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`} column in the header`;
}

/** Split a tab-separated line, dropping a trailing carriage return. */
export function splitTabs(line: string): string[] {
  return (line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line).split('\t');
}

/** Blank or whitespace-only. */
export function blank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}
