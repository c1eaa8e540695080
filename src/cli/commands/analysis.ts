import type { Command } from 'commander';
import { AnalysisError, citedEvents, askCompare, askCrises, askDyad, askGap, askNetwork, askTest, resolveState, toGraphML, type Knowledge } from '../../analysis/index.js';
import { loadConflicts } from '../../paths.js';
import { toIsoDate } from '../../pipeline/normalize/index.js';
import type { CitedEvents, DateWindow, Evidence, PeriodUnit, Store } from '../../types.js';
import {
  compareCsv, compareTable, crisesCsv, crisesTable, gapCsv, gapTable, networkCsv, networkTable, testCsv, testTable, timelineCsv, timelineTable,
} from '../analysis-output.js';
import { DB_HELP, openExisting } from '../db.js';
import { UsageError, type Io } from '../io.js';

interface Flags {
  db?: string;
  format?: string;
  from?: string;
  to?: string;
  by?: string;
  window?: string[];
  adversary?: string;
  partners?: string;
  confirmedOnly?: boolean;
  lookback?: string;
  around?: string;
  today?: string;
}

/** A state code or name, or a usage error that names the closest matches. */
export function state(input: string, what: string): string {
  const r = resolveState(input);
  if ('code' in r) return r.code;
  throw new UsageError(`${what}: ${r.error}${r.suggestions.length ? `. Closest: ${r.suggestions.join(', ')}` : ''}`);
}

function day(v: string | undefined, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (toIsoDate(v) !== v) throw new UsageError(`${what} must be a date YYYY-MM-DD, not "${v}"`);
  return v;
}

/** "2020-07-01:2021-11-30" → a window; from after to is an error. */
export function windowOf(v: string): DateWindow {
  const [from, to, extra] = v.split(':');
  if (!from || !to || extra !== undefined) throw new UsageError(`--window must be FROM:TO (2020-07-01:2021-11-30), not "${v}"`);
  day(from, '--window FROM');
  day(to, '--window TO');
  if (from > to) throw new UsageError(`--window ${v}: FROM is after TO`);
  return { from, to };
}

function span(flags: Flags): { from?: string; to?: string } {
  const from = day(flags.from, '--from');
  const to = day(flags.to, '--to');
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

function by(v: string | undefined, fallback: PeriodUnit): PeriodUnit {
  const b = v ?? fallback;
  if (!['week', 'month', 'quarter', 'year'].includes(b)) throw new UsageError(`--by must be week, month, quarter or year, not "${b}"`);
  return b as PeriodUnit;
}

function format(v: string | undefined, extra: readonly string[] = []): string {
  const f = v ?? 'table';
  if (!['table', 'json', 'csv', ...extra].includes(f)) throw new UsageError(`--format must be ${['table', 'json', 'csv', ...extra].join(', ')}, not "${f}"`);
  return f;
}

const knowledge = (flags: Flags): Knowledge => ({ conflicts: loadConflicts(), today: day(flags.today, '--today') });

/** For answers that cite no stored event. */
const NO_EVIDENCE: CitedEvents = { events: new Map(), clusters: new Map() };

/** The stored events behind evidence, for tables (sentence, claimant, reports) and for JSON (as `events` and `clusters`). */
const lookup = (store: Store, evidence: readonly Evidence[], more: readonly number[] = []): CitedEvents =>
  citedEvents(store, [...evidence.map((e) => e.act.id), ...more]);

async function emit(io: Io, fmt: string, result: unknown, events: CitedEvents, table: () => string, csvOut: () => string): Promise<number> {
  if (fmt === 'json') await io.out(JSON.stringify({ result, events: Object.fromEntries(events.events), clusters: Object.fromEntries(events.clusters) }, null, 2) + '\n');
  else await io.out(fmt === 'csv' ? csvOut() : table());
  return 0;
}

/** Run one analytics command: validate, open the store, answer, close; analysis errors are usage errors. */
async function run(flags: Flags, body: (store: Store) => Promise<number>): Promise<number> {
  const store = openExisting(flags.db);
  try {
    return await body(store);
  } catch (err) {
    if (err instanceof AnalysisError) throw new UsageError(err.message);
    throw err;
  } finally {
    store.close();
  }
}

export function registerAnalysis(program: Command, io: Io, done: (code: number) => void): void {
  const common = (c: Command): Command => c.option('--db <file>', DB_HELP).option('--format <format>', 'table, json or csv (default table)');
  common(program.command('dyad').description('how the relationship between two states developed, period by period, both ways')
    .argument('<a>', 'state (code or name)').argument('<b>', 'state').option('--from <date>').option('--to <date>').option('--by <unit>', 'week, month, quarter or year (default month)'))
    .action(async (a: string, b: string, flags: Flags) => done(await (async () => {
      const q = { a: state(a, 'A'), b: state(b, 'B'), by: by(flags.by, 'month'), ...span(flags) };
      const fmt = format(flags.format);
      return run(flags, async (store) => {
        const t = askDyad(store, q);
        const events = lookup(store, [], t.undated.map((x) => x.id));
        return emit(io, fmt, t, events, () => timelineTable(t, events), () => timelineCsv(t));
      });
    })()));
  common(program.command('crises').description("the focal state's windows of sustained material conflict: detected, known conflicts, or given")
    .argument('<focal>', 'state').option('--window <from:to>', 'a window of your own (repeatable)', (v: string, p: string[] = []) => [...p, v]).option('--adversary <state>', 'the adversary in your windows').option('--today <date>', 'end of ongoing known conflicts (default today)'))
    .action(async (focal: string, flags: Flags) => done(await (async () => {
      const q = { focal: state(focal, 'focal state'), windows: flags.window?.map(windowOf), adversary: flags.adversary ? state(flags.adversary, '--adversary') : undefined };
      const fmt = format(flags.format);
      const k = knowledge(flags);
      return run(flags, async (store) => {
        const list = askCrises(store, k, q);
        return emit(io, fmt, list, NO_EVIDENCE, () => crisesTable(list), () => crisesCsv(list));
      });
    })()));
  common(program.command('test').description("the partnership test: did the focal state's partners hold in its crisis windows?")
    .argument('<focal>', 'state').option('--window <from:to>', 'test this window (default: every crisis window)').option('--adversary <state>', 'the adversary (default: the strongest in the window)')
    .option('--partners <list>', 'comma-separated partners (default: declared partners and every state that acted)').option('--confirmed-only', 'leave out claims only reported, alleged or hedged')
    .option('--lookback <years>', 'years before the window that declare a partner (default 10)').option('--today <date>'))
    .action(async (focal: string, flags: Flags) => done(await (async () => {
      const lookback = flags.lookback === undefined ? undefined : Number(flags.lookback);
      if (lookback !== undefined && !(Number.isInteger(lookback) && lookback >= 0)) throw new UsageError(`--lookback must be a whole number of years, not "${flags.lookback}"`);
      const q = {
        focal: state(focal, 'focal state'), window: flags.window ? windowOf(String(flags.window)) : undefined, adversary: flags.adversary ? state(flags.adversary, '--adversary') : undefined,
        partners: flags.partners?.split(',').map((p) => state(p, '--partners')), confirmedOnly: flags.confirmedOnly ?? false, lookbackYears: lookback,
      };
      const fmt = format(flags.format);
      const k = knowledge(flags);
      return run(flags, async (store) => {
        const tests = askTest(store, k, q);
        const events = lookup(store, tests.flatMap((t) => t.partners.flatMap((p) => [...p.evidence, ...p.undated])));
        return emit(io, fmt, tests, events, () => testTable(tests, events), () => testCsv(tests));
      });
    })()));
  common(program.command('gap').description('the say-do gap: where what A said to B and what A did that mattered to B diverge')
    .argument('<a>', 'state').argument('<b>', 'state').option('--by <unit>', 'week, month, quarter or year (default year)').option('--confirmed-only').option('--today <date>'))
    .action(async (a: string, b: string, flags: Flags) => done(await (async () => {
      const q = { a: state(a, 'A'), b: state(b, 'B'), by: by(flags.by, 'year'), confirmedOnly: flags.confirmedOnly ?? false };
      const fmt = format(flags.format);
      const k = knowledge(flags);
      return run(flags, async (store) => {
        const g = askGap(store, k, q);
        const events = lookup(store, [...g.periods.flatMap((p) => p.evidence), ...g.undated]);
        return emit(io, fmt, g, events, () => gapTable(g, events), () => gapCsv(g));
      });
    })()));
  common(program.command('compare').description('rank candidate partners by what they delivered to the focal state and its adversaries, and their record')
    .argument('<focal>', 'state').requiredOption('--partners <list>', 'comma-separated candidates').option('--confirmed-only').option('--today <date>'))
    .action(async (focal: string, flags: Flags) => done(await (async () => {
      const q = { focal: state(focal, 'focal state'), partners: (flags.partners ?? '').split(',').filter(Boolean).map((p) => state(p, '--partners')), confirmedOnly: flags.confirmedOnly ?? false };
      if (q.partners.length === 0) throw new UsageError('--partners needs at least one state');
      const fmt = format(flags.format);
      const k = knowledge(flags);
      return run(flags, async (store) => {
        const c = askCompare(store, k, q);
        const events = lookup(store, c.candidates.flatMap((x) => x.evidence));
        return emit(io, fmt, c, events, () => compareTable(c, events), () => compareCsv(c));
      });
    })()));
  common(program.command('network').description('who supported and who opposed whom: a signed, weighted graph (table, json, csv or graphml)')
    .option('--from <date>').option('--to <date>').option('--around <state>', "this state's edges and those among its neighbours").option('--confirmed-only'))
    .action(async (flags: Flags) => done(await (async () => {
      const q = { ...span(flags), around: flags.around ? state(flags.around, '--around') : undefined, confirmedOnly: flags.confirmedOnly ?? false };
      const fmt = format(flags.format, ['graphml']);
      return run(flags, async (store) => {
        const net = askNetwork(store, q);
        if (fmt === 'graphml') {
          await io.out(toGraphML(net));
          return 0;
        }
        return emit(io, fmt, net, NO_EVIDENCE, () => networkTable(net), () => networkCsv(net));
      });
    })()));
}
