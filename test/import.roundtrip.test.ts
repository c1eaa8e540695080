/**
 * `entente export --format plover` writes records that `entente import --format plover` reads back: every stored
 * event, coded or imported from any dataset, survives the round trip under a stable id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli as run, scratchDir } from './cli-helpers.js';

const { dir } = scratchDir('entente-roundtrip-');
const SAMPLES: readonly [string, string][] = [['gdelt', 'gdelt.export.CSV'], ['icews', 'icews.tab'], ['polecat', 'polecat.tab'], ['plover', 'plover.jsonl']];
const records = (file: string): Record<string, unknown>[] => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('export --format plover, then import --format plover', () => {
  const db = join(dir, 'store.db');
  run(['ingest', '--db', db, '--date', '2021-12-01', join(ROOT, 'examples', 'azerbaijan-serbia-partnership.txt')]);
  for (const [format, file] of SAMPLES) run(['import', '--db', db, '--format', format, join(ROOT, 'samples', file)]);
  const out = join(dir, 'rt.jsonl');
  run(['export', '--db', db, '--format', 'plover', '--out', out]);
  const exported = records(out);

  it.each([
    ['a GDELT event: its uid', 'gdelt:955110022', 1],
    ['an ICEWS event: its uid', 'icews:33417157', 1],
    ['a POLECAT event: its uid', 'polecat:20200927-04101_1', 1],
    ['a PLOVER record: its own id, as the coded event it copies', 'azerbaijan-serbia-partnership-5-1', 2],
  ] as const)('%s', (_name, id, n) => {
    expect(exported.filter((r) => r.id === id)).toHaveLength(n);
  });

  it('imports into a new store with nothing skipped (a coded record and its copy in the samples are one), and exports again under the same ids', () => {
    const copy = join(dir, 'copy.db');
    const r = run(['import', '--db', copy, '--format', 'plover', out]);
    const ids = new Set(exported.map((x) => x.id));
    expect(r.code).toBe(0);
    expect(r.err).toContain(`: ${exported.length} rows: ${ids.size} imported, 0 skipped (malformed), ${exported.length - ids.size} duplicates`);
    const again = join(dir, 'rt2.jsonl');
    run(['export', '--db', copy, '--format', 'plover', '--out', again]);
    const copied = records(again);
    expect(copied.map((x) => x.id).sort()).toEqual([...ids].sort());
    expect(copied.find((x) => x.id === 'azerbaijan-serbia-partnership-5-1')).toMatchObject({ date: '2020-09-27', enddate: '2020-10-11' });
  });

  it('keeps a date range: the imported copy of the coded arms delivery (27 September to 11 October) is in its cluster', () => {
    const copies = exported.filter((r) => r.id === 'azerbaijan-serbia-partnership-5-1');
    expect(copies.map((r) => [r.date, r.enddate, r.date_precision])).toEqual([['2020-09-27', '2020-10-11', 'approximate'], ['2020-09-27', '2020-10-11', 'approximate']]);
    const events = run(['events', '--db', db, '--actor', 'SRB', '--recipient', 'ARM', '--type', 'AID', '--from', '2020-09-27', '--to', '2020-09-27']).lines.map((l) => JSON.parse(l));
    expect(events.map((e) => [e.uid, e.cluster])).toEqual([['azerbaijan-serbia-partnership-5-1', events[0].cluster], ['plover:azerbaijan-serbia-partnership-5-1', events[0].cluster]]);
  });

  it('keeps a party with a sector but no country code (GDELT REB)', () => {
    expect(exported.find((r) => r.id === 'gdelt:955110029')).toMatchObject({ actor: [{ code: '', sector: 'REB', entity_text: 'REBEL' }] });
  });
});
