import { statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { StoreStats } from '../../types.js';
import { StoreError } from '../errors.js';
import { UNLISTED, WAITING } from './waiting.js';

/** Summary, integrity check and online backup. */
export class Admin {
  constructor(private readonly db: Database.Database) {}

  stats(): StoreStats {
    const one = <T>(sql: string): T => this.db.prepare(sql).get() as T;
    const count = (sql: string): number => Number((this.db.prepare(sql).pluck().get() as number | null) ?? 0);
    const bySource = Object.fromEntries((this.db.prepare('SELECT source, count(*) AS n FROM events GROUP BY source').all() as { source: string; n: number }[]).map((r) => [r.source, r.n]));
    const range = one<{ lo: string | null; hi: string | null }>('SELECT min(date) AS lo, max(date) AS hi FROM events');
    // The pages the store holds, wherever they are: with WAL, the database file alone lags until a checkpoint.
    const bytes = count('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()');
    return {
      stories: count('SELECT count(*) FROM stories'),
      sentences: count('SELECT count(*) FROM sentences'),
      events: { coded: bySource.coded ?? 0, imported: bySource.imported ?? 0 },
      clusters: count('SELECT count(*) FROM clusters'),
      waiting: count(WAITING),
      imports: count('SELECT count(*) FROM imports'),
      first_date: range.lo, last_date: range.hi,
      by_type: Object.fromEntries((this.db.prepare('SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC').all() as { event: string; n: number }[]).map((r) => [r.event, r.n])),
      coder_versions: Object.fromEntries((this.db.prepare('SELECT coder_version AS v, count(*) AS n FROM stories GROUP BY v').all() as { v: string; n: number }[]).map((r) => [r.v, r.n])),
      bytes,
    };
  }

  /**
   * SQLite's integrity and foreign-key checks, the full-text index, and Entente's own invariants. `quick` runs
   * SQLite's quick check, which skips matching every index against its table (a million events: 1.5 s, not 17 s).
   * A store too damaged to read on ends the check with that error as its last problem.
   */
  check(quick: boolean): string[] {
    const problems: string[] = [];
    try {
      this.findProblems(quick, problems);
    } catch (err) {
      problems.push(`${(err as Error).message} (the check could not go on)`);
    }
    return problems;
  }

  private findProblems(quick: boolean, problems: string[]): void {
    const pragma = quick ? 'quick_check' : 'integrity_check';
    const integrity = this.db.pragma(pragma, { simple: false }) as Record<string, string>[];
    // A row may hold several lines, under a "*** in database main ***" heading.
    const lines = integrity.flatMap((r) => String(r[pragma]).split('\n')).filter((l) => l !== 'ok' && !/^\*\*\* in database/.test(l));
    for (const l of lines) problems.push(`integrity: ${l}`);
    for (const r of this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) problems.push(`foreign key: ${r.table} row ${r.rowid} points to a missing ${r.parent}`);
    try {
      this.db.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (err) {
      problems.push(`full-text index: ${(err as Error).message}`);
    }
    const invariants: [string, string][] = [
      ['SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM sentences WHERE story = s.id)', 'stories without sentences'],
      ["SELECT count(*) FROM events e WHERE e.source = 'coded' AND NOT EXISTS (SELECT 1 FROM sentences WHERE id = e.sentence AND story = e.story)", 'coded events whose sentence is not in their story'],
      ["SELECT count(*) FROM events WHERE source = 'imported' AND import IS NULL", 'imported events without an import'],
      ['SELECT count(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events WHERE cluster = c.id)', 'empty clusters'],
      ['SELECT count(*) FROM clusters c WHERE mentions != (SELECT count(*) FROM events WHERE cluster = c.id)', 'clusters whose mention count is wrong'],
      [UNLISTED, 'events without a cluster that no waiting group lists (entente cluster --all mends this)'],
    ];
    for (const [sql, what] of invariants) {
      const n = Number(this.db.prepare(sql).pluck().get());
      if (n > 0) problems.push(`${n} ${what}`);
    }
  }

  /** A backup that cannot be written is a StoreError naming the file and why. */
  async backup(file: string): Promise<void> {
    try {
      await this.db.backup(file);
    } catch (err) {
      throw new StoreError(`cannot back up to ${file}: ${whyNotWritten(file, err as Error)}`, { cause: err });
    }
  }
}

/** SQLite says "unable to open database file" for a missing folder and for a folder in the way: tell them apart. */
function whyNotWritten(file: string, err: Error): string {
  const folder = statOrNothing(dirname(file));
  if (!folder) return 'its folder does not exist';
  if (!folder.isDirectory()) return `${dirname(file)} is not a folder`;
  if (statOrNothing(file)?.isDirectory()) return 'it is a folder';
  return err.message;
}

function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
