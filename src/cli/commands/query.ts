import type { Command } from 'commander';
import { SearchError } from '../../store/errors.js';
import type { SearchHit, Store, StoredEvent } from '../../types.js';
import { DB_HELP, openExisting } from '../db.js';
import { FILTER_OPTIONS, parseFilter, type FilterFlags } from '../filters.js';
import { oneOf, UsageError, type Io } from '../io.js';
import { eventRow, EVENT_TABLE_HEADER } from '../store-output.js';
import { eventCsvHeader, eventCsvRow } from '../../store/csv.js';
import { counted } from '../words.js';

interface QueryFlags extends FilterFlags {
  db?: string;
  format?: string;
  limit?: string;
}

/** --limit: a whole number, 0 for no limit (as the store takes it). */
const limitOf = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--limit must be a whole number (0: no limit), not "${v}"`);
  return Number(v);
};

export async function runEvents(flags: QueryFlags, io: Io): Promise<number> {
  const format = oneOf('--format', flags.format ?? (io.stdoutIsTTY ? 'table' : 'jsonl'), ['table', 'jsonl', 'csv']);
  const filter = parseFilter(flags);
  const store = openExisting(flags.db);
  try {
    const write = async (lines: string[]): Promise<void> => {
      if (lines.length) await io.out(lines.join(''));
    };
    if (format === 'table') await io.out(EVENT_TABLE_HEADER + '\n');
    if (format === 'csv') await io.out(eventCsvHeader() + '\n');
    let buffer: string[] = [];
    let n = 0;
    for (const e of store.events(filter, { limit: limitOf(flags.limit) })) {
      n++;
      buffer.push((format === 'jsonl' ? JSON.stringify(e) : format === 'csv' ? eventCsvRow(e) : eventRow(e)) + '\n');
      if (buffer.length >= 500) {
        await write(buffer);
        buffer = [];
      }
    }
    await write(buffer);
    if (format === 'table') io.err(`${counted(n, 'event')}\n`);
    return 0;
  } finally {
    store.close();
  }
}

/** A query the full-text engine cannot parse is the caller's mistake: the API's 400 message, exit 2. */
function searchOrUsageError(store: Store, query: string, limit: number): SearchHit[] {
  try {
    return store.search(query, limit);
  } catch (err) {
    if (err instanceof SearchError) throw new UsageError(err.message);
    throw err;
  }
}

export async function runSearch(query: string, flags: { db?: string; limit?: string; format?: string }, io: Io): Promise<number> {
  const format = oneOf('--format', flags.format ?? 'text', ['text', 'jsonl']);
  const store = openExisting(flags.db);
  try {
    const hits = searchOrUsageError(store, query, limitOf(flags.limit) ?? 20);
    if (format === 'jsonl') {
      await io.out(hits.map((h) => JSON.stringify(h) + '\n').join(''));
      return 0;
    }
    const out: string[] = [];
    for (const h of hits) {
      out.push(`${h.story_id} sentence ${h.sequence + 1}: ${h.snippet}`);
      for (const e of h.events as StoredEvent[]) out.push(`    ${eventRow(e)}`);
    }
    out.push(counted(hits.length, 'sentence'));
    await io.out(out.join('\n') + '\n');
    return 0;
  } finally {
    store.close();
  }
}

export function registerQuery(program: Command, io: Io, done: (code: number) => void): void {
  const events = program.command('events').description('list stored events, filtered').option('--db <file>', DB_HELP);
  for (const [flag, help] of FILTER_OPTIONS) events.option(flag, help);
  events
    .option('--format <format>', 'table, jsonl or csv (default: table on a terminal, jsonl when piped)')
    .option('--limit <n>', 'at most n events (default and 0: no limit)')
    .action(async (flags: QueryFlags) => done(await runEvents(flags, io)));
  program
    .command('search')
    .description('full-text search over stored sentences, with their events')
    .argument('<query>', 'words that must all occur ("ammunition Armenia"); AND, OR, NOT, (parentheses), "quoted phrases" and prefixes (Ira*) work too')
    .option('--db <file>', DB_HELP)
    .option('--limit <n>', 'at most n sentences (default 20; 0: no limit)')
    .option('--format <format>', 'text (default) or jsonl')
    .action(async (query: string, flags: { db?: string; limit?: string; format?: string }) => done(await runSearch(query, flags, io)));
}
