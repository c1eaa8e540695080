/** Reading the states a user names: codes or names, with the closest matches suggested for anything unknown. Pure. */
import { allCountries, countryCode, countryName } from '../import/countries.js';

export type StateLookup = { readonly code: string; readonly name: string } | { readonly error: string; readonly suggestions: readonly string[] };

/** Edit distance between two short strings. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** "SRB", "srb", "Serbia" and "serb" (a unique start of a name) all read as SRB. */
export function resolveState(input: string): StateLookup {
  const v = input.trim();
  if (!v) return { error: 'a state is needed (a 3-letter code such as SRB, or a name)', suggestions: [] };
  const direct = countryCode(v.length === 3 ? v.toUpperCase() : v);
  if (direct) return { code: direct.code, name: countryName(direct.code) ?? direct.code };
  const all = allCountries();
  const lower = v.toLowerCase();
  const starts = all.filter((c) => c.name.toLowerCase().startsWith(lower));
  if (starts.length === 1) return starts[0]!;
  const scored = all
    .map((c) => ({ c, d: Math.min(distance(v.toUpperCase(), c.code), distance(lower, c.name.toLowerCase().slice(0, lower.length + 2))) }))
    .sort((x, y) => x.d - y.d || x.c.code.localeCompare(y.c.code));
  const pool = starts.length > 1 ? starts : scored.slice(0, 5).map((s) => s.c);
  return { error: `"${v}" is not a known state code or name`, suggestions: pool.slice(0, 5).map((c) => `${c.code} (${c.name})`) };
}

/** The closest matches of a failed lookup as the end of its message: "; did you mean SRB (Serbia), ...?", or nothing. */
export const didYouMean = (suggestions: readonly string[]): string => (suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '');

/** Resolve or throw one readable error that lists the closest matches. */
export function stateCode(input: string, what = 'state'): string {
  const r = resolveState(input);
  if ('code' in r) return r.code;
  throw new Error(`${what}: ${r.error}${didYouMean(r.suggestions)}`);
}

/**
 * A party of an event filter: a 3-letter code as given (actors are also IGO, UNO, EUR, ...), a longer value a
 * state's name.
 */
export function partyLookup(input: string): StateLookup {
  return /^[A-Za-z]{3}$/.test(input) ? { code: input.toUpperCase(), name: input.toUpperCase() } : resolveState(input);
}
