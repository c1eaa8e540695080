import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from './cli-helpers.js';

/**
 * Which stories a run stores: one per story the input names (its id), and for input that names none (a file,
 * standard input, a JSONL line or feed item without an id), one per content however the input is reached.
 */
const { dir, put } = scratchDir('entente-identity-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storyIds = (db: string): string[] => {
  const store = new Database(db, { readonly: true });
  try {
    return store.prepare('SELECT story_id FROM stories ORDER BY story_id').pluck().all() as string[];
  } finally {
    store.close();
  }
};

const ingest = (db: string, ...args: string[]) => runCli(['ingest', '--db', join(dir, db), '--date', '2021-12-01', ...args]);

describe('ingest: which stories are the same story', () => {
  it('files of the same name in different folders are different stories, and a rerun changes nothing', () => {
    const news = join(dir, 'news');
    for (const [path, text] of [['a/index.html', '<p>Serbia delivered weapons to Armenia.</p>'], ['b/index.txt', 'Iran threatened to attack Iraq.'], ['b/c/index.txt', 'Turkey praised Azerbaijan.']]) {
      mkdirSync(join(news, path!, '..'), { recursive: true });
      writeFileSync(join(news, path!), text!);
    }
    const first = ingest('folders.db', news);
    expect(first.err).toMatch(/: 3 new, 0 updated, 0 unchanged stories/);
    expect(storyIds(join(dir, 'folders.db'))).toEqual(['news/a/index', 'news/b/c/index', 'news/b/index']);
    expect(ingest('folders.db', news).err).toMatch(/^nothing changed: all 3 stories are already in/);
    // The same files reached another way (one folder down, or by name) are found by their content.
    expect(ingest('folders.db', join(news, 'b'), join(news, 'a', 'index.html')).err).toMatch(/^nothing changed: all 3 stories/);
    expect(storyIds(join(dir, 'folders.db'))).toHaveLength(3);
  });

  it('two different texts on standard input are two stories; the same text again is no change', () => {
    expect(runCli(['ingest', '--db', join(dir, 'stdin.db'), '--date', '2021-12-01', '-'], 'Iran threatened to attack Iraq.').err).toMatch(/1 new/);
    expect(runCli(['ingest', '--db', join(dir, 'stdin.db'), '--date', '2021-12-01', '-'], 'Turkey praised Azerbaijan.').err).toMatch(/1 new, 0 updated/);
    expect(runCli(['ingest', '--db', join(dir, 'stdin.db'), '--date', '2021-12-01', '-'], 'Iran threatened to attack Iraq.').err).toMatch(/^nothing changed/);
    expect(storyIds(join(dir, 'stdin.db'))).toEqual([expect.stringMatching(/^stdin-[0-9a-f]{12}$/), expect.stringMatching(/^stdin-[0-9a-f]{12}$/)]);
  });

  it('a feed item without guid or link is found by its content whatever spelling of the path reaches the feed', () => {
    mkdirSync(join(dir, 'feeds'));
    const feed = put('feeds/noguid.xml', '<rss version="2.0"><channel><title>W</title><item><title>Talks</title><description>Iran threatened to attack Iraq.</description></item></channel></rss>');
    expect(ingest('feed.db', feed).err).toMatch(/1 new/);
    expect(ingest('feed.db', join(dir, 'feeds', '..', 'feeds', 'noguid.xml')).err).toMatch(/^nothing changed/);
    expect(storyIds(join(dir, 'feed.db'))).toHaveLength(1);
  });

  it('stories that name themselves are kept apart even when their texts are the same', () => {
    const same = 'Serbia delivered weapons to Armenia on Monday.';
    const file = put('named.jsonl', [{ id: 'n1', text: same }, { id: 'n2', text: same }].map((o) => JSON.stringify(o)).join('\n'));
    expect(ingest('named.db', file).err).toMatch(/2 new/);
    expect(storyIds(join(dir, 'named.db'))).toEqual(['n1', 'n2']);
  });

  it('one id given to two different stories in one run: the second is a problem naming both lines, the first is stored', () => {
    const file = put('twice.jsonl', [
      { id: 'ok1', text: 'Iran threatened to attack Iraq.' },
      { id: 'ok2', text: 'Turkey praised Azerbaijan.' },
      { id: 'ok1', text: 'Russia expelled two Swiss diplomats.' },
      { id: 'ok2', text: 'Turkey praised Azerbaijan.' },
    ].map((o) => JSON.stringify(o)).join('\n'));
    const r = ingest('twice.db', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:3: id "ok1" was already given to another story in this run (${file}:1): skipped`);
    // Line 4 repeats line 2 exactly: the same story read twice, not a problem.
    expect(r.err).not.toContain(`${file}:4`);
    expect(r.err).toMatch(/2 new, 0 updated, 1 unchanged story;.* 1 problem;/);
    const store = new Database(join(dir, 'twice.db'), { readonly: true });
    expect(store.prepare("SELECT text FROM stories WHERE story_id = 'ok1'").pluck().get()).toBe('Iran threatened to attack Iraq.');
    store.close();
  });
});

describe('recode: the coder includes the user\'s actor and rule files', () => {
  it('stories coded without an actor file are re-coded with it, and back; the same file from another path is the same coder', () => {
    const db = join(dir, 'actors.db');
    const text = put('freedonia.txt', 'Freedonia threatened to attack Armenia on Monday.');
    const actors = put('mine.yaml', 'actors:\n  - names: [Freedonia]\n    code: FRD\n    kind: country\n');
    const actorOf = (): string[] => {
      const store = new Database(db, { readonly: true });
      try {
        return store.prepare('SELECT actor FROM events').pluck().all() as string[];
      } finally {
        store.close();
      }
    };
    expect(runCli(['ingest', '--db', db, '--date', '2021-12-01', text]).code).toBe(0);
    expect(actorOf()).not.toContain('FRD');
    // Ingest with the file leaves the stored story as it is, and says how to apply the file to it.
    const again = runCli(['ingest', '--db', db, '--date', '2021-12-01', '--actors', actors, text]);
    expect(again.err).toMatch(/^nothing changed: the story is already in .*\nsome stored stories were coded by another coder than entente \S+\+[0-9a-f]{8} .*: entente recode with the same --actors and --rules re-codes them\n$/);
    const recoded = runCli(['recode', '--db', db, '--actors', actors]);
    expect(recoded.out).toMatch(/^recoded 1 stor\w+ with entente \d+\.\d+\.\d+\+[0-9a-f]{8}: 1 event/);
    expect(actorOf()).toEqual(['FRD']);
    expect(runCli(['recode', '--db', db, '--actors', join(dir, '.', 'mine.yaml')]).out).toMatch(/nothing to do/);
    expect(runCli(['stats', '--db', db]).out).toMatch(/coder versions: entente \d+\.\d+\.\d+\+[0-9a-f]{8} ×1/);
    // Without the file, the plain coder codes them again.
    expect(runCli(['recode', '--db', db]).out).toMatch(/^recoded 1 stor\w+ with entente \d+\.\d+\.\d+:/);
    expect(actorOf()).not.toContain('FRD');
  });
});
