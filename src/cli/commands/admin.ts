import type { Command } from 'commander';
import { codeStory } from '../../pipeline/index.js';
import { StoreError } from '../../store/errors.js';
import { coderId, contentHash } from '../../store/ingest.js';
import type { Store } from '../../types.js';
import { DB_HELP, openExisting } from '../db.js';
import { oneOf, type Io } from '../io.js';
import { clusterProgress } from '../progress.js';
import { counted } from '../words.js';
import { modelFromFlags } from './code.js';

interface DbFlags {
  db?: string;
  format?: string;
}

export async function runStats(flags: DbFlags, io: Io): Promise<number> {
  const format = oneOf('--format', flags.format ?? 'text', ['text', 'json']);
  const store = openExisting(flags.db);
  try {
    const s = store.stats();
    if (format === 'json') {
      await io.out(JSON.stringify(s, null, 2) + '\n');
      return 0;
    }
    const lines = [
      `database     ${store.path} (${(s.bytes / 1e6).toFixed(1)} MB)`,
      `stories      ${s.stories} (${counted(s.sentences, 'sentence')}); coder versions: ${Object.entries(s.coder_versions).map(([v, n]) => `${v} ×${n}`).join(', ') || '-'}`,
      `events       ${s.events.coded} coded, ${s.events.imported} imported, in ${counted(s.clusters, 'cluster')}${s.waiting ? `; ${s.waiting} waiting for clustering (entente cluster)` : ''}`,
      `imports      ${s.imports}`,
      `dates        ${s.first_date ?? '-'} to ${s.last_date ?? '-'}`,
      `by type      ${Object.entries(s.by_type).map(([k, v]) => `${k} ${v}`).join(', ') || '-'}`,
    ];
    await io.out(lines.join('\n') + '\n');
    return 0;
  } finally {
    store.close();
  }
}

/** Problems go to standard output, one line each naming the file: a store that cannot even be opened is one of them. */
export async function runCheck(flags: DbFlags & { quick?: boolean }, io: Io): Promise<number> {
  let store: Store;
  try {
    store = openExisting(flags.db);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    await io.out(`problem: ${err.message}\n`);
    return 1;
  }
  try {
    const problems = store.check({ quick: flags.quick ?? false });
    await io.out(problems.length ? problems.map((p) => `problem: ${store.path}: ${p}\n`).join('') : `${store.path}: ok\n`);
    return problems.length ? 1 : 0;
  } finally {
    store.close();
  }
}

/** Cluster the events that have no cluster yet (after `import --no-cluster`, or a change of rule), or all with --all. */
export async function runCluster(flags: DbFlags & { all?: boolean }, io: Io): Promise<number> {
  const store = openExisting(flags.db);
  try {
    const started = performance.now();
    const r = store.transaction(() => store.recluster(flags.all ? 'all' : 'new', clusterProgress(process.stderr.isTTY === true, io.err)));
    const dyads = store.refreshTallies();
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    await io.out(r.events ? `clustered ${counted(r.events, 'event')} into ${counted(r.clusters, 'cluster')}; summed ${counted(dyads, 'dyad')} by month; ${secs} s\n` : 'every event is clustered: nothing to do\n');
    return 0;
  } finally {
    store.close();
  }
}

export async function runBackup(file: string, flags: DbFlags, io: Io): Promise<number> {
  const store = openExisting(flags.db);
  try {
    await store.backup(file);
    await io.out(`backed up ${store.path} to ${file}\n`);
    return 0;
  } finally {
    store.close();
  }
}

/** Re-code stories stored by another coder version; each story's old events go in the same transaction as its new ones arrive. */
export async function runRecode(flags: DbFlags & { actors?: string[]; rules?: string[] }, io: Io): Promise<number> {
  const model = modelFromFlags(flags);
  const coder = coderId(model);
  const store = openExisting(flags.db);
  try {
    let n = 0;
    let events = 0;
    let batch: ReturnType<typeof codeStory>[] = [];
    const flush = (): void => {
      const work = batch;
      batch = [];
      store.transaction(() => work.forEach((c) => store.putStory(c.story, c.sentences, c.records, contentHash(c.story), coder)));
    };
    for (const story of store.staleStories(coder)) {
      const coded = codeStory(story, model);
      batch.push(coded);
      n++;
      events += coded.records.length;
      if (batch.length >= 100) flush();
    }
    flush();
    const { clusters } = store.transaction(() => store.recluster('new'));
    await io.out(n ? `recoded ${counted(n, 'story', 'stories')} with ${coder}: ${counted(events, 'event')}, ${counted(clusters, 'cluster')} updated\n` : `all stories are already coded with ${coder}: nothing to do\n`);
    return 0;
  } finally {
    store.close();
  }
}

export function registerAdmin(program: Command, io: Io, done: (code: number) => void, collect: (v: string, p: string[]) => string[]): void {
  program.command('stats').description('summarise the store').option('--db <file>', DB_HELP).option('--format <format>', 'text (default) or json')
    .action(async (flags: DbFlags) => done(await runStats(flags, io)));
  program.command('check').description('integrity check of the store (exit 1 on problems)').option('--db <file>', DB_HELP)
    .option('--quick', "check the file's structure, not that every index matches its table (much faster on large stores)")
    .action(async (flags: DbFlags & { quick?: boolean }) => done(await runCheck(flags, io)));
  program.command('cluster').description('group the events not yet clustered into real-world events (all of them with --all)')
    .option('--db <file>', DB_HELP).option('--all', 'dissolve every cluster and cluster all events again')
    .action(async (flags: DbFlags & { all?: boolean }) => done(await runCluster(flags, io)));
  program.command('backup').description('online backup of the store to FILE').argument('<file>', 'backup file').option('--db <file>', DB_HELP)
    .action(async (file: string, flags: DbFlags) => done(await runBackup(file, flags, io)));
  program.command('recode').description('re-code stored stories coded by another coder version').option('--db <file>', DB_HELP)
    .option('--actors <file>', 'extra actors; repeatable', collect, []).option('--rules <file>', 'extra rules; repeatable', collect, [])
    .action(async (flags: DbFlags & { actors?: string[]; rules?: string[] }) => done(await runRecode(flags, io)));
}
