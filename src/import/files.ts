import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import StreamZip from 'node-stream-zip';

/** One stream of dataset rows: a plain file, a gzipped file, or one file inside a zip archive. */
export interface DatasetPart {
  /** The name kept as the events' provenance and in messages: the file, or `archive.zip/entry`. */
  readonly name: string;
  /** Its size once decompressed, for progress (gzip records it modulo 4 GiB). */
  readonly bytes: number;
  open(): Promise<Readable>;
}

export interface DatasetFile {
  readonly parts: readonly DatasetPart[];
  close(): Promise<void>;
}

/** A file that cannot be imported, with what is wrong with it in words a user can act on. */
export class DatasetFileError extends Error {}

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b];

/** Whether bytes begin as a gzip stream does. */
export const isGzip = (bytes: Buffer): boolean => bytes.length >= 2 && bytes[0] === GZIP[0] && bytes[1] === GZIP[1];
const isZip = (bytes: Buffer): boolean => bytes.length >= 2 && bytes[0] === ZIP[0] && bytes[1] === ZIP[1];

/** Whether bytes begin as a gzip stream or a zip archive does. */
export const isCompressed = (bytes: Buffer): boolean => isGzip(bytes) || isZip(bytes);

function head(file: string, n: number): Buffer {
  const buffer = Buffer.alloc(n);
  const fd = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * gzip's own record of the decompressed size: the last four bytes, little-endian, modulo 4 GiB. A file of more than
 * a megabyte that seems to shrink when decompressed has wrapped around.
 */
function gzipSize(file: string, size: number): number {
  if (size < 18) return size;
  const fd = openSync(file, 'r');
  try {
    const tail = Buffer.alloc(4);
    readSync(fd, tail, 0, 4, size - 4);
    let bytes = tail.readUInt32LE(0);
    if (size > 1 << 20) while (bytes < size) bytes += 2 ** 32;
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** A file's size once decompressed when it is gzipped (by its first bytes), else its size: for progress bars. */
export function contentBytes(file: string, magic = head(file, 2), size = statSync(file).size): number {
  return isGzip(magic) ? gzipSize(file, size) : size;
}

async function zipParts(file: string): Promise<DatasetFile> {
  const zip = new StreamZip.async({ file, storeEntries: true });
  let entries;
  try {
    entries = Object.values(await zip.entries());
  } catch (err) {
    await zip.close().catch(() => undefined);
    throw new DatasetFileError(`not a readable zip archive (${(err as Error).message}): nothing imported from it`);
  }
  const files = entries.filter((e) => e.isFile && !e.name.startsWith('__MACOSX/') && !/(^|\/)\./.test(e.name));
  if (files.length === 0) {
    await zip.close();
    throw new DatasetFileError('the zip archive holds no file');
  }
  return {
    parts: files.map((e) => ({
      name: `${file}/${e.name}`,
      bytes: e.size,
      // An encrypted member, or one compressed by a method other than deflate (Deflate64, bzip2...), cannot be read.
      open: () => zip.stream(e).then((s) => s as Readable, (err: Error) => Promise.reject(new DatasetFileError(`cannot read this member of the archive (${err.message}): extract it and import the file`))),
    })),
    close: () => zip.close(),
  };
}

/** The files of a folder, recursively, in name order (by code unit, as `entente ingest` walks); hidden files are left out. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : []));
}

/** The files named, folders replaced by the files in them. Missing paths stay, for openDataset to report. */
export function datasetFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    try {
      return statSync(p).isDirectory() ? walk(p) : [p];
    } catch {
      return [p];
    }
  });
}

/** The first bytes of a stream, and a stream that replays them before the rest. */
export async function peek(stream: Readable, size: number): Promise<{ head: Buffer; rest: Readable }> {
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size && !done) {
    const next = await it.next();
    if (next.done) done = true;
    else {
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      chunks.push(chunk);
      length += chunk.length;
    }
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (head.length) yield head;
      for (let next = done ? undefined : await it.next(); next && !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  }
  return { head, rest: Readable.from(replay(), { objectMode: false }) };
}

/** A stream whose first bytes decide: gunzipped when it starts as gzip does, else as it is. */
async function sniffed(input: Readable): Promise<Readable> {
  const { head, rest } = await peek(input, 2);
  if (isZip(head)) {
    rest.destroy();
    throw new DatasetFileError('a zip archive cannot be read from standard input (its directory is at its end): save it and name the file');
  }
  return isGzip(head) ? pipeline(rest, createGunzip({ chunkSize: 1 << 18 }), () => undefined) : rest;
}

/** Standard input (`-`): one part of unknown size, plain or gzipped (a zip needs its directory at the end: save it first). */
const stdinDataset = (input: Readable): DatasetFile => ({
  parts: [{ name: 'stdin', bytes: 0, open: () => sniffed(input) }],
  close: async () => undefined,
});

/**
 * Open a dataset file, known by its first bytes: gzip (one stream), zip (each file it holds, in archive order), or
 * anything else read as it is; `-` is standard input. Throws a DatasetFileError naming the problem.
 */
export async function openDataset(file: string, stdin: Readable = process.stdin): Promise<DatasetFile> {
  if (file === '-') return stdinDataset(stdin);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new DatasetFileError('not a file');
    size = stat.size;
  } catch (err) {
    throw err instanceof DatasetFileError ? err : new DatasetFileError('no such file');
  }
  const magic = head(file, 2);
  if (isZip(magic)) return zipParts(file);
  const gzip = isGzip(magic);
  const open = async (): Promise<Readable> => {
    const raw = createReadStream(file, { highWaterMark: 1 << 18 });
    return gzip ? pipeline(raw, createGunzip({ chunkSize: 1 << 18 }), () => undefined) : raw;
  };
  return { parts: [{ name: file, bytes: contentBytes(file, magic, size), open }], close: async () => undefined };
}

/** The first `bytes` bytes of a part (fewer if it is shorter; none if it cannot be read), to estimate its lines. */
export async function sample(part: DatasetPart, bytes = 1 << 18): Promise<Buffer> {
  let stream: Readable;
  try {
    stream = await part.open();
  } catch {
    return Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  let got = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      got += chunk.length;
      if (got >= bytes) break;
    }
  } catch {
    // A damaged file: the import reports it with its line.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}
