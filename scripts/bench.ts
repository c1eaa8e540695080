/**
 * npm run bench -- STORIES.jsonl [--mem-mb 100]
 *
 * Prints, for one CPU core: sentences/s and MB/s for the whole coder, the same for a bare wink-nlp readDoc
 * pass over the same text, their ratio, and the peak resident memory of `entente code` streaming a
 * generated JSONL file of --mem-mb megabytes (0 skips it).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel, packageRoot } from '../src/model/load.js';
import { normalizeJsonLine } from '../src/pipeline/normalize/index.js';
import { codeStory } from '../src/pipeline/index.js';
import type { Story } from '../src/types.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const memAt = args.indexOf('--mem-mb');
const memMb = memAt >= 0 ? Number(args[memAt + 1]) : 100;
if (!file) {
  process.stderr.write('usage: npm run bench -- STORIES.jsonl [--mem-mb 100]\n');
  process.exit(2);
}

const stories: Story[] = readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
  const r = normalizeJsonLine(line, file, i + 1);
  return r && r.ok ? [r.story] : [];
});
const bytes = stories.reduce((n, s) => n + Buffer.byteLength(s.text), 0);

const t0 = performance.now();
const model = loadModel();
const loadMs = performance.now() - t0;
for (const s of stories.slice(0, 5)) codeStory(s, model);
const warmMs = performance.now() - t0;

const best = (fn: () => number, runs: number): { ms: number; n: number } => {
  let ms = Infinity;
  let n = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    n = fn();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, n };
};

// Interleave the two passes so that a busy machine slows both alike; keep each one's best run.
let bare = { ms: Infinity, n: 0 };
let coder = { ms: Infinity, n: 0 };
let events = 0;
for (let r = 0; r < 5; r++) {
  const b = best(() => stories.reduce((n, s) => n + model.nlp.readDoc(s.text).sentences().length(), 0), 1);
  if (b.ms < bare.ms) bare = b;
  const c = best(() => {
    events = 0;
    return stories.reduce((n, s) => {
      const coded = codeStory(s, model);
      events += coded.records.length;
      return n + coded.sentences.length;
    }, 0);
  }, 1);
  if (c.ms < coder.ms) coder = c;
}

const mb = bytes / 1e6;
const line = (label: string, r: { ms: number; n: number }): string =>
  `${label.padEnd(22)} ${String(Math.round((r.n / r.ms) * 1000)).padStart(7)} sentences/s  ${((mb / r.ms) * 1000).toFixed(2).padStart(6)} MB/s  (${r.n} sentences in ${r.ms.toFixed(0)} ms)`;
process.stdout.write(
  [
    `corpus                 ${stories.length} stories, ${mb.toFixed(2)} MB, ${events} events`,
    `model load             ${loadMs.toFixed(0)} ms (gazetteer and JIT warm-up: ${(warmMs - loadMs).toFixed(0)} ms more)`,
    line('bare wink readDoc', bare),
    line('entente coder', coder),
    `coder / bare           ${(coder.ms / bare.ms).toFixed(2)}x the time of the bare pass`,
  ].join('\n') + '\n',
);

async function memoryRun(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
  const big = join(dir, 'big.jsonl');
  const out = createWriteStream(big);
  let written = 0;
  for (let k = 0; written < memMb * 1e6; k++) {
    for (const s of stories) {
      const line = JSON.stringify({ ...s, id: `${s.id}-${k}` }) + '\n';
      written += Buffer.byteLength(line);
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
  const started = performance.now();
  const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'entente.js'), 'code', '--format', 'jsonl', '--stats', big], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code: number = await new Promise((r) => child.on('close', r));
  rmSync(dir, { recursive: true, force: true });
  const rss = /peak RSS (\d+) MB/.exec(err)?.[1];
  process.stdout.write(`streaming ${memMb} MB      exit ${code}, ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${rss ?? '?'} MB\n`);
}

if (memMb > 0) await memoryRun();
