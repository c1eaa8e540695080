/**
 * Killing the CLI with SIGKILL in the middle of an ingest or an import: a real child process, killed once its
 * first batches are committed; nothing committed is lost, nothing is half-stored, and a rerun finishes the job.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli as run, scratchDir } from './cli-helpers.js';

const { dir } = scratchDir('entente-kill-cli-');

describe('ingest survives kill -9', () => {
  it('a killed ingest leaves no half-stored story, and a rerun finishes the job', async () => {
    const db = join(dir, 'killed.db');
    const file = join(dir, 'many.jsonl');
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ id: `k${i}`, date: '2021-01-01', text: `Serbia delivered ${i} shells to Armenia on Monday. Iran threatened to attack Iraq. Heavy rain fell on Baku.` }));
    writeFileSync(file, lines.join('\n'));
    const child = spawn(process.execPath, [BIN, 'ingest', '--db', db, '--batch', '20', file], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (!existsSync(db)) continue;
      const peek = new Database(db, { readonly: true, fileMustExist: true });
      const n = Number(peek.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'stories'").pluck().get()) ? Number(peek.prepare('SELECT count(*) FROM stories').pluck().get()) : 0;
      peek.close();
      if (n >= 100 || Date.now() > deadline) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    copyFileSync(db, join(dir, 'killed-copy.db'));
    const mid = new Database(db);
    const stories = Number(mid.prepare('SELECT count(*) FROM stories').pluck().get());
    const perStory = mid.prepare('SELECT count(*) FROM events GROUP BY story').pluck().all() as number[];
    mid.close();
    expect(stories).toBeGreaterThan(0);
    expect(stories).toBeLessThan(1200);
    expect(stories % 20).toBe(0);
    expect(perStory.every((n) => n === 2)).toBe(true);
    expect(run(['check', '--db', db]).code).toBe(0);
    const rerun = run(['ingest', '--db', db, file]);
    expect(rerun.err).toMatch(new RegExp(`${1200 - stories} new, 0 updated, ${stories} unchanged`));
    const done = new Database(db);
    expect(done.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(1200);
    expect(done.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2400);
    done.close();
    expect(readFileSync(file, 'utf8').split('\n').length).toBe(1200);
  });
});

describe('import survives kill -9', () => {
  it('a killed bulk import keeps its whole batches, the next open rebuilds the indexes, and a rerun finishes the job', async () => {
    const db = join(dir, 'killed-import.db');
    const file = join(dir, 'many.export.CSV');
    const gen = spawnSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'generate.js'), '--format', 'gdelt', '--rows', '100000', '--out', file]);
    expect(gen.status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'import', '--format', 'gdelt', '--db', db, '--batch', '5000', file], { stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    const count = (): number => {
      if (!existsSync(db)) return 0;
      const peek = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return Number(peek.prepare('SELECT count(*) FROM events').pluck().get());
      } catch {
        return 0;
      } finally {
        peek.close();
      }
    };
    while (count() < 10_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const mid = new Database(db, { readonly: true });
    const stored = Number(mid.prepare('SELECT count(*) FROM events').pluck().get());
    const deferred = mid.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('events_dyad', 'events_recipient')").pluck().get();
    mid.close();
    expect(stored).toBeGreaterThanOrEqual(10_000);
    expect(stored % 5000).toBe(0);
    // 100,000 rows into an empty store: a bulk load, killed before it built its indexes.
    expect(deferred).toBe(0);
    expect(run(['check', '--db', db]).code).toBe(0);
    const rebuilt = new Database(db, { readonly: true });
    expect(rebuilt.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('events_dyad', 'events_recipient')").pluck().get()).toBe(2);
    rebuilt.close();
    // The kept rows were imported without their clustering: `entente cluster` does it, once.
    expect(run(['stats', '--db', db]).out).toMatch(new RegExp(`; ${stored} waiting for clustering \\(entente cluster\\)`));
    expect(run(['cluster', '--db', db]).out).toMatch(new RegExp(`^clustered ${stored} events into \\d+ clusters`));
    expect(run(['cluster', '--db', db]).out).toMatch(/nothing to do/);
    // The rerun is a bulk load too; its clustering rewrites stored clusters that the new rows join.
    const rerun = run(['import', '--format', 'gdelt', '--db', db, file]);
    expect(rerun.code).toBe(0);
    const [, imported, duplicates] = /(\d+) imported, 0 skipped \(malformed\), (\d+) duplicates/.exec(rerun.err) ?? [];
    expect(Number(duplicates)).toBe(stored);
    const done = new Database(db, { readonly: true });
    expect(done.prepare('SELECT count(*) FROM events').pluck().get()).toBe(stored + Number(imported));
    done.close();
    expect(rerun.err).toMatch(/indexed the events/);
    expect(run(['cluster', '--db', db]).out).toMatch(/nothing to do/);
    expect(run(['check', '--db', db]).code).toBe(0);
  }, 120_000);
});
