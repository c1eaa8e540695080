import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, ICEWS_COLUMNS, POLECAT_COLUMNS } from '../src/import/index.js';
import type { Dataset, ImportedEvent, ImportRow } from '../src/types.js';

const ok = (r: ImportRow): ImportedEvent => {
  if (!r || !r.ok) throw new Error(`expected an event, got ${JSON.stringify(r)}`);
  return r.event;
};
const message = (r: ImportRow): string => (r && !r.ok ? r.problem.message : `not a problem: ${JSON.stringify(r)}`);
const codes = (list: readonly { code: string; sector?: string }[]): string => list.map((e) => `${e.code}${e.sector ? `/${e.sector}` : ''}`).join('+');

/** A GDELT 2.0 row: Serbia's army to Armenia's, CAMEO 072, in Belgrade; `set` overrides columns by position. */
function gdelt(set: Record<number, string> = {}): string {
  const f = Array<string>(61).fill('');
  Object.assign(f, { 0: '955110007', 1: '20201002', 5: 'SRBGOV', 6: 'SERBIA', 7: 'SRB', 12: 'GOV', 15: 'ARMMIL', 16: 'ARMENIA', 17: 'ARM', 22: 'MIL',
    25: '1', 26: '072', 27: '072', 28: '07', 29: '2', 30: '8.3', 51: '4', 52: 'Belgrade, Serbia (general), Serbia', 53: 'RI', 56: '44.8186',
    57: '20.4681', 59: '20201002151500', 60: 'https://news.example.org/a' }, set);
  return f.join('\t');
}
const parseGdelt = (line: string): ImportRow => FORMATS.gdelt.parseLine(line, 7, 'g.CSV', null);
describe('import: GDELT 2.0 events', () => {
  it('maps a row to PLOVER with provenance', () => {
    expect(ok(parseGdelt(gdelt()))).toEqual({
      source_id: '955110007', date: '2020-10-02', date_precision: 'day', actor: [{ code: 'SRB', sector: 'GOV', entity_text: 'SERBIA' }],
      recipient: [{ code: 'ARM', sector: 'MIL', entity_text: 'ARMENIA' }], event: 'AID', mode: [], context: ['military'], quad_code: 2, event_scale: 10,
      event_text: null, event_loc: { name: 'Belgrade, Serbia (general), Serbia', country: 'SRB', lat: 44.8186, lon: 20.4681, text: 'Belgrade, Serbia (general), Serbia', charStart: 0, charEnd: 0, reason: 'GDELT ActionGeo' },
      size: null, text: null, url: 'https://news.example.org/a', original_code: '072', mapping: 'CAMEO 072 (provide military aid) → AID',
      provenance: {
        source: 'imported', dataset: 'gdelt', file: 'g.CSV', row: 7, source_id: '955110007', url: 'https://news.example.org/a',
        outlet: 'news.example.org', published: '2020-10-02',
      },
    });
  });

  it.each([
    [{ 5: 'USAGOV', 7: 'USA', 12: '' }, 'USA/GOV'],
    [{ 5: 'SRBMED', 12: 'MED' }, 'SRB/JRN'],
    [{ 5: 'SRBHLH', 12: 'HLH' }, 'SRB/MED'],
    [{ 5: 'IGOUNO', 6: 'UNITED NATIONS', 7: '', 8: 'UNO', 12: 'IGO' }, 'UNO'],
    [{ 5: 'IGOEUREEC', 6: 'EUROPEAN UNION', 7: '', 8: 'EEC', 12: 'IGO' }, 'EUR'],
    [{ 5: 'IGOAFRAFU', 7: '', 12: 'IGO' }, 'IGO'],
    [{ 5: 'NGOHRIAMN', 7: '', 12: 'NGO' }, 'NGO/SOC'],
    [{ 5: 'MNCUSA', 7: 'USA', 12: 'MNC' }, 'MNC'],
    [{ 5: 'REB', 6: 'REBEL', 7: '', 12: 'REB' }, '/REB'],
    [{ 5: 'KSVGOV', 7: 'KSV' }, 'KOS/GOV'],
    [{ 5: 'ROM', 7: 'ROM', 12: '' }, 'ROU'],
  ])('actor %j → %s', (set, want) => expect(codes(ok(parseGdelt(gdelt(set))).actor)).toBe(want));

  it.each([
    ['no Actor2', { 15: '', 16: '', 17: '', 22: '' }, (e: ImportedEvent) => expect(e.recipient).toEqual([])],
    ['no ActionGeo', { 51: '0', 52: '', 53: '' }, (e: ImportedEvent) => expect(e.event_loc).toBeNull()],
    ['no SOURCEURL', { 60: '' }, (e: ImportedEvent) => expect([e.url, e.provenance.url]).toEqual([null, undefined])],
    ['a leap day', { 1: '20200229' }, (e: ImportedEvent) => expect(e.date).toBe('2020-02-29')],
    ['CAMEO 015', { 26: '015' }, (e: ImportedEvent) => expect(e.event).toBe('AGREE')],
  ])('reads a row with %s', (_name, set, check) => check(ok(parseGdelt(gdelt(set)))));

  it('reads CRLF lines and returns null for blank lines, a header, statements and regional actors', () => {
    expect(ok(parseGdelt(`${gdelt()}\r`)).url).toBe('https://news.example.org/a');
    for (const line of ['', '  ', 'GLOBALEVENTID\tSQLDATE', gdelt({ 26: '010' }), gdelt({ 5: 'EUR', 7: 'EUR', 12: '' }), gdelt({ 15: 'MEA', 17: 'MEA' })]) {
      expect(parseGdelt(line)).toBeNull();
    }
  });

  it.each([
    [gdelt().split('\t').slice(0, 60).join('\t'), 'expected 61 tab-separated columns (GDELT 2.0 events export) or 57–58 (GDELT 1.0), found 60'],
    [`${gdelt()}\textra`, 'expected 61 tab-separated columns (GDELT 2.0 events export) or 57–58 (GDELT 1.0), found 62'],
    [gdelt({ 0: '' }), 'GLOBALEVENTID is empty'],
    [gdelt({ 1: '20201032' }), 'SQLDATE "20201032" is not a valid date (YYYYMMDD)'],
    [gdelt({ 1: '20190229' }), 'SQLDATE "20190229" is not a valid date (YYYYMMDD)'],
    [gdelt({ 1: '2020-10-02' }), 'SQLDATE "2020-10-02" is not a valid date (YYYYMMDD)'],
    [gdelt({ 26: '2100' }), 'EventCode "2100" is not a CAMEO event code'],
    [gdelt({ 26: '' }), 'EventCode "" is not a CAMEO event code'],
    [gdelt({ 5: '', 6: '', 7: '' }), 'Actor1Code is empty: a PLOVER event needs an actor'],
    [gdelt({ 7: 'QQQ' }), 'Actor1CountryCode "QQQ" is not a known CAMEO country code'],
    [gdelt({ 15: 'ZZZ', 17: '', 22: '' }), 'Actor2Code "ZZZ" names no known country, organisation or sector'],
  ])('problem: %#', (line, want) => {
    expect(parseGdelt(line)).toEqual({ ok: false, problem: { file: 'g.CSV', line: 7, message: want } });
  });
});

const icewsRow = (v: Record<string, string>, cols: readonly string[] = ICEWS_COLUMNS): string => cols.map((c) => v[c] ?? '').join('\t');
const ICEWS_BASE = { 'Event ID': '33417003', 'Event Date': '2020-10-01', 'Source Name': 'President (Azerbaijan)', 'Source Sectors': 'Government,Executive',
  'Source Country': 'Azerbaijan', 'Event Text': 'Accuse', 'CAMEO Code': '112', Intensity: '-2.0', 'Target Name': 'Serbia', 'Target Country': 'Serbia',
  City: 'Baku', Province: 'Baki', Country: 'Azerbaijan', Latitude: '40.3777', Longitude: '49.892' };
const parseIcews = (v: Record<string, string>, cols: readonly string[] | null = ICEWS_COLUMNS): ImportRow =>
  FORMATS.icews.parseLine(icewsRow(v, cols ?? ICEWS_COLUMNS), 3, 'i.tab', cols);

describe('import: ICEWS', () => {
  it('maps a row, reading columns by header name', () => {
    const e = ok(parseIcews(ICEWS_BASE));
    expect([codes(e.actor), codes(e.recipient), e.event, e.mode.join(), e.event_text, e.event_loc?.name, e.event_loc?.country, e.source_id]).toEqual(
      ['AZE/GOV', 'SRB', 'ACCUSE', 'allege', 'Accuse', 'Baku, Baki, Azerbaijan', 'AZE', '33417003']);
    expect(e.provenance).toEqual({ source: 'imported', dataset: 'icews', file: 'i.tab', row: 3, source_id: '33417003' });
    expect(ok(parseIcews(ICEWS_BASE, [...ICEWS_COLUMNS].reverse())).event).toBe('ACCUSE');
    expect(ok(parseIcews(ICEWS_BASE, null)).event).toBe('ACCUSE');
  });

  it.each([
    [{ 'CAMEO Code': '42' }, (e: ImportedEvent) => expect([e.original_code, e.event, e.mode[0]]).toEqual(['042', 'CONSULT', 'visit'])],
    [{ 'Source Name': 'United Nations', 'Source Sectors': 'International Government Organization', 'Source Country': '' }, (e: ImportedEvent) => expect(codes(e.actor)).toBe('UNO')],
    [{ 'Source Name': 'Amnesty International', 'Source Sectors': 'Nongovernmental Organizations / Activists', 'Source Country': '' }, (e: ImportedEvent) => expect(codes(e.actor)).toBe('NGO')],
    [{ 'Source Country': 'Russian Federation', 'Source Sectors': 'Police,Government' }, (e: ImportedEvent) => expect(codes(e.actor)).toBe('RUS/COP')],
    [{ 'Target Name': '' }, (e: ImportedEvent) => expect(e.recipient).toEqual([])],
  ])('reads %j', (set, check) => check(ok(parseIcews({ ...ICEWS_BASE, ...set }))));

  it.each([
    [{ 'Event Date': '2020/10/01' }, 'Event Date "2020/10/01" is not a valid date (YYYY-MM-DD)'],
    [{ 'Event ID': '' }, 'Event ID is empty'],
    [{ 'CAMEO Code': '999' }, 'CAMEO Code "999" is not a CAMEO event code'],
    [{ 'Source Name': '' }, 'Source Name is empty: a PLOVER event needs an actor'],
    [{ 'Target Country': 'Atlantis' }, 'Target Country "Atlantis" is not a known country name'],
  ])('problem: %j', (set, want) => expect(message(parseIcews({ ...ICEWS_BASE, ...set }))).toBe(want));

  it('rejects a short row and skips the header, blank lines and statements', () => {
    expect(message(FORMATS.icews.parseLine('1\t2020-10-01\tSerbia', 4, 'i.tab', ICEWS_COLUMNS))).toBe('expected 20 tab-separated columns (ICEWS header), found 3');
    expect(FORMATS.icews.parseLine(ICEWS_COLUMNS.join('\t'), 1, 'i.tab', null)).toBeNull();
    expect(FORMATS.icews.parseLine('', 2, 'i.tab', ICEWS_COLUMNS)).toBeNull();
    expect(parseIcews({ ...ICEWS_BASE, 'CAMEO Code': '010' })).toBeNull();
  });
});

const POLECAT_BASE = { 'Event ID': '20201001-04114_2', 'Event Date': '2020-10-01', 'Event Type': 'ACCUSE', 'Event Mode': 'allege', Contexts: 'military;diplomatic',
  'Actor Name': 'Ilham Aliyev', 'Actor Country': 'AZE', 'Primary Actor Sector': 'GOV', 'Actor Title': 'President', 'Recipient Name': 'Serbia',
  'Recipient Country': 'SRB', 'Primary Recipient Sector': 'None', Placename: 'Baku', Country: 'Azerbaijan', Latitude: '40.3777', Longitude: '49.892', 'GeoNames ID': '587084' };
const parsePolecat = (v: Record<string, string>, cols: readonly string[] = POLECAT_COLUMNS): ImportRow =>
  FORMATS.polecat.parseLine(cols.map((c) => v[c] ?? '').join('\t'), 5, 'p.tab', cols);
describe('import: POLECAT', () => {
  it('keeps PLOVER types, modes and contexts and reads actors by header name', () => {
    const e = ok(parsePolecat(POLECAT_BASE));
    expect([codes(e.actor), e.actor[0]!.office, codes(e.recipient), e.event, e.mode, e.context, e.quad_code, e.event_scale, e.event_loc?.country]).toEqual(
      ['AZE/GOV', 'President', 'SRB', 'ACCUSE', ['allege'], ['military', 'diplomatic'], 3, -3.5, 'AZE']);
    const extra = ['Story ID', 'Headline', ...[...POLECAT_COLUMNS].reverse(), 'Feed'];
    expect(ok(parsePolecat(POLECAT_BASE, extra)).event).toBe('ACCUSE');
  });

  it.each([
    [{ 'Actor Name': 'Armenia; Azerbaijan', 'Actor Country': 'ARM; AZE', 'Primary Actor Sector': 'MIL; MIL' }, 'actor', 'ARM/MIL+AZE/MIL'],
    [{ 'Actor Country': 'Azerbaijan' }, 'actor', 'AZE/GOV'],
    [{ 'Actor Name': 'Ilham Aliyev; Jeyhun Bayramov', 'Primary Actor Sector': 'GOV' }, 'actor', 'AZE/GOV+AZE/GOV'],
    [{ 'Actor Name': 'European Union', 'Actor Country': 'EUR', 'Primary Actor Sector': '' }, 'actor', 'EUR'],
    [{ 'Recipient Name': 'None', 'Recipient Country': 'None' }, 'recipient', ''],
  ] as const)('%j gives %s %s', (set, field, want) => expect(codes(ok(parsePolecat({ ...POLECAT_BASE, ...set }))[field])).toBe(want));

  it('maps older PLOVER names', () => expect(ok(parsePolecat({ ...POLECAT_BASE, 'Event Type': 'DEMAND', 'Event Mode': 'None' }))).toMatchObject({ event: 'REQUEST', mode: [], original_code: 'DEMAND' }));

  it.each([
    [{ 'Event Type': 'FIGHTING' }, 'Event Type "FIGHTING" is not a PLOVER event type'],
    [{ 'Event Date': 'None' }, 'Event Date "None" is not a valid date (YYYY-MM-DD)'],
    [{ 'Actor Name': 'None', 'Actor Country': 'None' }, 'Actor Name and Actor Country are empty: a PLOVER event needs an actor'],
    [{ 'Recipient Country': 'Atlantis' }, 'Recipient Country "Atlantis" is not a known country'],
    [{ 'Event ID': '' }, 'Event ID is empty'],
  ])('problem: %j', (set, want) => expect(message(parsePolecat({ ...POLECAT_BASE, ...set }))).toBe(want));
});

const parsePlover = (v: unknown): ImportRow => FORMATS.plover.parseLine(typeof v === 'string' ? v : JSON.stringify(v), 2, 'p.jsonl', null);
const PLOVER_BASE = { id: 'r1', date: '2020-10-03', actor: [{ code: 'SRB', sector: 'GOV', entity_text: 'Serbian defence ministry' }], recipient: [{ code: 'AZE' }], event: 'REJECT' };
describe('import: PLOVER JSONL', () => {
  it('reads Entente records and other producers\' records', () => {
    expect(ok(parsePlover(PLOVER_BASE))).toMatchObject({ source_id: 'r1', event: 'REJECT', quad_code: 3, event_scale: -2, recipient: [{ code: 'AZE', entity_text: 'AZE' }] });
    const other = ok(parsePlover({ ...PLOVER_BASE, event: ['FIGHT'], mode: 'heavy-weapons', event_text: ['shelled'], size: { dead: 23 },
      cite_info: { url: 'https://news.example.org/x' }, event_loc: { resolved_place: 'Stepanakert', country_code: 'AZE', lat: 39.8, lon: 46.75 } }));
    expect([other.event, other.mode, other.event_text, other.size, other.url, other.event_loc?.name, other.mapping]).toEqual(
      ['ASSAULT', ['heavy-weapons'], 'shelled', { dead: 23 }, 'https://news.example.org/x', 'Stepanakert', 'PLOVER FIGHT → ASSAULT']);
    expect(ok(parsePlover({ ...PLOVER_BASE, date_precision: 'approximate' })).date_precision).toBe('approximate');
  });

  it.each([
    ['a date range', { enddate: '2020-10-11' }, '2020-10-11'],
    ['a one-day range', { enddate: '2020-10-03' }, '2020-10-03'],
    ['no enddate', {}, undefined],
    ['a null enddate', { enddate: null }, undefined],
  ])('keeps the end date: %s', (_name, set, want) => expect(ok(parsePlover({ ...PLOVER_BASE, ...set })).enddate).toBe(want));

  it.each([
    ['{"id": "r1", "date": ', /^not valid JSON \(/],
    [{ ...PLOVER_BASE, id: undefined }, /^id is missing$/],
    [{ ...PLOVER_BASE, date: '03/10/2020' }, /^date "03\/10\/2020" is not a valid date \(YYYY-MM-DD\)$/],
    [{ ...PLOVER_BASE, date: undefined }, /^date is missing$/],
    [{ ...PLOVER_BASE, enddate: '11/10/2020' }, /^enddate "11\/10\/2020" is not a valid date \(YYYY-MM-DD\)$/],
    [{ ...PLOVER_BASE, enddate: '2020-10-02' }, /^enddate 2020-10-02 is before date 2020-10-03$/],
    [{ ...PLOVER_BASE, event: 'BOMB' }, /^event "BOMB" is not a PLOVER event type$/],
    [{ ...PLOVER_BASE, actor: [] }, /^actor is missing: a PLOVER event needs an actor$/],
    [{ ...PLOVER_BASE, actor: [{ entity_text: 'Serbia' }] }, /^actor\[0\] has no code$/],
    [[1, 2], /^not a JSON object$/],
  ])('problem: %j', (v, want) => expect(message(parsePlover(v))).toMatch(want));

  it('skips blank lines and negated records', () => expect([parsePlover(''), parsePlover({ ...PLOVER_BASE, negated: true }), parsePlover({ ...PLOVER_BASE, has_event: false })]).toEqual([null, null, null]));
});

/** Read a sample file as the CLI does: the first non-blank line of a header format names the columns. */
function readSample(dataset: Dataset, name: string): { ok: number; skipped: number; problems: string[] } {
  const format = FORMATS[dataset];
  const file = join(import.meta.dirname, '..', 'samples', name);
  let columns: string[] | null = null;
  const out = { ok: 0, skipped: 0, problems: [] as string[] };
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    if (format.header && !columns) {
      columns = line.replace(/\r$/, '').split('\t');
      return;
    }
    const r = format.parseLine(line, i + 1, file, columns);
    if (r === null) out.skipped++;
    else if (r.ok) out.ok++;
    else out.problems.push(`${r.problem.line}: ${r.problem.message}`);
  });
  return out;
}

describe('import: samples', () => {
  it.each([
    ['gdelt', 'gdelt.export.CSV', 28, 2, ['13: expected 61 tab-separated columns (GDELT 2.0 events export) or 57–58 (GDELT 1.0), found 20', '26: SQLDATE "20201032" is not a valid date (YYYYMMDD)']],
    ['gdelt', 'gdelt1.export.CSV', 28, 2, ['13: expected 61 tab-separated columns (GDELT 2.0 events export) or 57–58 (GDELT 1.0), found 20', '26: SQLDATE "20201032" is not a valid date (YYYYMMDD)']],
    ['icews', 'icews.tab', 27, 1, ['14: expected 20 tab-separated columns (ICEWS header), found 7', '23: Event Date "05/10/2020" is not a valid date (YYYY-MM-DD)']],
    ['polecat', 'polecat.tab', 27, 0, ['12: expected 40 tab-separated columns (POLECAT header), found 7', '21: Event Type "FIGHTING" is not a PLOVER event type']],
    ['plover', 'plover.jsonl', 13, 1, [/^6: not valid JSON/, '13: actor is missing: a PLOVER event needs an actor']],
  ] as const)('%s %s: %d events, %d skipped, 2 problems', (dataset, name, events, skipped, problems) => {
    const r = readSample(dataset, name);
    expect([r.ok, r.skipped]).toEqual([events, skipped]);
    expect(r.problems).toHaveLength(2);
    problems.forEach((p, i) => (typeof p === 'string' ? expect(r.problems[i]).toBe(p) : expect(r.problems[i]).toMatch(p)));
  });

  it('has one format per dataset', () => expect(Object.entries(FORMATS).map(([k, f]) => `${k}:${f.name}:${f.header}`))
    .toEqual(['gdelt:gdelt:false', 'icews:icews:true', 'polecat:polecat:true', 'plover:plover:false']));
});
