import { createRequire } from 'node:module';
import type { ActorEntry } from '../types.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly m: string; readonly f: string } };
  readonly capital?: readonly string[];
}

export interface DependencyTable {
  readonly fold: Readonly<Record<string, string>>;
  readonly partiallyRecognised: Readonly<Record<string, string>>;
  readonly renamed: Readonly<Record<string, string>>;
}

/** Alternative spellings that are bare codes ("RS", "SRB") or non-Latin are not names in English news. */
const usableName = (s: string): boolean => /[a-z]/.test(s) && /^[\p{Script=Latin}\s.'’()-]+$/u.test(s);

/**
 * Country names, demonyms and capitals from the world-countries package, with codes mapped to PLOVER:
 * dependencies folded into their controlling state, Kosovo as KOS, partially recognised entities as PRE.
 */
export function countryEntries(deps: DependencyTable): { entries: ActorEntry[]; names: Map<string, string> } {
  const countries = require('world-countries') as WorldCountry[];
  const entries: ActorEntry[] = [];
  const names = new Map<string, string>();
  for (const c of countries) {
    const own = deps.renamed[c.cca3] ?? c.cca3;
    const pre = deps.partiallyRecognised[own];
    const code = pre ?? deps.fold[own] ?? own;
    const other = pre ? ['PRE'] : undefined;
    if (!deps.fold[own] && !pre) names.set(code, c.name.common);
    const countryNames = [c.name.common, c.name.official, ...c.altSpellings.filter(usableName)];
    entries.push({ names: countryNames, code, kind: deps.fold[own] || pre ? 'territory' : 'country', ...(other ? { other_sectors: other } : {}) });
    const dem = c.demonyms?.eng;
    if (dem) entries.push({ names: [...new Set([dem.m, dem.f])], code, kind: 'demonym', ...(other ? { other_sectors: other } : {}) });
    const capitals = (c.capital ?? []).filter(usableName);
    if (capitals.length) entries.push({ names: capitals, code, sector: 'GOV', kind: 'capital' });
  }
  return { entries, names };
}
