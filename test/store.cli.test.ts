import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'entente.js');
const dir = mkdtempSync(join(tmpdir(), 'entente-store-cli-'));
const run = (args: string[], env: Record<string, string> = {}, input?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const SEED = join(ROOT, 'examples', 'azerbaijan-serbia-partnership.txt');

describe('store commands on the seed article', () => {
  const db = join(dir, 'seed.db');
  it('ingests, then says nothing changed on a rerun', () => {
    const first = run(['ingest', '--db', db, '--date', '2021-12-01', SEED]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/1 new, 0 updated, 0 unchanged stories; 15 events/);
    const again = run(['ingest', '--db', db, '--date', '2021-12-01', SEED]);
    expect(again.err).toMatch(/nothing changed/);
  });

  it('entente events --actor SRB --recipient ARM shows the arms delivery with its sentence and claimant', () => {
    const r = run(['events', '--db', db, '--actor', 'SRB', '--recipient', 'ARM', '--type', 'AID', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/~2020-09-27\s+AID\s+SRB\s+ARM\/MIL\s+reported: Anadolu Agency\s+"In the first days of the conflict/);
    expect(r.out).toMatch(/pub:2021-12-01\s+AID\s+SRB\/GOV\s+ARM\s+confirmed: Serbian officials/);
    const jsonl = run(['events', '--db', db, '--actor', 'SRB', '--recipient', 'ARM']).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl.length).toBeGreaterThanOrEqual(3);
    expect(jsonl[0].record.text).toMatch(/Serbia/);
  });

  it('searches sentences, summarises, checks and backs up', () => {
    expect(run(['search', '--db', db, 'ammunition Armenia']).out).toMatch(/sentence \d+: .*\[ammunition\].*\n\s+pub:2021-12-01\s+ACCUSE/);
    expect(run(['stats', '--db', db]).out).toMatch(/stories\s+1 \(\d+ sentences\)/);
    expect(run(['check', '--db', db])).toMatchObject({ code: 0, out: expect.stringMatching(/ok/) });
    expect(run(['check', '--quick', '--db', db])).toMatchObject({ code: 0, out: expect.stringMatching(/ok/) });
    const copy = join(dir, 'copy.db');
    expect(run(['backup', '--db', db, copy]).code).toBe(0);
    expect(run(['stats', '--db', copy]).out).toMatch(/15 coded/);
  });

  it('exports events as JSONL, CSV and PLOVER, and clusters', () => {
    const plover = run(['export', '--db', db, '--format', 'plover', '--type', 'ASSAULT']).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(plover[0]).toMatchObject({ event: 'ASSAULT', size: { dead: 12 } });
    const csv = run(['export', '--db', db, '--format', 'csv', '--actor', 'BIH']).out.trim().split('\n');
    expect(csv[0]).toMatch(/^uid,source,date/);
    expect(csv.length).toBeGreaterThan(1);
    const clusters = run(['export', '--db', db, '--clusters']).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(clusters.reduce((n: number, c: { mentions: number }) => n + c.mentions, 0)).toBe(15);
    // Most reported first.
    const ranked = run(['export', '--db', db, '--clusters', '--order', 'mentions']).out.trim().split('\n').map((l) => JSON.parse(l).mentions as number);
    expect(ranked).toEqual(clusters.map((c: { mentions: number }) => c.mentions).sort((a: number, b: number) => b - a));
    // A cluster's reports, by its id: the evidence behind its mention count.
    const [biggest] = [...clusters].sort((a, b) => b.mentions - a.mentions);
    const members = run(['events', '--db', db, '--cluster', String(biggest.id), '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(members.map((e: { rowid: number }) => e.rowid).sort((a: number, b: number) => a - b)).toEqual(biggest.members);
    // The ids the analyses cite (#12), as they print them.
    const [a, b] = biggest.members as number[];
    const cited = run(['events', '--db', db, '--id', `#${a},${b}`, '--format', 'jsonl']).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(cited.map((e: { rowid: number }) => e.rowid).sort((x: number, y: number) => x - y)).toEqual([a, b]);
    // Clusters filter by their reports for what they do not hold: all of the seed's are coded.
    const r = run(['export', '--db', db, '--clusters', '--source', 'imported']);
    expect([r.out, r.err]).toEqual(['', 'exported 0 clusters\n']);
    expect(run(['export', '--db', db, '--clusters', '--cluster', String(biggest.id)]).err).toBe('exported 1 cluster\n');
  });

  it('ENTENTE_DB chooses the database', () => {
    expect(run(['stats'], { ENTENTE_DB: db }).out).toMatch(/15 coded/);
  });

  it.each([
    [['events', '--db', db, '--type', 'HUG'], /--type: "HUG" is not a PLOVER event type/],
    [['events', '--db', db, '--from', 'May 5'], /--from: "May 5" is not a YYYY-MM-DD date/],
    [['events', '--db', db, '--source', 'both'], /--source must be coded or imported/],
    [['events', '--db', db, '--cluster', '12a'], /--cluster: "12a" is not a cluster id/],
    [['events', '--db', db, '--id', '4.5'], /--id: "4.5" is not an event id/],
    [['export', '--db', db, '--cluster', '0'], /--cluster: "0" is not a cluster id/],
    [['export', '--db', db, '--format', 'xml'], /--format must be jsonl, csv or plover/],
    [['export', '--db', db, '--order', 'mentions'], /--order applies to --clusters/],
    [['export', '--db', db, '--clusters', '--order', 'dead'], /--order must be date or mentions, not "dead"/],
    [['ingest', '--db', db], /ingest needs a PATH/],
  ])('usage error %j', (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('ingest: inputs and bad input', () => {
  it('takes folders, feeds and standard input, and names every problem', () => {
    const db = join(dir, 'mixed.db');
    const folder = mkdtempSync(join(dir, 'in-'));
    writeFileSync(join(folder, 'a.txt'), 'Serbia delivered weapons to Armenia on Monday.');
    writeFileSync(join(folder, 'feed.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Iran threatens Iraq</title><description>Iran threatened to attack Iraq.</description><pubDate>Mon, 29 Nov 2021 10:00:00 GMT</pubDate><guid>w1</guid></item><item><title>Cut');
    writeFileSync(join(folder, 'bad.jsonl'), '{"id":"x","text":"Russia expelled two Swiss diplomats."}\nnot json\n');
    const r = run(['ingest', '--db', db, folder, '-'], {}, 'Turkey mobilized troops along the Syrian border.');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.jsonl:2: not valid JSON/);
    expect(r.err).toMatch(/feed\.xml.*truncated/);
    expect(r.err).toMatch(/4 new/);
  });

  it('a wrong kind of file lists its first 50 problems and counts the rest; its good lines are stored', () => {
    const file = join(dir, 'mostly-bad.jsonl');
    writeFileSync(file, ['{"id":"good","text":"Iran threatened to attack Iraq."}', ...Array.from({ length: 80 }, (_, i) => `row ${i}\tnot json`)].join('\n'));
    const r = run(['ingest', '--db', join(dir, 'mostly-bad.db'), file]);
    expect(r.code).toBe(1);
    expect(r.err.match(/mostly-bad\.jsonl:\d+: not valid JSON/g)).toHaveLength(50);
    expect(r.err).toMatch(/mostly-bad\.jsonl: 30 more problems, not listed/);
    expect(r.err).toMatch(/1 new, 0 updated, 0 unchanged stories; .*; 80 problems/);
  });

  it('a full disk fails clearly and keeps what was committed', () => {
    const db = join(dir, 'full.db');
    expect(run(['ingest', '--db', db, '--date', '2021-12-01', SEED]).code).toBe(0);
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `b${i}`, date: '2021-01-01', text: `Serbia delivered weapons to Armenia on Monday. ${'Padding sentence about nothing in particular. '.repeat(60)}` })).join('\n'));
    const r = run(['ingest', '--db', db, '--batch', '50', big], { ENTENTE_MAX_MB: '1' });
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/database or disk is full/);
    expect(run(['check', '--db', db]).code).toBe(0);
    const stored = new Database(db);
    const ids = stored.prepare('SELECT story_id FROM stories').pluck().all() as string[];
    stored.close();
    // The seed story and whole batches of 50: the batch that hit the limit left nothing behind.
    expect(ids).toContain('azerbaijan-serbia-partnership');
    expect((ids.length - 1) % 50).toBe(0);
  });
});

describe('import: dataset samples', () => {
  const db = join(dir, 'import.db');
  it.each([
    ['gdelt', 'gdelt.export.CSV', /gdelt\.export\.CSV:13: expected 61 tab-separated columns/],
    ['icews', 'icews.tab', /icews\.tab:\d+: /],
    ['polecat', 'polecat.tab', /polecat\.tab:\d+: /],
    ['plover', 'plover.jsonl', /plover\.jsonl:6: not valid JSON/],
  ])('%s: imports the good rows, names the two bad ones by line, then counts duplicates and reports no clustering', (format, file, message) => {
    const path = join(ROOT, 'samples', file);
    const first = run(['import', '--db', db, '--format', format, path]);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(message);
    expect(first.err.match(/^entente: .*:\d+: /gm)).toHaveLength(2);
    expect(first.err).toMatch(/imported, 2 skipped \(malformed\), 0 duplicates/);
    const again = run(['import', '--db', db, '--format', format, path]);
    expect(again.err).toMatch(/: \d+ rows: 0 imported, 2 skipped \(malformed\), [1-9]\d* duplicates/);
    // Only duplicates: no cluster and no monthly sum changes, so neither is reported.
    expect([first.err, again.err].map((err) => [/clustered [1-9]\d* events/.test(err), /summed [1-9]\d* dyads/.test(err)])).toEqual([[true, true], [false, false]]);
  });

  it('imported events are queried and exported like coded ones, with their provenance', () => {
    const events = run(['events', '--db', db, '--source', 'imported', '--actor', 'SRB', '--recipient', 'ARM']).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.length).toBeGreaterThan(0);
    expect(events[0].provenance).toMatchObject({ source: 'imported', row: expect.any(Number), source_id: expect.any(String) });
    expect(run(['check', '--db', db]).code).toBe(0);
  });

  it('a truncated file reports its last line and keeps the rows before it', () => {
    const text = readFileSync(join(ROOT, 'samples', 'gdelt.export.CSV'), 'utf8').split('\n').slice(0, 5).join('\n');
    const cut = join(dir, 'cut.CSV');
    writeFileSync(cut, text.slice(0, text.length - 300));
    const r = run(['import', '--db', join(dir, 'cut.db'), '--format', 'gdelt', cut]);
    expect(r.err).toMatch(/cut\.CSV:5: expected 61 tab-separated columns/);
    expect(r.err).toMatch(/4 imported/);
  });

  it.each([
    [['import', '--db', db, '--format', 'acled', 'x'], /--format must be one of/],
    [['import', '--db', db, '--format', 'gdelt'], /missing required argument|needs at least one FILE/],
  ])('usage error %j', (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('ingest --url', () => {
  it('fetches a feed from a local server and reports a missing page', async () => {
    const { createServer } = await import('node:http');
    const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><item><title>Iran threatens Iraq</title><description>Iran threatened to attack Iraq on Monday.</description><pubDate>Tue, 30 Nov 2021 10:00:00 GMT</pubDate><guid>lw-1</guid></item></channel></rss>';
    const server = createServer((req, res) => {
      if (req.url === '/rss') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(feed);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    const db = join(dir, 'url.db');
    const child = spawn(process.execPath, [BIN, 'ingest', '--db', db, '--url', `http://127.0.0.1:${port}/rss`, '--url', `http://127.0.0.1:${port}/gone`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code: number = await new Promise((r) => child.on('close', r));
    server.close();
    expect(code).toBe(1);
    expect(err).toMatch(/\/gone: .*404/);
    expect(err).toMatch(/1 new/);
    const events = run(['events', '--db', db]).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ record: { event: 'THREATEN' }, story: { story_id: 'lw-1', outlet: 'Local Wire' } });
  });
});

describe('recode', () => {
  it('re-codes stories stored by another coder version, and then has nothing to do', () => {
    const db = join(dir, 'recode.db');
    expect(run(['ingest', '--db', db, '--date', '2021-12-01', SEED]).code).toBe(0);
    const raw = new Database(db);
    raw.prepare("UPDATE stories SET coder_version = 'entente 0.0.1'").run();
    const before = Number(raw.prepare('SELECT count(*) FROM events').pluck().get());
    raw.close();
    const r = run(['recode', '--db', db]);
    expect(r.out).toMatch(/recoded 1 story with entente \d+\.\d+\.\d+: 15 events/);
    const after = new Database(db);
    expect(after.prepare('SELECT count(*) FROM events').pluck().get()).toBe(before);
    expect(after.prepare('SELECT DISTINCT coder_version FROM stories').pluck().all()).toEqual([expect.stringMatching(/^entente \d/)]);
    after.close();
    expect(run(['recode', '--db', db]).out).toMatch(/nothing to do/);
    expect(run(['check', '--db', db]).code).toBe(0);
  });
});
