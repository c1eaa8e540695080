/**
 * Dataset files as they are downloaded: plain, gzipped, zipped (GDELT's 15-minute files, ICEWS and POLECAT years),
 * or folders of them. The archives are built here (test/zip.ts), never taken from elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { datasetFiles, openDataset } from '../src/import/files.js';
import { ROOT, runCli as run, scratchDir } from './cli-helpers.js';
import { zip } from './zip.js';

const { dir, put } = scratchDir('entente-import-files-');
const BIN = join(ROOT, 'bin', 'entente.js');

/** Each part of an opened file: its name, its size for progress, and its text. */
async function read(path: string): Promise<{ name: string; bytes: number; text: string }[]> {
  const file = await openDataset(path);
  try {
    const out = [];
    for (const part of file.parts) {
      const chunks: Buffer[] = [];
      for await (const chunk of await part.open()) chunks.push(chunk as Buffer);
      out.push({ name: part.name.slice(dir.length + 1), bytes: part.bytes, text: Buffer.concat(chunks).toString() });
    }
    return out;
  } finally {
    await file.close();
  }
}

describe('openDataset: a file as downloaded', () => {
  it.each([
    ['a plain file', 'plain.tsv', 'a\tb\nc\td\n', [{ name: 'plain.tsv', bytes: 8, text: 'a\tb\nc\td\n' }]],
    ['a gzipped file, known by its first bytes', 'rows.gz', gzipSync('a\tb\nc\td\n'), [{ name: 'rows.gz', bytes: 8, text: 'a\tb\nc\td\n' }]],
    ['a gzipped file without the extension', 'rows.CSV', gzipSync('x\n'), [{ name: 'rows.CSV', bytes: 2, text: 'x\n' }]],
    ['a zip: its files in archive order, without folders, hidden files or macOS forks', 'year.zip', zip([
      ['2020/', ''], ['2020/b.tab', 'b1\nb2\n'], ['__MACOSX/2020/._b.tab', 'junk'], ['2020/.DS_Store', 'junk'], ['a.tab', 'a1\n'],
    ]), [{ name: 'year.zip/2020/b.tab', bytes: 6, text: 'b1\nb2\n' }, { name: 'year.zip/a.tab', bytes: 3, text: 'a1\n' }]],
  ])('%s', async (_name, file, content, expected) => {
    expect(await read(put(file, content))).toEqual(expected);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.CSV'), /no such file/],
    ['a folder named as a file', () => dir, /not a file/],
    ['a zip cut short (no central directory)', () => {
      const whole = zip([['a.tab', Array.from({ length: 500 }, (_, i) => `${i}\t${(i * 7919) % 10007}\n`).join('')]]);
      return put('cut.zip', whole.subarray(0, whole.length >> 1));
    }, /not a readable zip archive.*nothing imported/],
    ['a zip holding only folders', () => put('empty.zip', zip([['2020/', '']])), /holds no file/],
  ])('%s is refused with a reason', async (_name, path, message) => {
    await expect(openDataset(path())).rejects.toThrow(message);
  });

  it('a folder gives its files, recursively, in name order, without hidden ones', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'b'), { recursive: true });
    for (const f of ['b/2.CSV', 'a.CSV', '.hidden.CSV', 'b/1.CSV.zip']) writeFileSync(join(tree, f), 'x\n');
    expect(datasetFiles([tree, join(dir, 'missing.CSV')]).map((f) => f.slice(dir.length + 1))).toEqual([
      'tree/a.CSV', 'tree/b/1.CSV.zip', 'tree/b/2.CSV', 'missing.CSV',
    ]);
  });
});

/** The counts of rows imported, file by file, in an import's summary lines. */
const imported = (err: string): number[] => [...err.matchAll(/(\d+) imported/g)].map((m) => Number(m[1]));

describe('entente import: compressed files', () => {
  const sample = readFileSync(join(ROOT, 'samples', 'gdelt.export.CSV'), 'utf8');
  const plain = imported(run(['import', '--db', join(dir, 'plain.db'), '--format', 'gdelt', join(ROOT, 'samples', 'gdelt.export.CSV')]).err);

  it('a gzipped file imports as the plain one does', () => {
    const r = run(['import', '--db', join(dir, 'gz.db'), '--format', 'gdelt', put('gdelt.export.CSV.gz', gzipSync(sample))]);
    expect(imported(r.err)).toEqual(plain);
    expect(r.err).toMatch(/gdelt\.export\.CSV\.gz:13: expected 61 tab-separated columns/);
  });

  it('a zip of two files imports both, each with its own lines and provenance', () => {
    const lines = sample.split('\n');
    const archive = put('gdelt.zip', zip([['one.CSV', lines.slice(0, 10).join('\n') + '\n'], ['two.CSV', lines.slice(10).join('\n')]]));
    const db = join(dir, 'zip.db');
    const r = run(['import', '--db', db, '--format', 'gdelt', archive]);
    expect(imported(r.err).reduce((a, b) => a + b, 0)).toBe(plain[0]);
    // Line 13 of the sample is line 3 of the second file.
    expect(r.err).toMatch(/gdelt\.zip\/two\.CSV:3: expected 61 tab-separated columns/);
    const files = run(['events', '--db', db, '--source', 'imported']).out.trim().split('\n').map((l) => JSON.parse(l).provenance.file as string);
    expect(new Set(files)).toEqual(new Set([`${archive}/one.CSV`, `${archive}/two.CSV`]));
  });

  it('a gzipped file cut short keeps the rows before the cut, names its line, and the next file still imports', () => {
    const whole = gzipSync(sample.split('\n').slice(0, 12).join('\n').repeat(40));
    const cut = put('cut.CSV.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const db = join(dir, 'cut.db');
    const r = run(['import', '--db', db, '--format', 'gdelt', cut, join(ROOT, 'samples', 'gdelt.export.CSV')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cut\.CSV\.gz:\d+: the file is damaged or ends early \(unexpected end of file\): the rows before this line were imported/);
    const [fromCut, fromSample] = imported(r.err);
    expect(fromCut).toBeGreaterThan(0);
    expect(fromSample).toBeGreaterThan(0);
    expect(run(['check', '--db', db]).code).toBe(0);
  });

  it.each([
    ['plain', (text: string) => Buffer.from(text)],
    ['gzipped', (text: string) => gzipSync(text)],
  ])('standard input (-), %s, imports as the file does', (_name, encode) => {
    const r = run(['import', '--db', join(dir, `stdin-${_name}.db`), '--format', 'gdelt', '-'], encode(sample));
    expect(imported(r.err)).toEqual(plain);
    expect(r.err).toMatch(/stdin:13: expected 61 tab-separated columns/);
  });

  it('a zip on standard input is refused with what to do instead', () => {
    const r = run(['import', '--db', join(dir, 'stdin-zip.db'), '--format', 'gdelt', '-'], zip([['a.CSV', sample]]));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/stdin: a zip archive cannot be read from standard input .*: save it and name the file/);
  });

  it('a member compressed by a method it cannot read (Deflate64, as Windows writes large zips) is named; the others import', () => {
    const archive = zip([['a.CSV', sample], ['b.CSV', sample.replaceAll('9551100', '9661100')]]);
    // Mark the first member as Deflate64 (method 9) in its local header and its directory entry.
    archive.writeUInt16LE(9, 8);
    archive.writeUInt16LE(9, archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    const r = run(['import', '--db', join(dir, 'deflate64.db'), '--format', 'gdelt', put('d64.zip', archive)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/d64\.zip\/a\.CSV: cannot read this member of the archive \(.+\): extract it and import the file/);
    expect(imported(r.err)).toEqual(plain);
  });

  it('a folder of many archives imports with few file handles: one archive is open at a time', () => {
    const folder = join(dir, 'quarters');
    mkdirSync(folder);
    const rows = sample.split('\n').filter((l) => l.split('\t').length === 61);
    rows.forEach((row, i) => writeFileSync(join(folder, `${String(i).padStart(2, '0')}.export.CSV.zip`), zip([[`${i}.export.CSV`, `${row}\n`]])));
    const r = spawnSync('bash', ['-c', `ulimit -n 40 && exec "${process.execPath}" "${BIN}" import --db "${join(dir, 'quarters.db')}" --format gdelt "${folder}"`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EMFILE|too many open files/i);
    expect(imported(r.stderr).length).toBe(rows.length);
    expect(imported(r.stderr).reduce((a, b) => a + b, 0)).toBe(plain[0]);
  });

  it('a wrong kind of file lists its first 50 malformed rows and counts the rest', () => {
    const mentions = Array.from({ length: 120 }, (_, i) => Array.from({ length: 16 }, (_, k) => `${i}-${k}`).join('\t')).join('\n');
    const r = run(['import', '--db', join(dir, 'mentions.db'), '--format', 'gdelt', put('20201005.mentions.CSV', mentions)]);
    expect(r.code).toBe(1);
    expect(r.err.match(/mentions\.CSV:\d+: expected 61 tab-separated columns/g)).toHaveLength(50);
    expect(r.err).toMatch(/mentions\.CSV: 70 more malformed rows, not listed/);
    expect(r.err).toMatch(/120 rows: 0 imported, 120 skipped \(malformed\)/);
  });

  it('an unreadable archive is reported and the other files go on', () => {
    const r = run(['import', '--db', join(dir, 'bad.db'), '--format', 'gdelt', put('bad.zip', Buffer.from('PK\u0003\u0004 not really')), join(ROOT, 'samples', 'gdelt.export.CSV')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.zip: not a readable zip archive/);
    expect(imported(r.err)).toEqual(plain);
  });
});

describe('entente import: files of another format', () => {
  it.each([
    ['GDELT as ICEWS', 'icews', () => join(ROOT, 'samples', 'gdelt.export.CSV'), 'icews.tab',
      /gdelt\.export\.CSV: no "Event ID", "Event Date", "CAMEO Code" or "Source Name" column in the header: is this GDELT\? \(try --format gdelt\)/],
    ['POLECAT as PLOVER', 'plover', () => join(ROOT, 'samples', 'polecat.tab'), 'plover.jsonl',
      /polecat\.tab: tab-separated, not JSON lines \(one PLOVER record a line\): is this POLECAT\? \(try --format polecat\)/],
    ['a JSON array as PLOVER', 'plover', () => put('array.json', JSON.stringify([{ id: 'r1' }, { id: 'r2' }], null, 2)), 'plover.jsonl',
      /array\.json: a JSON array, not JSON lines \(one record a line; jq -c '\.\[\]' converts it\)/],
    ['gzipped ICEWS as GDELT', 'gdelt', () => put('icews.tab.gz', gzipSync(readFileSync(join(ROOT, 'samples', 'icews.tab')))), 'gdelt.export.CSV',
      /icews\.tab\.gz: a header row, not a GDELT events export \(tab-separated rows, no header\): is this ICEWS\? \(try --format icews\)/],
  ])('a file of another format (%s) is refused in one line, counted as failed, and the next file imports', (name, format, wrong, good, message) => {
    const path = wrong();
    const r = run(['import', '--db', join(dir, `wrong-${name.replace(/\W/g, '')}.db`), '--format', format, path, join(ROOT, 'samples', good)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n').filter((l) => l.includes(path))).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`${good}: \\d+ rows: [1-9]\\d* imported`));
  });
});

describe('entente import: empty files and folders', () => {
  const sample = join(ROOT, 'samples', 'gdelt.export.CSV');
  const plain = imported(run(['import', '--db', join(dir, 'empty-plain.db'), '--format', 'gdelt', sample]).err);
  it.each([
    ['an empty file', () => put('empty.CSV', ''), /empty\.CSV: empty file: nothing to import/],
    ['a file of blank lines', () => put('blank.CSV', '\n\r\n  \n'), /blank\.CSV: empty file: nothing to import/],
    ['an empty gzipped file', () => put('empty.CSV.gz', gzipSync('')), /empty\.CSV\.gz: empty file: nothing to import/],
    ['an empty file in a zip', () => put('empty.zip', zip([['a.CSV', '']])), /empty\.zip\/a\.CSV: empty file: nothing to import/],
    // Bytes that are not text (here a bzip2 header and binary): refused whole, not a problem per "row".
    ['a binary file', () => put('data.CSV.bz2', Buffer.from([0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0x00, 0x01, 0xff, 0xfe, 0x0a, 0x03, 0x9c])),
      /data\.CSV\.bz2: a binary file, not a dataset in text \(compressed in a format other than gzip or zip\?\)/],
    ['a folder with only a hidden file and an empty folder', () => {
      const folder = join(dir, 'nothing');
      mkdirSync(join(folder, 'sub'), { recursive: true });
      writeFileSync(join(folder, '.hidden.CSV'), 'x\n');
      return folder;
    }, /nothing: the folder holds no files \(hidden ones are not read\): nothing to import/],
  ])('%s is named and counted as failed; the next file imports', (name, make, message) => {
    const r = run(['import', '--db', join(dir, `empty-${name.replace(/\W/g, '')}.db`), '--format', 'gdelt', make(), sample]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(imported(r.err)).toEqual(plain);
  });
});

