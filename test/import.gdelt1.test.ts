import { describe, expect, it } from 'vitest';
import { FORMATS } from '../src/import/index.js';
import type { ImportedEvent, ImportRow } from '../src/types.js';

/**
 * A GDELT 2.0 row (Serbia's army to Armenia's, CAMEO 072, in Belgrade) and the same event in GDELT 1.0's layouts:
 * 1.0's three geography blocks have no ADM2Code (2.0's columns 39, 47 and 55), and its historical backfile no
 * SOURCEURL.
 */
function v2(): string[] {
  const f = Array<string>(61).fill('');
  Object.assign(f, { 0: '955110007', 1: '20201002', 5: 'SRBGOV', 6: 'SERBIA', 7: 'SRB', 12: 'GOV', 15: 'ARMMIL', 16: 'ARMENIA', 17: 'ARM', 22: 'MIL',
    25: '1', 26: '072', 27: '072', 28: '07', 29: '2', 30: '8.3', 51: '4', 52: 'Belgrade, Serbia (general), Serbia', 53: 'RI', 54: 'RI00', 55: 'RI00-ADM2',
    56: '44.8186', 57: '20.4681', 58: '-74897', 59: '20201002151500', 60: 'https://news.example.org/a' });
  return f;
}
const v1 = (): string[] => v2().filter((_, i) => ![39, 47, 55].includes(i)).map((v, i) => (i === 56 ? '20201002' : v));
const backfile = (): string[] => v1().slice(0, 57);

const parse = (fields: string[]): ImportRow => FORMATS.gdelt.parseLine(fields.join('\t'), 3, 'g.CSV', null);
const event = (fields: string[]): ImportedEvent => {
  const r = parse(fields);
  if (!r?.ok) throw new Error(`not an event: ${JSON.stringify(r)}`);
  return r.event;
};

describe('import: GDELT 1.0 events', () => {
  it.each([
    ['a 1.0 daily file (58 columns)', v1, 'https://news.example.org/a'],
    ['a 1.0 historical backfile (57 columns, no SOURCEURL)', backfile, null],
  ])('reads %s as the 2.0 row, its id marked as 1.0', (_, row, url) => {
    const e = event(row());
    const same = event(v2());
    expect(row()).toHaveLength(url ? 58 : 57);
    expect(e).toEqual({
      ...same, source_id: '1.0/955110007', url,
      provenance: { ...same.provenance, source_id: '1.0/955110007', ...(url ? { url } : { url: undefined, outlet: undefined }) },
    });
    expect(e.event_loc).toMatchObject({ name: 'Belgrade, Serbia (general), Serbia', country: 'SRB', lat: 44.8186, lon: 20.4681 });
  });

  it.each([
    [56, 'expected 61 tab-separated columns (GDELT 2.0 events export) or 57–58 (GDELT 1.0), found 56'],
    [59, 'expected 61 tab-separated columns (GDELT 2.0 events export) or 57–58 (GDELT 1.0), found 59'],
  ])('a row of %i columns is a problem', (n, message) => {
    const fields = [...v2(), ...v2()].slice(0, n);
    expect(parse(fields)).toEqual({ ok: false, problem: { file: 'g.CSV', line: 3, message } });
  });
});
