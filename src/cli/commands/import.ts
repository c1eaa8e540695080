import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { FORMATS } from '../../import/index.js';
import { dbPath, openStore } from '../../store/open.js';
import type { Dataset, ImportedEvent, Store } from '../../types.js';
import { estimateLines, readLineBatches } from '../../import/lines.js';
import { DatasetReader } from '../../import/reader.js';
import { clusterProgress, progress } from '../progress.js';
import { memoryGuard, reportProblem, UsageError, type Io } from '../io.js';

interface ImportFlags {
  format?: string;
  db?: string;
  batch?: string;
  cluster?: boolean;
  stats?: boolean;
}

/** Stream one file into the store in batches, each one transaction. Returns the file's counts. */
async function importFile(store: Store, format: Dataset, file: string, batchSize: number, io: Io): Promise<{ rows: number; imported: number; skipped: number; duplicates: number; passed: number }> {
  const id = store.transaction(() => store.beginImport(format, file));
  const size = statSync(file).size;
  const bar = progress('rows', size, process.stderr.isTTY === true, io.err);
  const guard = memoryGuard(120, 5);
  const reader = new DatasetReader(FORMATS[format], file, (p) => reportProblem(io, p));
  let imported = 0;
  let duplicates = 0;
  let batch: ImportedEvent[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    const work = batch;
    batch = [];
    const r = store.transaction(() => store.putImported(id, work));
    imported += r.inserted;
    duplicates += r.duplicates;
  };
  for await (const lines of readLineBatches(createReadStream(file, { highWaterMark: 1 << 18 }))) {
    guard();
    let bytes = 0;
    for (const line of lines) {
      bytes += line.text.length + 1;
      const event = reader.read(line);
      if (!event) continue;
      batch.push(event);
      if (batch.length >= batchSize) flush();
    }
    bar.tick(bytes, lines.length);
  }
  flush();
  bar.done();
  const counts = { rows: reader.rows, imported, skipped: reader.skipped, duplicates };
  store.transaction(() => store.finishImport(id, counts));
  return { ...counts, passed: reader.passed };
}

export async function runImport(files: string[], flags: ImportFlags, io: Io): Promise<number> {
  const format = flags.format as Dataset | undefined;
  if (!format || !(format in FORMATS)) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}`);
  if (files.length === 0) throw new UsageError('import needs at least one FILE');
  const batchSize = flags.batch ? Number(flags.batch) : 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch must be a positive whole number, not "${flags.batch}"`);
  const store = openStore(dbPath(flags.db));
  let failed = 0;
  try {
    // A large import builds the store's secondary indexes once at the end (src/store/sqlite/bulk.ts), after the
    // clustering, whose update of every new event would otherwise move its entry in the dyad index.
    const bulk = store.beginBulkLoad(estimateLines(files));
    try {
      for (const file of files) {
        try {
          statSync(file);
        } catch {
          reportProblem(io, { file, message: 'no such file' });
          failed++;
          continue;
        }
        const started = performance.now();
        const c = await importFile(store, format, file, batchSize, io);
        const secs = (performance.now() - started) / 1000;
        if (c.skipped) failed++;
        const total = c.rows + c.passed;
        io.err(`${file}: ${total} rows: ${c.imported} imported, ${c.skipped} skipped (malformed), ${c.duplicates} duplicates, ${c.passed} not coded in PLOVER; ${secs.toFixed(1)} s (${Math.round(total / Math.max(secs, 0.001))} rows/s)\n`);
      }
      if (flags.cluster !== false) {
        const started = performance.now();
        const r = store.transaction(() => store.recluster('new', clusterProgress(process.stderr.isTTY === true, io.err)));
        io.err(`clustered ${r.events} events into ${r.clusters} clusters in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      }
    } finally {
      if (bulk) {
        const started = performance.now();
        store.endBulkLoad();
        io.err(`indexed the events in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      }
    }
    if (flags.cluster !== false) {
      const started = performance.now();
      const dyads = store.refreshTallies();
      io.err(`summed ${dyads} dyads by month for the analytics in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    if (flags.stats) io.err(`entente: peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
    return failed ? 1 : 0;
  } finally {
    store.close();
  }
}

export function registerImport(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('import')
    .description('import an existing event dataset into the store (POLECAT, ICEWS, GDELT 2.0 events, PLOVER JSONL)')
    .argument('<files...>', 'dataset files')
    .requiredOption('--format <format>', 'polecat, icews, gdelt or plover')
    .option('--db <file>', 'database file (default ./entente.db or $ENTENTE_DB)')
    .option('--batch <rows>', 'rows per transaction (default 2000)')
    .option('--no-cluster', 'do not cluster the new events now')
    .option('--stats', 'print peak memory at the end')
    .action(async (files: string[], flags: ImportFlags) => done(await runImport(files, flags, io)));
}
