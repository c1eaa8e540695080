import type { Command } from 'commander';
import { DB_HELP, openExisting } from '../db.js';
import { FILTER_OPTIONS, parseFilter, type FilterFlags } from '../filters.js';
import { clusterCsvHeader, clusterCsvRow, eventCsvHeader, eventCsvRow } from '../../store/csv.js';
import { oneOf, UsageError, type Io } from '../io.js';
import { openOutFile, type OutFile } from '../out-file.js';
import { counted } from '../words.js';

interface ExportFlags extends FilterFlags {
  db?: string;
  format?: string;
  clusters?: boolean;
  order?: string;
  out?: string;
}

export async function runExport(flags: ExportFlags, io: Io): Promise<number> {
  const format = oneOf('--format', flags.format ?? 'jsonl', ['jsonl', 'csv', 'plover']);
  if (flags.clusters && format === 'plover') throw new UsageError('--clusters exports jsonl or csv');
  if (flags.order !== undefined && !flags.clusters) throw new UsageError('--order applies to --clusters (events export in date order)');
  const order = oneOf('--order', flags.order ?? 'date', ['date', 'mentions']);
  const filter = parseFilter(flags);
  const store = openExisting(flags.db);
  let file: OutFile | undefined;
  let n = 0;
  try {
    file = flags.out ? await openOutFile(flags.out) : undefined;
    const write = (s: string): void | Promise<void> => (file ? file.write(s) : io.out(s));
    if (flags.clusters) {
      if (format === 'csv') await write(clusterCsvHeader() + '\n');
      for (const c of store.clusters(filter, { order })) {
        n++;
        await write((format === 'csv' ? clusterCsvRow(c) : JSON.stringify(c)) + '\n');
      }
    } else {
      if (format === 'csv') await write(eventCsvHeader() + '\n');
      for (const e of store.events(filter)) {
        n++;
        await write((format === 'csv' ? eventCsvRow(e) : format === 'plover' ? JSON.stringify(e.record) : JSON.stringify(e)) + '\n');
      }
    }
  } finally {
    store.close();
    await file?.close();
  }
  io.err(`exported ${counted(n, flags.clusters ? 'cluster' : 'event')}${flags.out ? ` to ${flags.out}` : ''}\n`);
  return 0;
}

export function registerExport(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program.command('export').description('write stored events (or clusters) as JSONL, CSV or PLOVER records')
    .option('--db <file>', DB_HELP).option('--format <format>', 'jsonl (default), csv or plover')
    .option('--clusters', 'export deduplicated clusters instead of events')
    .option('--order <order>', 'clusters by date (default) or mentions (most reported first)')
    .option('--out <file>', 'write to a file instead of standard output');
  for (const [flag, help] of FILTER_OPTIONS) cmd.option(flag, help);
  cmd.action(async (flags: ExportFlags) => done(await runExport(flags, io)));
}
