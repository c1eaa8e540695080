/**
 * Country identifiers of imported datasets to PLOVER codes (ISO 3166 alpha-3, KOS for Kosovo), with
 * dependencies folded into their controlling state and partially recognised entities flagged (PLOVER manual).
 *
 * - CAMEO country codes (GDELT Actor*CountryCode): ISO alpha-3 plus data/country-codes.json `cameo` exceptions.
 * - FIPS 10-4 codes (GDELT *Geo_CountryCode): data/country-codes.json `fips`.
 * - Names (ICEWS, POLECAT): world-countries and i18n-iso-countries, plus data/country-codes.json `names`.
 */
import { createRequire } from 'node:module';
import { readDataJson } from '../paths.js';

const require = createRequire(import.meta.url);

/** A resolved country: its PLOVER code, and whether it is a partially recognised entity (sector PRE). */
export interface CountryRef {
  readonly code: string;
  readonly pre: boolean;
}

interface CodeTables {
  readonly fips: Readonly<Record<string, string>>;
  readonly cameo: Readonly<Record<string, string>>;
  readonly regions: Readonly<Record<string, string>>;
  readonly names: Readonly<Record<string, string>>;
}

interface Dependencies {
  readonly fold: Readonly<Record<string, string>>;
  readonly partiallyRecognised: Readonly<Record<string, string>>;
  readonly renamed: Readonly<Record<string, string>>;
}

interface WorldCountry {
  readonly cca2: string;
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
}

interface IsoCountries {
  registerLocale(locale: unknown): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
  alpha2ToAlpha3(code: string): string | undefined;
}

interface Tables {
  readonly byCameo: Map<string, CountryRef>;
  readonly byFips: Map<string, CountryRef>;
  readonly byName: Map<string, CountryRef>;
  readonly regions: Readonly<Record<string, string>>;
  /** PLOVER code → English short name, and ISO alpha-3 → FIPS, for writers of synthetic files. */
  readonly nameOf: Map<string, string>;
  readonly fipsOf: Map<string, string>;
}

/** Lower case, no diacritics or punctuation, single spaces, no leading "the": "Côte d’Ivoire" → "cote divoire". */
export function normalizeName(name: string): string {
  const s = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ')
    .replace(/['’`.]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return s.startsWith('the ') ? s.slice(4) : s;
}

let tables: Tables | undefined;

function build(): Tables {
  const codes = readDataJson<CodeTables>('country-codes.json');
  const deps = readDataJson<Dependencies>('dependencies.json');
  const refs = new Map<string, CountryRef>();
  /** Any ISO-like code to its PLOVER reference: renamed, folded, or flagged as partially recognised. */
  const plover = (iso: string): CountryRef => {
    const own = deps.renamed[iso] ?? codes.cameo[iso] ?? iso;
    const pre = deps.partiallyRecognised[own];
    const code = pre ?? deps.fold[own] ?? own;
    const key = `${code}${pre ? '+' : ''}`;
    let ref = refs.get(key);
    if (!ref) refs.set(key, (ref = Object.freeze({ code, pre: pre !== undefined })));
    return ref;
  };
  const world = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as IsoCountries;
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));

  const byCameo = new Map<string, CountryRef>();
  const byName = new Map<string, CountryRef>();
  const nameOf = new Map<string, string>();
  const addName = (name: string, ref: CountryRef): void => {
    const key = normalizeName(name);
    if (key && !byName.has(key)) byName.set(key, ref);
  };
  for (const [name, code] of Object.entries(codes.names)) addName(name, plover(code));
  for (const c of world) {
    const ref = plover(c.cca3);
    byCameo.set(c.cca3, ref);
    if (ref.code === (deps.renamed[c.cca3] ?? c.cca3)) nameOf.set(ref.code, c.name.common);
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) if (/[a-z]/.test(n)) addName(n, ref);
  }
  for (const [alpha2, names] of Object.entries(iso.getNames('en', { select: 'all' }))) {
    const alpha3 = iso.alpha2ToAlpha3(alpha2);
    if (alpha3) for (const n of names) addName(n, plover(alpha3));
  }
  for (const code of Object.keys(codes.cameo)) byCameo.set(code, plover(code));
  const byFips = new Map<string, CountryRef>();
  const fipsOf = new Map<string, string>();
  for (const [fips, code] of Object.entries(codes.fips)) {
    byFips.set(fips, plover(code));
    if (!fipsOf.has(code)) fipsOf.set(code, fips);
  }
  return { byCameo, byFips, byName, regions: codes.regions, nameOf, fipsOf };
}

const t = (): Tables => (tables ??= build());

/** A CAMEO 3-letter country code ("SRB", "ROM", "KSV") to PLOVER. */
export const cameoCountry = (code: string): CountryRef | undefined => t().byCameo.get(code);

/** The region a CAMEO regional code names ("EUR" → "Europe"), which PLOVER does not code as an actor. */
export const cameoRegion = (code: string): string | undefined => t().regions[code];

/** A FIPS 10-4 country code ("RI", "GM", "KV") to PLOVER. */
export const fipsCountry = (code: string): CountryRef | undefined => t().byFips.get(code);

/** A country name in any common English form ("Russian Federation", "Occupied Palestinian Territory"). */
export const countryByName = (name: string): CountryRef | undefined => t().byName.get(normalizeName(name));

/** A country given either as a 3-letter code or as a name (POLECAT writes both). */
export function countryCode(value: string): CountryRef | undefined {
  const v = value.trim();
  if (v.length === 3 && v === v.toUpperCase()) return cameoCountry(v) ?? countryByName(v);
  return countryByName(v);
}

/** English short name of a PLOVER country code, as world-countries spells it. */
export const countryName = (code: string): string | undefined => t().nameOf.get(code);

/** FIPS 10-4 code of an ISO alpha-3 country (the first listed when several map to it). */
export const fipsOf = (iso3: string): string | undefined => t().fipsOf.get(iso3);

/** Every PLOVER country code with its English short name. */
export const allCountries = (): readonly { readonly code: string; readonly name: string }[] =>
  [...t().nameOf].map(([code, name]) => ({ code, name }));
