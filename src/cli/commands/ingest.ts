import type { Command } from 'commander';
import { toIsoDate } from '../../pipeline/normalize/index.js';
import { coderId, ingest } from '../../store/ingest.js';
import { dbPath, openStore } from '../../store/open.js';
import type { NormalizeResult } from '../../types.js';
import { collect, problemReporter, UsageError, type Io } from '../io.js';
import { progress } from '../progress.js';
import { counted } from '../words.js';
import { DB_HELP } from '../db.js';
import { expandInputs, inputBytes } from '../sources.js';
import { modelFromFlags } from './code.js';

interface IngestFlags {
  db?: string;
  date?: string;
  url?: string[];
  batch?: string;
  actors?: string[];
  rules?: string[];
}

export async function runIngest(paths: string[], flags: IngestFlags, io: Io): Promise<number> {
  if (paths.length === 0 && !flags.url?.length) throw new UsageError('ingest needs a PATH, "-" for standard input, or --url');
  if (flags.date !== undefined && !toIsoDate(flags.date)) throw new UsageError(`--date must be a YYYY-MM-DD date, not "${flags.date}"`);
  const batch = flags.batch ? Number(flags.batch) : 100;
  if (!Number.isInteger(batch) || batch < 1) throw new UsageError(`--batch must be a positive whole number, not "${flags.batch}"`);
  const model = modelFromFlags(flags);
  const store = openStore(dbPath(flags.db));
  const bar = progress('story', 'stories', await inputBytes(paths), process.stderr.isTTY === true, io.err);
  const started = performance.now();
  async function* stories(): AsyncGenerator<NormalizeResult> {
    for await (const item of expandInputs(paths, { ...(flags.url ? { url: flags.url } : {}), ...(flags.date ? { date: flags.date } : {}) })) {
      if ('kind' in item) continue;
      yield item;
    }
  }
  const problems = problemReporter(io, 'problems');
  try {
    const s = await ingest(stories(), store, model, {
      batch,
      onProblem: problems.report,
      onStory: (story) => bar.tick(Buffer.byteLength(story.text)),
    });
    bar.done();
    problems.flush();
    const secs = (performance.now() - started) / 1000;
    const changed = s.outcomes.new + s.outcomes.updated;
    io.err(changed === 0 && s.problems === 0
      ? `nothing changed: ${s.outcomes.unchanged === 1 ? 'the story is' : `all ${s.outcomes.unchanged} stories are`} already in ${store.path}\n`
      : `${store.path}: ${s.outcomes.new} new, ${s.outcomes.updated} updated, ${counted(s.outcomes.unchanged, 'unchanged story', 'unchanged stories')}; ${counted(s.events, 'event')}, ${counted(s.clusters, 'cluster')} updated; ${counted(s.problems, 'problem')}; ${secs.toFixed(1)} s (${Math.round(s.stories / Math.max(secs, 0.001))} stories/s)\n`);
    // Unchanged stories keep the events of the coder that stored them: say so when that is not this one.
    const coder = coderId(model);
    if (s.outcomes.unchanged && !store.staleStories(coder).next().done) {
      io.err(`some stored stories were coded by another coder than ${coder} (other --actors or --rules, or another version): entente recode${flags.actors?.length || flags.rules?.length ? ' with the same --actors and --rules' : ''} re-codes them\n`);
    }
    return s.problems ? 1 : 0;
  } finally {
    store.close();
  }
}

export function registerIngest(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('ingest')
    .description('code and store stories: .txt, .html, .jsonl, RSS and Atom feeds, also gzipped; folders (recursively), standard input, or --url')
    .argument('[paths...]', 'files or folders; "-" reads standard input (plain or gzipped)')
    .option('--db <file>', DB_HELP)
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that carry none')
    .option('--url <url>', 'a feed or page to fetch over HTTP(S); repeatable', collect, [])
    .option('--batch <n>', 'stories per transaction (default 100)')
    .option('--actors <file>', 'extra actors; repeatable', collect, [])
    .option('--rules <file>', 'extra rules; repeatable', collect, [])
    .action(async (paths: string[], flags: IngestFlags) => done(await runIngest(paths, flags, io)));
}
