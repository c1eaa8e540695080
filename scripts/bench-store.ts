/**
 * npm run bench:store -- [--rows 1000000] [--events 10000000]
 *
 * 1. Generates a GDELT-format file of --rows rows and imports it with `entente import` (one process, one core):
 *    prints rows/s and the importer's peak resident memory, then what SQLite alone inserts per second on this
 *    machine (scripts/sqlite-floor.ts), then the ceiling of any row-per-event import here (scripts/import-ceiling.ts),
 *    then the time to cluster the new events.
 * 2. Fills a store with --events generated events and times a dyad query (actor → recipient, by month).
 * 3. With --corpus STORIES.jsonl: ingest (coding and storing) against coding alone, in stories/s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, packageRoot } from '../src/model/load.js';
import { codeStory } from '../src/pipeline/index.js';
import { normalizeJsonLine } from '../src/pipeline/normalize/index.js';
import { ingest } from '../src/store/ingest.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import type { NormalizeResult, Story } from '../src/types.js';
import { fillGenerated } from './fill.js';
import { importCeiling } from './import-ceiling.js';
import { sqliteFloor } from './sqlite-floor.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rows = opt('--rows', 1_000_000);
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? args[corpusAt + 1] : undefined;
const events = opt('--events', 10_000_000);
const root = packageRoot();
const dir = mkdtempSync(join(tmpdir(), 'entente-bench-store-'));
const say = (s: string): boolean => process.stdout.write(s + '\n');

async function importBench(): Promise<void> {
  const file = join(dir, 'gdelt.export.CSV');
  const gen = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'generate.js'), '--format', 'gdelt', '--rows', String(rows), '--out', file], { stdio: 'inherit' });
  if (gen.status !== 0) throw new Error('generator failed');
  const db = join(dir, 'import.db');
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'entente.js'), 'import', '--format', 'gdelt', '--no-cluster', '--stats', '--db', db, file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code: number = await new Promise((r) => child.on('close', r));
  const secs = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`import failed:\n${err.slice(-2000)}`);
  const rss = /peak RSS (\d+) MB/.exec(err)?.[1] ?? '?';
  say(`import ${rows} GDELT rows   ${(statSync(file).size / 1e6).toFixed(0)} MB in ${secs.toFixed(1)} s: ${Math.round(rows / secs)} rows/s (whole process, start-up included), peak RSS ${rss} MB`);
  const floor = sqliteFloor(dir);
  say(`SQLite alone, no index     ${floor.wide} rows/s for the 28 values of an imported event, ${floor.narrow} rows/s for 8 (scripts/sqlite-floor.ts)`);
  const c = await importCeiling(file, db, dir);
  const least = c.scan + c.store + c.index;
  say(`ceiling of a row store     ${least.toFixed(1)} s, ${Math.round(rows / least)} rows/s, with no field parsed and no value bound in JavaScript: finding the file's ${c.tabs} tabs ${c.scan.toFixed(1)} s,`);
  say(`                           SQLite in C storing its ${c.events} events ${c.store.toFixed(1)} s and building the query indexes ${c.index.toFixed(1)} s (scripts/import-ceiling.ts)`);
  const store = new SqliteStore(db);
  const t = performance.now();
  const r = store.transaction(() => store.recluster('new'));
  say(`cluster them              ${r.events} events into ${r.clusters} clusters in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  store.close();
}

function queryBench(): void {
  const file = join(dir, 'query.db');
  say(`fill ${events} events       ${fillGenerated(file, events).toFixed(0)} s`);
  const store = new SqliteStore(file);
  const times: number[] = [];
  let periods = 0;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    periods = store.dyad('USA', 'RUS', 'month').length;
    times.push(performance.now() - t);
  }
  const count = [...store.dyad('USA', 'RUS', 'year')].reduce((n, p) => n + p.count, 0);
  say(`dyad USA→RUS by month     ${count} events, ${periods} period×type rows: first ${times[0]!.toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms`);
  store.close();
}

async function ingestBench(path: string): Promise<void> {
  const stories: Story[] = readFileSync(path, 'utf8').split('\n').flatMap((l, i) => {
    const r = normalizeJsonLine(l, path, i + 1);
    return r?.ok ? [r.story] : [];
  });
  const model = loadModel();
  for (const s of stories.slice(0, 5)) codeStory(s, model);
  // Best of five interleaved rounds, in wall-clock time and in this process's CPU time (which a busy shared host
  // disturbs less: time the host gives to others is not counted).
  const best = { code: Infinity, ingest: Infinity, codeCpu: Infinity, ingestCpu: Infinity };
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    let c = cpuMs();
    for (const s of stories) codeStory(s, model);
    best.code = Math.min(best.code, performance.now() - t);
    best.codeCpu = Math.min(best.codeCpu, cpuMs() - c);
    const store = new SqliteStore(join(dir, `ingest${k}.db`));
    async function* items(): AsyncGenerator<NormalizeResult> {
      for (const story of stories) yield { ok: true, story };
    }
    t = performance.now();
    c = cpuMs();
    await ingest(items(), store, model);
    best.ingest = Math.min(best.ingest, performance.now() - t);
    best.ingestCpu = Math.min(best.ingestCpu, cpuMs() - c);
    store.close();
  }
  const rate = (ms: number): number => Math.round((stories.length / ms) * 1000);
  say(`code ${stories.length} stories       ${rate(best.code)} stories/s`);
  say(`ingest them (code+store)  ${rate(best.ingest)} stories/s: ${Math.round((best.code / best.ingest) * 100)}% of coding alone (CPU time: ${Math.round((best.codeCpu / best.ingestCpu) * 100)}%)`);
}

try {
  if (corpus) await ingestBench(corpus);
  if (rows > 0) await importBench();
  if (events > 0) queryBench();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
