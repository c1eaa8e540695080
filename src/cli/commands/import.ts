import type { Command } from 'commander';
import { FORMATS } from '../../import/index.js';
import { dbPath, openStore } from '../../store/open.js';
import type { Dataset, ImportedEvent, Store } from '../../types.js';
import { estimateLines, readLineBatches, type Line } from '../../import/lines.js';
import { DatasetReader } from '../../import/reader.js';
import { DB_HELP } from '../db.js';
import { counted } from '../words.js';
import { clusterProgress, progress } from '../progress.js';
import { memoryGuard, problemReporter, reportProblem, UsageError, type Io } from '../io.js';
import { datasetFiles, DatasetFileError, openDataset, sample, type DatasetFile, type DatasetPart } from '../../import/files.js';

interface ImportFlags {
  format?: string;
  db?: string;
  batch?: string;
  cluster?: boolean;
  stats?: boolean;
}

type FileCounts = { rows: number; imported: number; skipped: number; duplicates: number; passed: number; damaged: boolean; empty: boolean };

/**
 * Stream one part of a dataset file into the store in batches, each one transaction. A file that ends early or is
 * damaged (a truncated gzip or zip) keeps the rows read before the damage, and the damage is reported with its line.
 * A file of another format throws a DatasetFileError at its first line; neither it nor an empty file is recorded.
 */
async function importPart(store: Store, format: Dataset, part: DatasetPart, batchSize: number, io: Io): Promise<FileCounts> {
  const stream = await part.open();
  let id: number | null = null;
  const importId = (): number => (id ??= store.transaction(() => store.beginImport(format, part.name)));
  const bar = progress('row', 'rows', part.bytes, process.stderr.isTTY === true, io.err);
  const guard = memoryGuard(120, 5);
  const problems = problemReporter(io, 'malformed rows');
  const reader = new DatasetReader(FORMATS[format], part.name, problems.report);
  let imported = 0;
  let duplicates = 0;
  let batch: ImportedEvent[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    const work = batch;
    batch = [];
    const r = store.transaction(() => store.putImported(importId(), work));
    imported += r.inserted;
    duplicates += r.duplicates;
  };
  const batches = readLineBatches(stream)[Symbol.asyncIterator]();
  let lastLine = 0;
  let damage: Error | null = null;
  try {
    for (;;) {
      let next: IteratorResult<readonly Line[]>;
      try {
        next = await batches.next();
      } catch (err) {
        damage = err as Error;
        break;
      }
      if (next.done) break;
      guard();
      let bytes = 0;
      for (const line of next.value) {
        bytes += line.text.length + 1;
        lastLine = line.lineNo;
        const event = reader.read(line);
        if (!event) continue;
        batch.push(event);
        if (batch.length >= batchSize) flush();
      }
      bar.tick(bytes, next.value.length);
    }
    flush();
  } finally {
    bar.done();
    problems.flush();
    // Closes the file when the reader stopped early (a file of another format).
    await batches.return(undefined);
  }
  if (damage) reportProblem(io, { file: part.name, line: lastLine + 1, message: `the file is damaged or ends early (${damage.message}): the rows before this line were imported` });
  const counts = { rows: reader.rows, imported, skipped: reader.skipped, duplicates };
  const empty = reader.empty && damage === null;
  if (!empty) store.transaction(() => store.finishImport(importId(), counts));
  return { ...counts, passed: reader.passed, damaged: damage !== null, empty };
}

/**
 * The files named (folders: the files in them) that open, with their size once decompressed; those that do not, and
 * folders without a file, are reported. Each is closed again: thousands of archives (GDELT's 15-minute files) must
 * not be open at once.
 */
async function survey(paths: readonly string[], io: Io): Promise<{ files: { path: string; bytes: number }[]; failed: number }> {
  const files: { path: string; bytes: number }[] = [];
  let failed = 0;
  for (const named of paths) {
    const found = datasetFiles([named]);
    if (found.length === 0) {
      reportProblem(io, { file: named, message: 'the folder holds no files (hidden ones are not read): nothing to import' });
      failed++;
    }
    for (const path of found) {
      try {
        const file = await openDataset(path);
        files.push({ path, bytes: file.parts.reduce((n, p) => n + p.bytes, 0) });
        await file.close();
      } catch (err) {
        if (!(err instanceof DatasetFileError)) throw err;
        reportProblem(io, { file: path, message: err.message });
        failed++;
      }
    }
  }
  return { files, failed };
}

/** About how many rows the files hold, from a sample of the first part that can be read and has any. */
async function expectedRows(files: readonly { path: string; bytes: number }[]): Promise<number> {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  for (const { path } of files.filter((f) => f.bytes > 0)) {
    const file = await openDataset(path);
    try {
      for (const part of file.parts.filter((p) => p.bytes > 0)) {
        const bytes = await sample(part);
        if (bytes.length) return estimateLines(total, bytes);
      }
    } finally {
      await file.close();
    }
  }
  return 0;
}

/** Import each part of one file, with a summary line each; returns how many parts failed in part or whole. */
async function importFile(store: Store, format: Dataset, path: string, batchSize: number, io: Io): Promise<number> {
  let failed = 0;
  let file: DatasetFile;
  try {
    file = await openDataset(path);
  } catch (err) {
    // Changed since it was surveyed (removed, replaced).
    if (!(err instanceof DatasetFileError)) throw err;
    reportProblem(io, { file: path, message: err.message });
    return 1;
  }
  try {
    for (const part of file.parts) {
      const started = performance.now();
      let c: FileCounts;
      try {
        c = await importPart(store, format, part, batchSize, io);
      } catch (err) {
        if (!(err instanceof DatasetFileError)) throw err;
        reportProblem(io, { file: part.name, message: err.message });
        failed++;
        continue;
      }
      if (c.empty) {
        reportProblem(io, { file: part.name, message: 'empty file: nothing to import' });
        failed++;
        continue;
      }
      const secs = (performance.now() - started) / 1000;
      if (c.skipped || c.damaged) failed++;
      const total = c.rows + c.passed;
      io.err(`${part.name}: ${counted(total, 'row')}: ${c.imported} imported, ${c.skipped} skipped (malformed), ${c.duplicates} duplicates, ${c.passed} not coded in PLOVER; ${secs.toFixed(1)} s (${Math.round(total / Math.max(secs, 0.001))} rows/s)\n`);
    }
  } finally {
    await file.close();
  }
  return failed;
}

export async function runImport(paths: string[], flags: ImportFlags, io: Io): Promise<number> {
  const format = flags.format as Dataset | undefined;
  if (!format || !(format in FORMATS)) throw new UsageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}`);
  if (paths.length === 0) throw new UsageError('import needs at least one FILE');
  const batchSize = flags.batch ? Number(flags.batch) : 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch must be a positive whole number, not "${flags.batch}"`);
  const store = openStore(dbPath(flags.db));
  try {
    const found = await survey(paths, io);
    let failed = found.failed;
    // A large import builds the store's secondary indexes once at the end (src/store/sqlite/bulk.ts), after the
    // clustering, whose update of every new event would otherwise move its entry in the dyad index.
    const bulk = store.beginBulkLoad(await expectedRows(found.files));
    try {
      for (const { path } of found.files) failed += await importFile(store, format, path, batchSize, io);
      if (flags.cluster !== false) {
        const started = performance.now();
        const r = store.transaction(() => store.recluster('new', clusterProgress(process.stderr.isTTY === true, io.err)));
        // Nothing new (only duplicates, or no file read) changes no cluster and no sum: no line for either.
        if (r.clusters) io.err(`clustered ${counted(r.events, 'event')} into ${counted(r.clusters, 'cluster')} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
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
      if (dyads) io.err(`summed ${dyads} dyads by month for the analytics in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
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
    .description('import an existing event dataset into the store (POLECAT, ICEWS, GDELT 1.0 or 2.0 events, PLOVER JSONL)')
    .argument('<files...>', 'dataset files, gzipped or zipped as downloaded, or folders of them; - reads standard input')
    .requiredOption('--format <format>', 'polecat, icews, gdelt or plover')
    .option('--db <file>', DB_HELP)
    .option('--batch <rows>', 'rows per transaction (default 2000)')
    .option('--no-cluster', 'do not cluster the new events now')
    .option('--stats', 'print peak memory at the end')
    .action(async (files: string[], flags: ImportFlags) => done(await runImport(files, flags, io)));
}
