/**
 * npm run bench:server -- [--events 1000000] [--connections 50] [--duration 10] [--code-connections 1]
 *
 * Fills a store with generated events (scripts/fill.ts, as bench:store and bench:analysis do), starts `entente serve` on
 * 127.0.0.1 in its own process, and load-tests it with autocannon for a bounded time:
 *   GET /api/dyads/:a/:b over several pairs at --connections connections (target p95 ≤ 100 ms), and
 *   POST /api/code with a 5 KB article at --code-connections connections (target p95 ≤ 50 ms).
 * Prints p50/p95/p99, connections, requests and errors for each, and the first (uncached) answer per pair.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/model/load.js';
import { fillGenerated } from './fill.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const events = opt('--events', 1_000_000);
const connections = opt('--connections', 50);
const duration = opt('--duration', 10);
const codeConnections = opt('--code-connections', 1);
const root = packageRoot();
const dir = mkdtempSync(join(tmpdir(), 'entente-bench-server-'));
const say = (s: string): boolean => process.stdout.write(s + '\n');

const PAIRS: readonly [string, string][] = [['USA', 'RUS'], ['SRB', 'AZE'], ['CHN', 'USA'], ['ISR', 'PSE'], ['AZE', 'ARM'], ['TUR', 'SYR'], ['IND', 'PAK'], ['UKR', 'RUS']];

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

/** `entente serve` in its own process (the load generator must not share its thread); resolves when it listens. */
function serve(db: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'bin', 'entente.js'), 'serve', '--db', db, '--port', String(port), '--no-seed'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ENTENTE_TOKEN: '' } });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('Entente dashboard:')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${err}`)));
  });
}

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** A bounded load test; the latency of every response is kept, for exact percentiles. */
async function load(title: string, opts: autocannon.Options): Promise<{ p95: number }> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts, (err: unknown, r: autocannon.Result) => (err ? reject(err) : resolve(r)));
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status >= 300) non2xx++;
    });
  });
  times.sort((a, b) => a - b);
  const p95 = pct(times, 95);
  say(`${title.padEnd(34)} ${String(opts.connections).padStart(3)} connections  ${String(times.length).padStart(6)} requests in ${result.duration.toFixed(1)} s (${Math.round(times.length / result.duration)}/s)  p50 ${pct(times, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  p99 ${pct(times, 99).toFixed(1)} ms  max ${times[times.length - 1]?.toFixed(1)} ms  errors ${result.errors + result.timeouts}  non-2xx ${non2xx}`);
  return { p95 };
}

/** A ~5 KB article: the seed article cut at the last sentence end before 5,120 characters. */
function article(): string {
  const text = readFileSync(join(root, 'examples', 'azerbaijan-serbia-partnership.txt'), 'utf8');
  const cut = text.slice(0, 5120);
  return cut.slice(0, cut.lastIndexOf('.') + 1);
}

let server: ChildProcess | undefined;
try {
  const db = join(dir, 'bench.db');
  say(`fill ${events} events                ${fillGenerated(db, events).toFixed(1)} s (scripts/fill.ts, as bench:store and bench:analysis)`);
  const port = await freePort();
  let t = performance.now();
  server = await serve(db, port);
  const url = `http://127.0.0.1:${port}`;
  say(`server up on 127.0.0.1:${port}          ${((performance.now() - t) / 1000).toFixed(1)} s (model loaded, store opened)`);
  for (const [a, b] of PAIRS) {
    t = performance.now();
    const r = await fetch(`${url}/api/dyads/${a}/${b}`);
    const body = (await r.json()) as { result: { periods: { both: { count: number } }[] } };
    const acts = body.result.periods.reduce((n, p) => n + p.both.count, 0);
    say(`first GET /api/dyads/${a}/${b}      ${(performance.now() - t).toFixed(0)} ms (uncached; ${acts} acts in ${body.result.periods.length} months)`);
  }
  say('under load, answers after the first per pair come from the response cache (by URL, valid while the store is unchanged)');
  const dyads = await load('GET /api/dyads/:a/:b (8 pairs)', {
    url, connections, duration,
    requests: PAIRS.map(([a, b]) => ({ method: 'GET' as const, path: `/api/dyads/${a}/${b}` })),
  });
  let n = 0;
  await load('  the same, every answer uncached', {
    url, connections, duration,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/dyads/${PAIRS[n % PAIRS.length]![0]}/${PAIRS[n % PAIRS.length]![1]}?_=${n++}` }) }],
  });
  const text = article();
  await fetch(`${url}/api/code`, { method: 'POST', body: JSON.stringify({ text, date: '2021-12-01' }) });
  const code = await load(`POST /api/code (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB article)`, {
    url: `${url}/api/code`, connections: codeConnections, duration, method: 'POST',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, date: '2021-12-01' }),
  });
  say(`targets: dyads p95 ≤ 100 ms at ${connections} connections: ${dyads.p95 <= 100 ? 'met' : 'MISSED'}; code p95 ≤ 50 ms: ${code.p95 <= 50 ? 'met' : 'MISSED'}`);
} finally {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
