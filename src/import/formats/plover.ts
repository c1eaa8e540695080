/**
 * PLOVER JSONL: one PLOVER record a line, as Entente exports them or as other PLOVER producers write them.
 * Required: id, date, event, actor[] (objects with a code). Optional: enddate, recipient, mode, context, event_text,
 * text, url or cite_info.url, size, event_loc (an Entente place or a PLOVER location object).
 */
import type { DatePrecision, Entity, ImportFormat, ImportRow, Place, PloverEventType, Size } from '../../types.js';
import { ploverScore } from '../cameo.js';
import { hostOf } from '../../pipeline/normalize/host.js';
import { blank, importedPlace, isoDate, problem, provenance } from './common.js';

type Json = Record<string, unknown>;

const TYPES: ReadonlySet<string> = new Set([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
]);
const RENAMED: Readonly<Record<string, string>> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };
const PRECISIONS: ReadonlySet<string> = new Set(['day', 'month', 'year', 'approximate', 'publication', 'unresolved']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map(str).filter((s): s is string => !!s);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(+v) ? +v : null);

/** An entity object, keeping the fields Entente's Entity knows; a problem message when it has no code. */
function entity(v: unknown, field: string, i: number): Entity | string {
  if (!isObject(v)) return `${field}[${i}] is not an object`;
  const code = str(v.code);
  if (code === undefined && v.code !== '') return `${field}[${i}] has no code`;
  const sector = str(v.sector);
  const others = strings(v.other_sectors);
  const office = str(v.office);
  const identifier = str(v.identifier_text);
  return {
    code: code ?? '', ...(sector ? { sector } : {}), ...(others.length ? { other_sectors: others } : {}),
    entity_text: str(v.entity_text) ?? code ?? '', ...(office ? { office } : {}), ...(identifier ? { identifier_text: identifier } : {}),
  };
}

function entities(v: unknown, field: string): Entity[] | string {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: Entity[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = entity(list[i], field, i);
    if (typeof e === 'string') return e;
    out.push(e);
  }
  return out;
}

/** An Entente place or a PLOVER location object (resolved_place, country_code, lat, lon). */
function place(v: unknown): Place | null {
  if (!isObject(v)) return null;
  const name = str(v.name) ?? str(v.resolved_place) ?? str(v.extracted_place) ?? str(v.city) ?? str(v.country);
  if (!name) return null;
  const country = str(v.country_code) ?? (typeof v.country === 'string' && v.country.length === 3 ? v.country : '');
  return importedPlace(name, country, numOrNull(v.lat), numOrNull(v.lon), str(v.reason) ?? 'PLOVER event_loc');
}

function size(v: unknown): Size | null {
  if (!isObject(v)) return null;
  const out: { dead?: number; injured?: number; arrested?: number } = {};
  for (const k of ['dead', 'injured', 'arrested'] as const) {
    const n = numOrNull(v[k]);
    if (n !== null) out[k] = n;
  }
  return Object.keys(out).length ? out : null;
}

export function parsePloverLine(line: string, lineNo: number, file: string): ImportRow {
  if (blank(line)) return null;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return problem(file, lineNo, `not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(rec)) return problem(file, lineNo, 'not a JSON object');
  if (rec.negated === true || rec.has_event === false) return null;
  const id = str(rec.id);
  if (!id) return problem(file, lineNo, 'id is missing');
  const precision = typeof rec.date_precision === 'string' && PRECISIONS.has(rec.date_precision) ? (rec.date_precision as DatePrecision) : 'day';
  const rawDate = rec.date;
  const date = typeof rawDate === 'string' ? isoDate(rawDate.trim()) : undefined;
  if (!date && !(rawDate === null && precision === 'unresolved')) {
    return problem(file, lineNo, rawDate === undefined || rawDate === null ? 'date is missing' : `date ${JSON.stringify(rawDate)} is not a valid date (YYYY-MM-DD)`);
  }
  const rawEnd = rec.enddate;
  const enddate = typeof rawEnd === 'string' ? isoDate(rawEnd.trim()) : undefined;
  if (!enddate && rawEnd !== undefined && rawEnd !== null) return problem(file, lineNo, `enddate ${JSON.stringify(rawEnd)} is not a valid date (YYYY-MM-DD)`);
  if (enddate && date && enddate < date) return problem(file, lineNo, `enddate ${enddate} is before date ${date}`);
  const rawEvent = strings(rec.event)[0];
  if (!rawEvent) return problem(file, lineNo, 'event is missing');
  const upper = rawEvent.toUpperCase();
  const type = RENAMED[upper] ?? upper;
  if (!TYPES.has(type)) return problem(file, lineNo, `event "${rawEvent}" is not a PLOVER event type`);
  const actor = entities(rec.actor, 'actor');
  if (typeof actor === 'string') return problem(file, lineNo, actor);
  if (!actor.length) return problem(file, lineNo, 'actor is missing: a PLOVER event needs an actor');
  const recipient = entities(rec.recipient, 'recipient');
  if (typeof recipient === 'string') return problem(file, lineNo, recipient);
  const event = type as PloverEventType;
  const mode = strings(rec.mode);
  const score = ploverScore(event, mode);
  const cite = isObject(rec.cite_info) ? rec.cite_info : {};
  // Entente's own export of an imported event carries its provenance: its publisher and day come back with it.
  const was = isObject(rec.provenance) ? rec.provenance : {};
  const url = str(rec.url) ?? str(cite.url) ?? null;
  const report = { outlet: str(cite.publication) ?? str(was.outlet) ?? hostOf(url), published: isoDate(str(was.published) ?? '') };
  const eventText = strings(rec.event_text);
  return {
    ok: true,
    event: {
      source_id: id, date: date ?? null, ...(enddate && date ? { enddate } : {}), date_precision: precision, actor, recipient,
      event, mode, context: strings(rec.context), quad_code: score.quad_code, event_scale: score.event_scale,
      event_text: eventText.length ? eventText.join('; ') : null, event_loc: place(rec.event_loc), size: size(rec.size),
      text: str(rec.text) ?? null, url,
      original_code: rawEvent, mapping: `PLOVER ${rawEvent}${type !== rawEvent ? ` → ${type}` : ''}`,
      provenance: provenance('plover', file, lineNo, id, url, report),
    },
  };
}

/** A JSON array (one document, not a record a line) or a tab-separated file cannot be read as JSON lines. */
function refuse(first: string): string | null {
  const start = first.trimStart();
  if (start.startsWith('[')) return "a JSON array, not JSON lines (one record a line; jq -c '.[]' converts it)";
  if (!start.startsWith('{') && first.includes('\t')) return 'tab-separated, not JSON lines (one PLOVER record a line)';
  return null;
}

export const plover: ImportFormat = { name: 'plover', header: false, parseLine: (line, lineNo, file) => parsePloverLine(line, lineNo, file), refuse };
