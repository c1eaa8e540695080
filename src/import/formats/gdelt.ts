/**
 * GDELT Events: tab-separated, no header. A 2.0 export has 61 columns (GDELT Event Codebook V2.0); a 1.0 daily file
 * 58 and a 1.0 historical backfile 57, without SOURCEURL (Codebook V1.03). Their first 35 columns are the same; 1.0's
 * geography blocks have no ADM2Code, so ActionGeo and what follows sit earlier. The layout is told by the number of
 * columns of each row. Actors are CAMEO actor codes with a CAMEO country code and type codes; the place is
 * ActionGeo, whose country is a FIPS 10-4 code. Speed matters here: one indexOf pass per line, only the fields used
 * are sliced, and code lookups and repeated actor and place blocks are memoised.
 */
import type { Entity, ImportFormat, ImportRow, Place } from '../../types.js';
import { cameoMapping } from '../cameo.js';
import { cameoCountry, cameoRegion, fipsCountry } from '../countries.js';
import { cameoOrganization, cameoSector } from '../sectors.js';
import { hostOf } from '../../pipeline/normalize/host.js';
import { blank, compactDate, countryEntity, decimal, headerNames, importedPlace, problem, provenance } from './common.js';

/** The most columns a row has (2.0's). */
const GDELT_COLUMNS = 61;

/** Where a layout keeps what is read besides the actors: ActionGeo's fields, DATEADDED and SOURCEURL (-1: none). */
interface Layout {
  /** What ids get in front of GDELT's own, so that another edition's numbering cannot collide with 2.0's. */
  readonly idPrefix: string;
  readonly geoType: number;
  readonly geoName: number;
  readonly geoCountry: number;
  readonly geoLat: number;
  readonly geoLon: number;
  /** DATEADDED: when GDELT first saw the report (2.0: YYYYMMDDHHMMSS, 1.0: YYYYMMDD). */
  readonly added: number;
  readonly url: number;
}

const V2: Layout = { idPrefix: '', geoType: 51, geoName: 52, geoCountry: 53, geoLat: 56, geoLon: 57, added: 59, url: 60 };
const V1: Layout = { idPrefix: '1.0/', geoType: 49, geoName: 50, geoCountry: 51, geoLat: 53, geoLon: 54, added: 56, url: 57 };
const LAYOUTS: ReadonlyMap<number, Layout> = new Map([[61, V2], [58, V1], [57, { ...V1, url: -1 }]]);
/** The numbers of columns a GDELT events row may have. */
export const GDELT_LAYOUTS: readonly number[] = [...LAYOUTS.keys()];

/** Column positions common to every layout. */
const C = { id: 0, date: 1, actor1: 5, actor2: 15, eventCode: 26 } as const;

/** Offsets within an actor's block of ten: Code, Name, CountryCode, KnownGroupCode, ..., Type1Code, Type2Code, Type3Code. */
const A = { code: 0, name: 1, country: 2, group: 3, type1: 7, type2: 8, type3: 9 } as const;

/**
 * Scratch state of the line being read: where each tab is, so that only the fields used are sliced.
 * parseGdeltLine is synchronous, so one buffer serves every call and the function stays pure to its callers.
 */
const TABS = new Int32Array(GDELT_COLUMNS);
let line = '';
let lineEnd = 0;
let fields = 0;

/** Count the fields of `text` and remember where the first GDELT_COLUMNS - 1 tabs are. */
function scan(text: string): number {
  line = text;
  lineEnd = text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
  let n = 0;
  let p = text.indexOf('\t');
  while (p !== -1 && p < lineEnd) {
    if (n < GDELT_COLUMNS) TABS[n] = p;
    n++;
    p = text.indexOf('\t', p + 1);
  }
  fields = n + 1;
  return fields;
}

/** Field i of the scanned line (only after scan() found the columns of a layout). */
const field = (i: number): string => line.slice(i === 0 ? 0 : TABS[i - 1]! + 1, i === fields - 1 ? lineEnd : TABS[i]!);

/** The raw text of fields [from, to] of the scanned line, tabs included. */
const span = (from: number, to: number): string => line.slice(TABS[from - 1]! + 1, TABS[to]!);

/** An actor PLOVER does not code: the CAMEO region it names. */
interface Region {
  readonly region: string;
}

/** What an actor block's codes resolve to, before its name is added: an entity code and sector, a region, or a problem. */
type Resolution = { readonly code: string; readonly sector: string | undefined; readonly pre: boolean } | Region | string;

/**
 * GDELT derives CountryCode, KnownGroupCode and the type codes from the actor Code, so resolutions are kept by
 * Code, with the text of those fields to check that they match; names vary and are not part of the key. One cache
 * per actor role, because problem messages name the role; each is emptied when full.
 */
interface Cached {
  readonly rest: string;
  readonly value: Resolution;
}
const resolutions = [new Map<string, Cached>(), new Map<string, Cached>()] as const;
const CACHE_MAX = 20_000;

function cachedResolution(which: 0 | 1, code: string): Resolution {
  const base = which === 0 ? C.actor1 : C.actor2;
  const cache = resolutions[which];
  const rest = span(base + A.country, base + A.type3);
  const hit = cache.get(code);
  if (hit !== undefined && hit.rest === rest) return hit.value;
  const value = resolve(base, code, which === 0 ? 'Actor1' : 'Actor2');
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(code, { rest, value });
  return value;
}

/** The first PLOVER sector among the three type codes, then among the code's own 3-letter elements after `from`. */
function sectorOf(base: number, code: string, from: number): string | undefined {
  const s = cameoSector(field(base + A.type1)) ?? cameoSector(field(base + A.type2)) ?? cameoSector(field(base + A.type3));
  if (s) return s;
  for (let i = from; i + 3 <= code.length; i += 3) {
    const e = cameoSector(code.slice(i, i + 3));
    if (e) return e;
  }
  return undefined;
}

/** An IGO/NGO/MNC/IMG code, refined to UNO or EUR when the UN or the EU is named in the code or known group. */
function organization(code: string, group: string): string | undefined {
  const head = cameoOrganization(code.slice(0, 3));
  if (group === 'UNO' || (head && code.indexOf('UNO') % 3 === 0)) return 'UNO';
  if (group === 'EEC' || (head && code.indexOf('EEC') % 3 === 0)) return 'EUR';
  return head;
}

/** Resolve one GDELT actor block's codes: organisation, country, region, or sector alone. */
function resolve(base: number, code: string, label: string): Resolution {
  const org = organization(code, field(base + A.group));
  if (org) return { code: org, sector: sectorOf(base, code, 3), pre: false };
  const given = field(base + A.country);
  const head = given || code.slice(0, 3);
  const ref = cameoCountry(head);
  if (ref) return { code: ref.code, sector: sectorOf(base, code, given && !code.startsWith(given) ? 0 : 3), pre: ref.pre };
  const region = cameoRegion(head);
  if (region) return { region };
  if (given) return `${label}CountryCode "${given}" is not a known CAMEO country code`;
  const sector = sectorOf(base, code, 0);
  if (sector) return { code: '', sector, pre: false };
  return `${label}Code "${code}" names no known country, organisation or sector`;
}

/** One GDELT actor as a PLOVER entity named by its Name field, a region PLOVER does not code, or a problem message. */
function actor(which: 0 | 1, code: string): Entity | Region | string {
  const r = cachedResolution(which, code);
  if (typeof r === 'string' || 'region' in r) return r;
  const name = field((which === 0 ? C.actor1 : C.actor2) + A.name) || code;
  if (r.pre) return countryEntity(r, name, r.sector);
  return r.sector ? { code: r.code, sector: r.sector, entity_text: name } : { code: r.code, entity_text: name };
}

function actionGeo(l: Layout): Place | null {
  const type = field(l.geoType);
  if (!type || type === '0') return null;
  const name = field(l.geoName);
  if (!name) return null;
  const fips = field(l.geoCountry);
  const country = fips ? fipsCountry(fips)?.code ?? '' : '';
  return importedPlace(name, country, decimal(field(l.geoLat)), decimal(field(l.geoLon)), 'GDELT ActionGeo');
}

export function parseGdeltLine(text: string, lineNo: number, file: string): ImportRow {
  if (blank(text) || text.startsWith('GLOBALEVENTID')) return null;
  const n = scan(text);
  const layout = LAYOUTS.get(n);
  if (!layout) return problem(file, lineNo, `expected 61 tab-separated columns (GDELT 2.0 events export) or 57–58 (GDELT 1.0), found ${n}`);
  const given = field(C.id);
  if (!given) return problem(file, lineNo, 'GLOBALEVENTID is empty');
  const id = layout.idPrefix + given;
  const rawDate = field(C.date);
  const date = compactDate(rawDate);
  if (!date) return problem(file, lineNo, `SQLDATE "${rawDate}" is not a valid date (YYYYMMDD)`);
  const eventCode = field(C.eventCode);
  const m = cameoMapping(eventCode);
  if (!m) return problem(file, lineNo, `EventCode "${eventCode}" is not a CAMEO event code`);
  if (!m.type || !m.score) return null;
  const code1 = field(C.actor1);
  if (!code1) return problem(file, lineNo, 'Actor1Code is empty: a PLOVER event needs an actor');
  const a1 = actor(0, code1);
  if (typeof a1 === 'string') return problem(file, lineNo, a1);
  if ('region' in a1) return null;
  let recipient: readonly Entity[] = [];
  const code2 = field(C.actor2);
  if (code2) {
    const a2 = actor(1, code2);
    if (typeof a2 === 'string') return problem(file, lineNo, a2);
    if ('region' in a2) return null;
    recipient = [a2];
  }
  const url = (layout.url >= 0 && field(layout.url)) || null;
  const report = { outlet: hostOf(url), published: compactDate(field(layout.added).slice(0, 8)) };
  return {
    ok: true,
    event: {
      source_id: id, date, date_precision: 'day', actor: [a1], recipient,
      event: m.type, mode: m.mode, context: m.context, quad_code: m.score.quad_code, event_scale: m.score.event_scale,
      event_text: null, event_loc: actionGeo(layout), size: null, text: null, url,
      original_code: eventCode, mapping: m.mapping, provenance: provenance('gdelt', file, lineNo, id, url, report),
    },
  };
}

export const gdelt: ImportFormat = {
  name: 'gdelt',
  header: false,
  parseLine: (line, lineNo, file) => parseGdeltLine(line, lineNo, file),
  // JSON, or a header naming Dataverse's columns: another kind of file (a short or garbled row is a row's problem).
  refuse: (first) => (/^\s*[[{]/.test(first) ? 'JSON, not a GDELT events export (tab-separated rows, no header)'
    : headerNames(first).has('event id') ? 'a header row, not a GDELT events export (tab-separated rows, no header)' : null),
};
