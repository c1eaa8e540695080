import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli as run, scratchDir } from './cli-helpers.js';

const { dir, put } = scratchDir('entente-store-errors-');
const db = join(dir, 'seed.db');

beforeAll(() => {
  expect(run(['ingest', '--db', db, '--date', '2021-12-01', join(ROOT, 'examples', 'azerbaijan-serbia-partnership.txt')]).code).toBe(0);
});

describe('a missing store is refused, not created', () => {
  it.each([
    [['events']], [['search', 'Armenia']], [['stats']], [['export']], [['check']], [['backup', join(dir, 'never.db')]],
    [['recode']], [['cluster']], [['dyad', 'SRB', 'ARM']], [['network']],
  ])('%j --db missing.db', (args) => {
    const missing = join(dir, `missing-${args[0]}.db`);
    const r = run([...args, '--db', missing]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe(`entente: no store at ${missing}: ingest stories or import a dataset first (entente ingest FILE, entente import --format F FILE), or give --db\n`);
    expect(existsSync(missing)).toBe(false);
  });
});

/** A copy of the good store with 4 KB of 0xff written into its middle. */
function damagedCopy(): string {
  const path = join(dir, 'damaged.db');
  copyFileSync(db, path);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, Math.floor(statSync(path).size / 2));
  closeSync(fd);
  return path;
}

describe('a damaged store, or a file that is not a database', () => {
  it.each([[[]], [['--quick']]])('check %j on a damaged store names the file on every problem line and exits 1', (flags) => {
    const damaged = damagedCopy();
    const r = run(['check', ...flags, '--db', damaged]);
    expect(r).toMatchObject({ code: 1, err: '' });
    expect(r.lines.length).toBeGreaterThan(0);
    for (const line of r.lines) expect(line.startsWith(`problem: ${damaged}: `)).toBe(true);
  });

  it('check on a text file says it is not a database', () => {
    const text = put('notes.db', 'hello world\n');
    expect(run(['check', '--db', text])).toMatchObject({ code: 1, out: `problem: ${text}: file is not a database\n`, err: '' });
  });

  it.each([[['events']], [['stats']], [['search', 'Armenia']], [['export']], [['dyad', 'SRB', 'ARM']], [['ingest', '-']]])('%j on a text file: one line, exit 1', (args) => {
    const text = put('notes.db', 'hello world\n');
    expect(run([...args, '--db', text], '')).toMatchObject({ code: 1, out: '', err: `entente: ${text}: file is not a database\n` });
  });
});

describe('search: a query the full-text engine cannot parse', () => {
  it.each([
    ['NOT Armenia', 'cannot search for "NOT Armenia": fts5: syntax error near "NOT"'],
    ['AND', 'cannot search for "AND": fts5: syntax error near "AND"'],
    ['Armenia OR', 'cannot search for "Armenia OR": fts5: syntax error near ""'],
    ['"ammunition', 'cannot search for "\\"ammunition": unterminated string'],
  ])('%s: one line, exit 2', (query, message) => {
    expect(run(['search', '--db', db, query])).toMatchObject({ code: 2, out: '', err: `entente: ${message}\n` });
  });
});

describe('backup to a path that cannot be written', () => {
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  it.each([
    [folder, 'it is a folder'],
    [join(dir, 'no', 'such', 'x.db'), 'its folder does not exist'],
    [join(db, 'x.db'), `${db} is not a folder`],
  ])('%s: one line naming it and why, exit 1', (file, why) => {
    expect(run(['backup', '--db', db, file])).toMatchObject({ code: 1, out: '', err: `entente: cannot back up to ${file}: ${why}\n` });
  });
});

describe('export --out to a path that cannot be written', () => {
  it.each([
    [join(dir, 'no', 'such', 'x.jsonl'), 'its folder does not exist'],
    [dir, 'it is a folder'],
    [join(db, 'x.jsonl'), 'a part of its path is not a folder'],
  ])('%s: one line naming it and why, exit 1, the store closed', (file, why) => {
    expect(run(['export', '--db', db, '--format', 'plover', '--source', 'coded', '--out', file])).toMatchObject({ code: 1, out: '', err: `entente: cannot write ${file}: ${why}\n` });
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});

describe('an unknown --format is a usage error', () => {
  it.each([
    [['stats', '--format', 'csv'], '--format must be text or json, not "csv"'],
    [['stats', '--format', 'xml'], '--format must be text or json, not "xml"'],
    [['search', 'Armenia', '--format', 'xml'], '--format must be text or jsonl, not "xml"'],
    [['events', '--format', 'xml'], '--format must be table, jsonl or csv, not "xml"'],
    [['export', '--format', 'xml'], '--format must be jsonl, csv or plover, not "xml"'],
  ])('%j', (args, message) => {
    expect(run([...args, '--db', db])).toMatchObject({ code: 2, out: '', err: `entente: ${message}\n` });
  });

  it.each([
    [['stats', '--format', 'text'], /^database\s/],
    [['search', 'Armenia', '--format', 'text'], /\n4 sentences\n$/],
  ])('%j: the default, named, works', (args, output) => {
    expect(run([...args, '--db', db])).toMatchObject({ code: 0, out: expect.stringMatching(output) });
  });
});

describe('--limit: 0 is no limit for events and search alike', () => {
  it.each([
    [[], '20 sentences'],
    [['--limit', '0'], '27 sentences'],
    [['--limit', '3'], '3 sentences'],
  ])('search the %j', (flags, count) => {
    const r = run(['search', 'the', ...flags, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.lines.at(-1)).toBe(count);
  });

  it.each([
    [[], '15 events\n'],
    [['--limit', '0'], '15 events\n'],
    [['--limit', '3'], '3 events\n'],
  ])('events %j', (flags, count) => {
    expect(run(['events', '--format', 'table', ...flags, '--db', db])).toMatchObject({ code: 0, err: count });
  });

  it.each([['events'], ['search', 'the']])('%j --limit -3: a usage error that says what 0 means', (...args) => {
    expect(run([...args, '--limit', '-3', '--db', db])).toMatchObject({ code: 2, out: '', err: 'entente: --limit must be a whole number (0: no limit), not "-3"\n' });
  });
});

describe('events and export filters', () => {
  it.each([
    [['--from', '2021-01-01', '--to', '2020-01-01'], '--from 2021-01-01 is after --to 2020-01-01'],
    [['--quad', ''], '--quad needs a value, not ""'],
    [['--actor', ','], '--actor needs a value, not ","'],
    [['--type', ''], '--type needs a value, not ""'],
    [['--from', ''], '--from: "" is not a YYYY-MM-DD date'],
    [['--certainty', 'sure'], '--certainty: "sure" is not one of asserted, reported, alleged, hedged, confirmed, denied'],
    [['--actor', 'Serbai'], '--actor: "Serbai" is not a known state code or name (give a 3-letter code: ISO alpha-3, KOS, IGO, UNO, EUR, ...); did you mean SRB (Serbia), AZE (Azerbaijan), ERI (Eritrea), SYR (Syria), BDI (Burundi)?'],
  ])('%j is a usage error for events and export', (flags, message) => {
    for (const command of ['events', 'export']) expect(run([command, ...flags, '--db', db])).toMatchObject({ code: 2, out: '', err: `entente: ${message}\n` });
  });

  it.each([
    [['--certainty', 'REPORTED'], ['--certainty', 'reported']],
    [['--source', 'CODED'], ['--source', 'coded']],
    [['--type', 'aid'], ['--type', 'AID']],
    [['--actor', 'srb'], ['--actor', 'SRB']],
    // States by name, as in the analytics.
    [['--actor', 'Serbia', '--recipient', 'armenia'], ['--actor', 'SRB', '--recipient', 'ARM']],
  ])('%j finds what %j finds', (given, canonical) => {
    const r = run(['events', ...given, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.lines.length).toBeGreaterThan(0);
    expect(r.out).toBe(run(['events', ...canonical, '--db', db]).out);
  });
});

describe('--db help', () => {
  it.each([
    ['events'], ['search'], ['export'], ['stats'], ['check'], ['backup'], ['recode'], ['cluster'],
    ['dyad'], ['crises'], ['test'], ['gap'], ['compare'], ['network'], ['serve'], ['ingest'], ['import'],
  ])('%s --help gives the order dbPath() follows', (command) => {
    const r = run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.lines.filter((l) => l.includes('--db'))).toEqual([expect.stringMatching(/^ {2}--db <file> +database file \(default: \$ENTENTE_DB, else \.\/entente\.db\)$/)]);
  });
});
