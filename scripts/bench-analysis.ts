/**
 * npm run bench:analysis -- [--events 10000000] [--db FILE]
 *
 * Fills a store with --events generated events (or reuses --db FILE when it exists), then times the analytics:
 * the dyad timeline by month for the heaviest dyad and a light one, and the partnership test over a 2-year window,
 * in-process (best of 5) and as the whole `entente` command (start-up included).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askDyad, askTest } from '../src/analysis/index.js';
import { loadConflicts, packageRoot } from '../src/paths.js';
import { SqliteStore } from '../src/store/sqlite/index.js';
import { fillGenerated } from './fill.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const events = Number(opt('--events') ?? 10_000_000);
const given = opt('--db');
const dir = mkdtempSync(join(tmpdir(), 'entente-bench-analysis-'));
const file = given ?? join(dir, 'analysis.db');
const say = (s: string): boolean => process.stdout.write(s + '\n');

function best(label: string, fn: () => string): void {
  const times: number[] = [];
  let note = '';
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    note = fn();
    times.push(performance.now() - t);
  }
  say(`${label.padEnd(44)} first ${times[0]!.toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms  (${note})`);
}

function cli(label: string, argv: string[]): void {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'entente.js'), ...argv, '--db', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  say(`${label.padEnd(44)} ${ms.toFixed(0)} ms, whole process`);
}

try {
  if (!given || !existsSync(file)) say(`fill ${events} events into ${file}: ${fillGenerated(file, events).toFixed(0)} s`);
  const store = new SqliteStore(file, { readonly: true });
  const k = { conflicts: loadConflicts(), today: '2024-12-31' };
  say(`store: ${store.stats().events.imported} events`);
  best('dyad USA↔RUS by month (heaviest dyad)', () => {
    const t = askDyad(store, { a: 'USA', b: 'RUS', by: 'month' });
    return `${t.periods.reduce((s, p) => s + p.both.count, 0)} events, ${t.periods.length} months`;
  });
  best('dyad SRB↔AZE by month', () => {
    const t = askDyad(store, { a: 'SRB', b: 'AZE', by: 'month' });
    return `${t.periods.reduce((s, p) => s + p.both.count, 0)} events, ${t.periods.length} months`;
  });
  for (const [focal, adversary] of [['UKR', 'RUS'], ['AZE', 'ARM']] as const) {
    best(`test ${focal} vs ${adversary}, 2022-01-01:2023-12-31`, () => {
      const [t] = askTest(store, k, { focal, adversary, window: { from: '2022-01-01', to: '2023-12-31' } });
      const n = t!.partners.reduce((s, p) => s + p.evidence.length, 0);
      return `${t!.partners.length} partners, ${n} evidence acts`;
    });
  }
  store.close();
  cli('entente dyad USA RUS --by month', ['dyad', 'USA', 'RUS', '--by', 'month']);
  cli('entente test UKR --window 2022-01-01:2023-12-31', ['test', 'UKR', '--window', '2022-01-01:2023-12-31', '--adversary', 'RUS']);
} finally {
  if (!given) rmSync(dir, { recursive: true, force: true });
}
