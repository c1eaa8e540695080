/**
 * POLECAT (Harvard Dataverse, the PLOVER-coded successor of ICEWS): tab-separated with a header row, read by
 * column name so that the layout changes between releases do not matter. Published columns include Event ID,
 * Event Date, Event Type, Event Mode, Intensity, Quad Code, Contexts, Actor Name, Actor Country, Actor COW,
 * Primary Actor Sector, Actor Sectors, Actor Title, Actor Name Raw, Wikipedia Actor ID, the same for Recipient,
 * Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type,
 * Source, Publication Date, Story People, Story Organizations, Story Locations, Language, Version.
 * Several actors share one field, separated by ";".
 */
import type { Entity, ImportFormat, ImportRow, Place, PloverEventType } from '../../types.js';
import { ploverScore } from '../cameo.js';
import { countryCode } from '../countries.js';
import { ORGANIZATION_CODES, organizationByName, sectorFromNames } from '../sectors.js';
import { hostOf } from '../../pipeline/normalize/host.js';
import { blank, columnIndex, countryEntity, decimal, importedPlace, isoDate, lackingColumns, problem, provenance, type Report, splitTabs } from './common.js';

export const POLECAT_COLUMNS: readonly string[] = [
  'Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Intensity', 'Quad Code', 'Contexts', 'Actor Name', 'Actor Country',
  'Actor COW', 'Primary Actor Sector', 'Actor Sectors', 'Actor Title', 'Actor Name Raw', 'Wikipedia Actor ID', 'Recipient Name',
  'Recipient Country', 'Recipient COW', 'Primary Recipient Sector', 'Recipient Sectors', 'Recipient Title', 'Recipient Name Raw',
  'Wikipedia Recipient ID', 'Placename', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude', 'GeoNames ID',
  'Raw Placename', 'Feature Type', 'Source', 'Publication Date', 'Story People', 'Story Organizations', 'Story Locations',
  'Language', 'Version',
];

const TYPES: ReadonlySet<string> = new Set([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
]);

/** Older PLOVER names still found in early files. */
const RENAMED: Readonly<Record<string, PloverEventType>> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

type Get = (...names: string[]) => string;

const missing = (s: string): boolean => s === '' || s === 'None' || s === 'none' || s === 'nan' || s === 'NaN' || s === 'NA';

/** "a; b|c" → ["a", "b", "c"], with missing markers dropped. */
export const listOf = (s: string): string[] => s.split(/[;|,]/).map((x) => x.trim()).filter((x) => !missing(x));

/** The actors or recipients of a row: names, countries and sectors paired by position. */
function entities(get: Get, role: 'Actor' | 'Recipient'): Entity[] | string {
  const names = get(`${role} Name`).split(';').map((s) => s.trim()).filter((s) => !missing(s));
  const countries = get(`${role} Country`).split(';').map((s) => s.trim());
  const primary = get(`Primary ${role} Sector`).split(';').map((s) => s.trim());
  const title = get(`${role} Title`);
  const n = Math.max(names.length, countries.filter((c) => !missing(c)).length);
  const out: Entity[] = [];
  for (let i = 0; i < n; i++) {
    const country = (countries.length === 1 ? countries[0] : countries[i]) ?? '';
    const name = names[i] ?? country;
    const sectorText = (primary.length === n ? primary[i] : primary[0]) || get(`${role} Sectors`);
    const { sector, org } = sectorFromNames(missing(sectorText) ? '' : sectorText);
    const office = i === 0 && !missing(title) ? { office: title } : {};
    if (!missing(country) && ORGANIZATION_CODES.has(country.toUpperCase())) {
      out.push({ code: country.toUpperCase(), ...(sector ? { sector } : {}), entity_text: name, ...office });
      continue;
    }
    if (!missing(country)) {
      const ref = countryCode(country);
      if (!ref) return `${role} Country "${country}" is not a known country`;
      out.push({ ...countryEntity(ref, name, sector), ...office });
      continue;
    }
    const code = organizationByName(name) ?? org ?? '';
    out.push({ code, ...(sector ? { sector } : {}), entity_text: name, ...office });
  }
  return out;
}

function place(get: Get): Place | null {
  const name = get('Placename') || get('City') || get('District') || get('Province', 'State') || get('Country');
  if (missing(name)) return null;
  const country = get('Country');
  const code = missing(country) ? '' : countryCode(country)?.code ?? '';
  const geonames = get('GeoNames ID');
  return importedPlace(name, code, decimal(get('Latitude')), decimal(get('Longitude')), `POLECAT Placename${missing(geonames) ? '' : `, GeoNames ${geonames}`}`);
}

/** Who published the row's story (Source, else the URL's host) and when (Publication Date). */
function report(get: Get, url: string): Report {
  const source = get('Source');
  return { outlet: missing(source) ? hostOf(url) : source, published: isoDate(get('Publication Date')) };
}

export function parsePolecatLine(line: string, lineNo: number, file: string, columns: readonly string[] | null): ImportRow {
  if (blank(line) || line.startsWith('Event ID\t')) return null;
  const cols = columns ?? POLECAT_COLUMNS;
  const f = splitTabs(line);
  if (f.length < cols.length) return problem(file, lineNo, `expected ${cols.length} tab-separated columns (POLECAT header), found ${f.length}`);
  if (f.length > cols.length && f.slice(cols.length).some((x) => x.trim())) {
    return problem(file, lineNo, `expected ${cols.length} tab-separated columns (POLECAT header), found ${f.length} with values past the last`);
  }
  const idx = columnIndex(cols);
  const get: Get = (...names) => {
    for (const n of names) {
      const i = idx.get(n.toLowerCase());
      if (i !== undefined) return f[i]!.trim();
    }
    return '';
  };
  const id = get('Event ID');
  if (missing(id)) return problem(file, lineNo, 'Event ID is empty');
  const rawDate = get('Event Date', 'Story Date');
  const date = isoDate(rawDate);
  if (!date) return problem(file, lineNo, `Event Date "${rawDate}" is not a valid date (YYYY-MM-DD)`);
  const rawType = get('Event Type');
  const upper = rawType.toUpperCase();
  const type = RENAMED[upper] ?? (TYPES.has(upper) ? (upper as PloverEventType) : undefined);
  if (!type) return problem(file, lineNo, `Event Type "${rawType}" is not a PLOVER event type`);
  const actor = entities(get, 'Actor');
  if (typeof actor === 'string') return problem(file, lineNo, actor);
  if (!actor.length) return problem(file, lineNo, 'Actor Name and Actor Country are empty: a PLOVER event needs an actor');
  const recipient = entities(get, 'Recipient');
  if (typeof recipient === 'string') return problem(file, lineNo, recipient);
  const mode = listOf(get('Event Mode')).map((m) => m.toLowerCase());
  const context = listOf(get('Contexts')).map((c) => c.toLowerCase().replace(/ /g, '_'));
  const score = ploverScore(type, mode);
  const text = get('Event Text');
  const url = get('URL', 'Source URL', 'Story URL');
  return {
    ok: true,
    event: {
      source_id: id, date, date_precision: 'day', actor, recipient,
      event: type, mode, context, quad_code: score.quad_code, event_scale: score.event_scale,
      event_text: null, event_loc: place(get), size: null, text: missing(text) ? null : text, url: missing(url) ? null : url,
      original_code: rawType,
      mapping: `POLECAT ${rawType}${mode.length ? ` ${mode.join(',')}` : ''}${RENAMED[upper] ? ` → ${type} (older PLOVER name)` : ' (PLOVER type, kept)'}`,
      provenance: provenance('polecat', file, lineNo, id, missing(url) ? null : url, report(get, url)),
    },
  };
}

/** The columns no POLECAT row can do without (with those standing in for them): a header lacking one belongs to another kind of file. */
const REQUIRED: readonly (readonly string[])[] = [['Event ID'], ['Event Date', 'Story Date'], ['Event Type'], ['Actor Name', 'Actor Country']];

export const polecat: ImportFormat = { name: 'polecat', header: true, parseLine: parsePolecatLine, refuse: (first) => lackingColumns(first, REQUIRED) };
