import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'entente.js');
const dir = mkdtempSync(join(tmpdir(), 'entente-analysis-cli-'));
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const SEED = join(ROOT, 'examples', 'azerbaijan-serbia-partnership.txt');
const db = join(dir, 'seed.db');

interface Json<T> {
  result: T;
  events: Record<string, { record: { text?: string; attribution?: { claimant_text: string | null; certainty: string } } }>;
}
const json = <T>(args: string[]): Json<T> => {
  const r = run([...args, '--db', db, '--format', 'json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Json<T>;
};
type Ev = { act: { id: number }; side: string };
const sentence = (j: Json<unknown>, id: number): string => j.events[String(id)]?.record.text ?? '';

beforeAll(() => {
  expect(run(['ingest', '--db', db, '--date', '2021-12-01', SEED]).code).toBe(0);
});

describe('the seed article (published 2021-12-01)', () => {
  it('entente test AZE --window 2020-07-01:2021-11-30 --adversary ARM rates BIH held and SRB failed, with their sentences', () => {
    const j = json<{ partners: { partner: string; verdict: string; evidence: Ev[]; undated: Ev[] }[] }[]>(['test', 'AZE', '--window', '2020-07-01:2021-11-30', '--adversary', 'ARM']);
    const by = Object.fromEntries(j.result[0]!.partners.map((p) => [p.partner, p]));
    expect(by.BIH!.verdict).toBe('held');
    expect(by.SRB!.verdict).toBe('failed');
    expect(sentence(j, by.BIH!.evidence[0]!.act.id)).toMatch(/^During the latest conflict in Nagorno-Karabakh, a member of Bosnia/);
    const srb = by.SRB!.evidence.map((e) => sentence(j, e.act.id)).join('\n');
    expect(srb).toMatch(/Anadolu Agency reported that Serbia had silently delivered/);
    expect(j.events[String(by.SRB!.evidence.find((e) => e.side === 'misaligned')!.act.id)]!.record.attribution).toMatchObject({ certainty: 'reported', claimant_text: 'Anadolu Agency' });
    // Publication-dated acts are shown apart and never counted.
    expect(by.SRB!.undated.map((e) => sentence(j, e.act.id)).join('\n')).toMatch(/admitted that the delivery of weapons to Armenia did take place/);
  });

  it('says how widely a piece of evidence was reported: the delivery alleged, then admitted, is one event of 2 reports', () => {
    const args = ['test', 'AZE', '--window', '2020-07-01:2021-11-30', '--adversary', 'ARM', '--db', db];
    const j = JSON.parse(run([...args, '--format', 'json']).out) as { clusters: Record<string, { mentions: number; outlets: number }> };
    expect(Object.values(j.clusters)).toContainEqual({ mentions: 2, outlets: 1 });
    const table = run(args).out;
    const cluster = Object.entries(j.clusters).find(([, c]) => c.mentions === 2)![0];
    expect(table).toMatch(new RegExp(`alleged \\(Azerbaijani side\\); one of 2 reports from 1 outlet \\(--cluster ${cluster}\\)`));
  });

  it('entente gap SRB AZE flags a say-do gap citing both agreements, the arms to Armenia and the admission', () => {
    const j = json<{ periods: { period: string; flagged: boolean; evidence: Ev[] }[]; undated: Ev[] }>(['gap', 'SRB', 'AZE']);
    const flagged = j.result.periods.filter((p) => p.flagged);
    expect(flagged.map((p) => p.period)).toEqual(['2020']);
    const cited = flagged[0]!.evidence.map((e) => sentence(j, e.act.id)).join('\n');
    expect(cited).toMatch(/Almost a decade ago, the presidents of Azerbaijan and Serbia/);
    expect(cited).toMatch(/recently signed an agreement/);
    expect(cited).toMatch(/delivered ar/);
    expect(j.result.undated.map((e) => sentence(j, e.act.id)).join('\n')).toMatch(/Serbian officials themselves admitted/);
  });

  it('prints readable tables by default', () => {
    const t = run(['test', 'AZE', '--window', '2020-07-01:2021-11-30', '--adversary', 'ARM', '--db', db]);
    expect(t.out).toMatch(/^BIH\s+no\s+held/m);
    expect(t.out).toMatch(/^SRB\s+yes\s+failed/m);
    expect(t.out).toMatch(/undated evidence \(not counted in the window\)/);
    const g = run(['gap', 'SRB', 'AZE', '--db', db]);
    expect(g.out).toMatch(/^2020 .* GAP /m);
  });

  const commands: [string, string[], RegExp][] = [
    ['dyad as CSV', ['dyad', 'SRB', 'AZE', '--by', 'year', '--format', 'csv'], /^period,from,to,direction,count,q1,q2,q3,q4,scale_sum,scale_mean,clusters,unconfirmed_share,types\n2011,2011-01-01,2011-12-31,SRB>AZE,1,1,0,0,0,2\.5/],
    ['crises with the known conflicts', ['crises', 'AZE', '--today', '2021-12-01'], /2020-09-27\s+2020-11-10\s+ARM\s+known.*Second Nagorno-Karabakh War/],
    ['compare', ['compare', 'AZE', '--partners', 'SRB,BIH'], /1 BIH[\s\S]*2 SRB/],
    ['network', ['network', '--around', 'AZE'], /SRB\s+ARM\s+0\.5/],
    ['network as GraphML', ['network', '--format', 'graphml'], /<edge id="e0" source="[A-Z]{3}" target="[A-Z]{3}"/],
    ['a state by name', ['dyad', 'Serbia', 'Azerbaijan', '--by', 'year'], /SRB ↔ AZE by year/],
  ];
  it.each(commands)('%s', (_n, args, want) => {
    const r = run([...args, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(want);
  });
});

describe('bad input: a clear error and a non-zero exit code', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown code suggests the closest matches', ['test', 'Azerbajan', '--db', db], /"Azerbajan" is not a known state code or name\. Closest: AZE \(Azerbaijan\)/],
    ['a window with from after to', ['test', 'AZE', '--window', '2021-11-30:2020-07-01', '--db', db], /FROM is after TO/],
    ['a malformed window', ['test', 'AZE', '--window', '2020-07-01', '--db', db], /--window must be FROM:TO/],
    ['an impossible date', ['dyad', 'SRB', 'AZE', '--from', '2020-02-30', '--db', db], /--from must be a date YYYY-MM-DD/],
    ['a missing store', ['gap', 'SRB', 'AZE', '--db', join(dir, 'none.db')], /no store at .*none\.db: ingest stories or import a dataset first/],
    ['an unknown format', ['dyad', 'SRB', 'AZE', '--format', 'xml', '--db', db], /--format must be table, json, csv/],
    ['no adversary in a quiet window', ['test', 'SRB', '--window', '2015-01-01:2015-12-31', '--db', db], /no material conflict involving SRB .* name the adversary/],
  ];
  it.each(cases)('%s', (_n, args, want) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(want);
  });
});

describe('imported datasets: the same commands run unchanged', () => {
  const imported = join(dir, 'imported.db');
  beforeAll(() => {
    for (const [format, file] of [['polecat', 'polecat.tab'], ['icews', 'icews.tab']]) {
      // The samples hold two malformed rows each, on purpose: exit code 1, the rest imported.
      expect(run(['import', '--format', format!, '--db', imported, join(ROOT, 'samples', file!)]).code).toBe(1);
    }
  });
  const commands: [string, string[], RegExp][] = [
    ['dyad', ['dyad', 'ARM', 'AZE', '--by', 'year'], /2020\s+ARM→AZE\s+8/],
    ['crises', ['crises', 'AZE', '--today', '2024-01-01'], /2020-09-27\s+2020-11-10\s+ARM\s+known\s+4/],
    ['test', ['test', 'AZE', '--adversary', 'ARM'], /SRB\s+no\s+failed[\s\S]*AID SRB→ARM .* AID to the adversary ARM; (icews|polecat) row \d+/],
    ['gap', ['gap', 'SRB', 'AZE'], /periods? flagged/],
    ['compare', ['compare', 'AZE', '--partners', 'SRB,TUR,RUS'], /Partners for AZE, ranked/],
    ['network', ['network', '--from', '2020-01-01', '--to', '2020-12-31'], /Alignment network 2020-01-01 to 2020-12-31: \d+ states, \d+ edges/],
  ];
  it.each(commands)('%s', (_n, args, want) => {
    const r = run([...args, '--db', imported]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(want);
  });
});
