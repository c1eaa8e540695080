/**
 * ICEWS Coded Event Data (Harvard Dataverse): tab-separated with a header row. Columns are read by name:
 * Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text, CAMEO Code, Intensity,
 * Target Name, Target Sectors, Target Country, Story ID, Sentence Number, Publisher, City, District,
 * Province, Country, Latitude, Longitude. Countries are English names; sectors are comma-separated names.
 */
import type { Entity, ImportFormat, ImportRow, Place } from '../../types.js';
import { cameoMapping } from '../cameo.js';
import { countryByName } from '../countries.js';
import { organizationByName, sectorFromNames } from '../sectors.js';
import { blank, columnIndex, countryEntity, decimal, importedPlace, isoDate, lackingColumns, problem, provenance, splitTabs } from './common.js';

export const ICEWS_COLUMNS: readonly string[] = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity',
  'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District',
  'Province', 'Country', 'Latitude', 'Longitude',
];

type Get = (name: string) => string;

/** One ICEWS actor (Source or Target) as a PLOVER entity, or a problem message naming the field. */
export function icewsActor(name: string, sectors: string, country: string, role: string): Entity | string {
  const info = sectorFromNames(sectors);
  if (country) {
    const ref = countryByName(country);
    if (!ref) return `${role} Country "${country}" is not a known country name`;
    return countryEntity(ref, name, info.sector);
  }
  const org = organizationByName(name) ?? info.org;
  if (org) return info.sector ? { code: org, sector: info.sector, entity_text: name } : { code: org, entity_text: name };
  return info.sector ? { code: '', sector: info.sector, entity_text: name } : { code: '', entity_text: name };
}

/** CAMEO codes sometimes lose their leading zero in spreadsheets ("42" for "042"): put it back when that names a listed code. */
export function cameoCode(raw: string): string {
  const code = raw.trim();
  if ((code.length === 2 || code.length === 3) && cameoMapping(code) === undefined && cameoMapping(`0${code}`)?.via === `0${code}`) return `0${code}`;
  return code;
}

function place(get: Get): Place | null {
  const city = get('City');
  const district = get('District');
  const province = get('Province');
  const country = get('Country');
  const name = city || district || province || country;
  if (!name) return null;
  const full = [city, district, province, country].filter((s) => s).join(', ');
  return importedPlace(full, country ? countryByName(country)?.code ?? '' : '', decimal(get('Latitude')), decimal(get('Longitude')), 'ICEWS City/District/Province/Country');
}

export function parseIcewsLine(line: string, lineNo: number, file: string, columns: readonly string[] | null): ImportRow {
  if (blank(line) || line.startsWith('Event ID\t')) return null;
  const cols = columns ?? ICEWS_COLUMNS;
  const f = splitTabs(line);
  if (f.length !== cols.length) return problem(file, lineNo, `expected ${cols.length} tab-separated columns (ICEWS header), found ${f.length}`);
  const idx = columnIndex(cols);
  const get: Get = (name) => {
    const i = idx.get(name.toLowerCase());
    return i === undefined ? '' : f[i]!.trim();
  };
  const id = get('Event ID');
  if (!id) return problem(file, lineNo, 'Event ID is empty');
  const rawDate = get('Event Date');
  const date = isoDate(rawDate);
  if (!date) return problem(file, lineNo, `Event Date "${rawDate}" is not a valid date (YYYY-MM-DD)`);
  const code = cameoCode(get('CAMEO Code'));
  const m = cameoMapping(code);
  if (!m) return problem(file, lineNo, `CAMEO Code "${get('CAMEO Code')}" is not a CAMEO event code`);
  if (!m.type || !m.score) return null;
  const sourceName = get('Source Name');
  if (!sourceName) return problem(file, lineNo, 'Source Name is empty: a PLOVER event needs an actor');
  const source = icewsActor(sourceName, get('Source Sectors'), get('Source Country'), 'Source');
  if (typeof source === 'string') return problem(file, lineNo, source);
  const targetName = get('Target Name');
  let recipient: readonly Entity[] = [];
  if (targetName) {
    const target = icewsActor(targetName, get('Target Sectors'), get('Target Country'), 'Target');
    if (typeof target === 'string') return problem(file, lineNo, target);
    recipient = [target];
  }
  return {
    ok: true,
    event: {
      source_id: id, date, date_precision: 'day', actor: [source], recipient,
      event: m.type, mode: m.mode, context: m.context, quad_code: m.score.quad_code, event_scale: m.score.event_scale,
      event_text: get('Event Text') || null, event_loc: place(get), size: null, text: null, url: null,
      original_code: code, mapping: m.mapping, provenance: provenance('icews', file, lineNo, id, null, { outlet: get('Publisher') || null }),
    },
  };
}

/** The columns no ICEWS row can do without: a header lacking one belongs to another kind of file. */
const REQUIRED: readonly (readonly string[])[] = [['Event ID'], ['Event Date'], ['CAMEO Code'], ['Source Name']];

export const icews: ImportFormat = { name: 'icews', header: true, parseLine: parseIcewsLine, refuse: (first) => lackingColumns(first, REQUIRED) };
