import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { contentBytes, isGzip, peek } from '../import/files.js';
import { isFeed, parseFeed } from '../pipeline/normalize/feeds.js';
import { normalizeDocument } from '../pipeline/normalize/index.js';
import type { NormalizeResult } from '../types.js';
import { looksBinary, readInput, type ReadOptions } from './input.js';

/** File names taken when walking a folder, also gzipped (`.jsonl.gz`); a file named on the command line is read whatever its name. */
const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson', '.xml', '.rss', '.atom']);
const FEED_EXTENSIONS: ReadonlySet<string> = new Set(['.xml', '.rss', '.atom']);
/** Whether a folder walk takes a file of this name. */
const isInputName = (name: string): boolean => INPUT_EXTENSIONS.has(extname(name.replace(/\.gz$/i, '')).toLowerCase());
export const FETCH_TIMEOUT_MS = 30_000;
export const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Bytes read before deciding whether an input is a feed. */
const HEAD_BYTES = 4096;
const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.1';

/** Marks the start of one input (a file, standard input as "<stdin>", or a URL); its stories and problems follow. */
export interface InputStart {
  readonly kind: 'file';
  readonly name: string;
}

export type SourceItem = NormalizeResult | InputStart;

export interface ExpandOptions {
  /** Feeds or pages to fetch over HTTP(S), after the paths. */
  readonly url?: readonly string[];
  /** Publication date for text, HTML and feed items that carry none (JSONL lines carry their own). */
  readonly date?: string;
  /** What "-" reads; process.stdin by default. */
  readonly stdin?: Readable;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

const problem = (file: string, message: string): NormalizeResult => ({ ok: false, problem: { file, message } });

const errorCode = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

const cannotRead = (err: unknown): string =>
  errorCode(err) === 'ENOENT' ? 'no such file'
    : errorCode(err).startsWith('Z_') ? `the gzipped file is damaged or ends early (${(err as Error).message}): the stories before were read`
      : `cannot read (${errorCode(err)})`;

/**
 * Every story of the inputs, in order: each path (a file, "-" for standard input, or a folder walked
 * recursively in sorted order), then each URL. Each input starts with an InputStart; a problem with any
 * input is an item naming the file or URL (and the line or item) and the rest goes on.
 * JSONL is streamed line by line; feeds and pages are read whole.
 */
export async function* expandInputs(paths: readonly string[], opts: ExpandOptions = {}): AsyncGenerator<SourceItem> {
  for (const path of paths) {
    if (path === '-') {
      yield { kind: 'file', name: '<stdin>' };
      yield* readSource('-', opts.stdin ?? process.stdin, { ...opts, id: stdinId });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      yield { kind: 'file', name: path };
      yield problem(path, cannotRead(err));
      continue;
    }
    let found = 0;
    for await (const file of isDir ? walk(path) : [path]) {
      if (typeof file !== 'string') {
        yield file;
        continue;
      }
      found++;
      yield { kind: 'file', name: file };
      yield* readSource(file, createReadStream(file), isDir ? { ...opts, id: folderId(path, file) } : opts);
    }
    if (isDir && found === 0) {
      yield { kind: 'file', name: path };
      yield problem(path, 'no story files in this folder (.txt, .html, .jsonl, RSS or Atom feeds, also gzipped)');
    }
  }
  for (const url of opts.url ?? []) {
    yield { kind: 'file', name: url };
    yield* readUrl(url, opts);
  }
}

/** A document read from standard input is named by its text: another text is another story, not a new version. */
const stdinId = (text: string): string => `stdin-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

/**
 * A document found in a folder is named by its path from the folder given, with that folder's name
 * (`news/a/index` for news/a/index.html): two files of the same name in different folders are two stories.
 */
const folderId = (root: string, file: string) => (): string =>
  [basename(resolve(root)), ...relative(root, file).split(sep)].join('/').replace(/\.gz$/i, '').replace(/\.[^./]+$/, '');

/**
 * The input files under a folder, depth first in sorted order (by code unit), skipping dotfiles,
 * node_modules and names without an input extension; a folder that cannot be read is a problem.
 */
export async function* walk(dir: string, seen: Set<string> = new Set()): AsyncGenerator<string | NormalizeResult> {
  let entries: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = (await readdir(dir)).filter((name) => !name.startsWith('.') && name !== 'node_modules').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    return yield problem(dir, cannotRead(err));
  }
  for (const name of entries) {
    const path = join(dir, name);
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      yield problem(path, cannotRead(err));
      continue;
    }
    if (st.isDirectory()) yield* walk(path, seen);
    else if (st.isFile() && isInputName(name)) yield path;
  }
}

/**
 * Total input bytes, for the progress bar's ETA: files (gzipped ones by their content), and in folders the files
 * walk() reads. Standard input and URLs count as unknown; a path that cannot be read is reported when it is read.
 */
export async function inputBytes(paths: readonly string[]): Promise<number> {
  const bytes = (file: string): number => {
    try {
      return contentBytes(file);
    } catch {
      return 0;
    }
  };
  let total = 0;
  for (const path of paths) {
    const st = await stat(path).catch(() => null);
    if (st?.isDirectory()) {
      for await (const file of walk(path)) if (typeof file === 'string') total += bytes(file);
    } else if (st?.isFile()) total += bytes(path);
  }
  return total;
}

async function readAll(head: Buffer, rest: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of rest as AsyncIterable<Buffer>) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : head;
}

/** The charset named by an XML declaration or an HTML <meta> in the first bytes. */
function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  return (/<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)["']/.exec(head) ?? /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]+)/i.exec(head))?.[1];
}

/** Bytes as text in their declared charset (UTF-8 by default), or what is wrong with them. */
function decodeText(bytes: Buffer, charset: string | undefined, what: 'file' | 'response'): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: `empty ${what}: nothing to code` };
  if (looksBinary(bytes)) return { error: `binary ${what}, not text: skipped` };
  const label = charset ?? declaredCharset(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { error: `unknown character encoding "${label}": skipped` };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { error: `not valid ${label} text: skipped` };
  }
}

/** Feed items as stories, with the default date for items that carry none. */
function feedStories(xml: string, file: string, date: string | undefined): NormalizeResult[] {
  return parseFeed(xml, file).map((r) => (r.ok && date && !r.story.date ? { ...r, story: { ...r.story, date } } : r));
}

/**
 * One file or standard input: a feed (by extension or by its first bytes) read whole, anything else through readInput;
 * gzipped content (by its first bytes) is read as the file it holds (`stories.jsonl.gz` as `stories.jsonl`).
 */
async function* readSource(name: string, stream: Readable, opts: ExpandOptions & Pick<ReadOptions, 'id'>, label = name === '-' ? '<stdin>' : name): AsyncGenerator<NormalizeResult> {
  try {
    const { head, rest } = await peek(stream, HEAD_BYTES);
    if (isGzip(head)) return yield* readSource(name.replace(/\.gz$/i, ''), pipeline(rest, createGunzip(), () => undefined), opts, label);
    if (!FEED_EXTENSIONS.has(extname(name).toLowerCase()) && !isFeed(head.toString('utf8'))) return yield* readInput(name, rest, { date: opts.date, label, ...(opts.id ? { id: opts.id } : {}) });
    const decoded = decodeText(await readAll(head, rest), undefined, 'file');
    if ('error' in decoded) return yield problem(label, decoded.error);
    yield* feedStories(decoded.text, label, opts.date);
  } catch (err) {
    yield problem(label, cannotRead(err));
  }
}

type Fetched = { readonly bytes: Buffer; readonly type: string; readonly charset?: string } | { readonly error: string };

const FEED_TYPES = /^application\/(rss|atom|rdf)\+xml$/;
const SUPPORTED_TYPES = /^(text\/(html|plain|xml)|application\/(xml|xhtml\+xml|rss\+xml|atom\+xml|rdf\+xml))$/;
const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why a fetch failed, in words: a timeout, or the network error's code (ECONNREFUSED, ENOTFOUND, ...). */
function networkError(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  return `network error: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
}

/** A body read up to `max` bytes; undefined when it is larger. */
async function readLimited(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer | undefined> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    length += next.value.length;
    if (length > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/** GET a URL with a time limit and a size limit; a failure is a message for the problem that names the URL. */
export async function fetchBody(url: string, timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_BODY_BYTES): Promise<Fetched> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: 'not a valid URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { error: `unsupported URL scheme "${parsed.protocol}" (http or https only)` };
  try {
    const res = await fetch(parsed, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow', headers: { accept: ACCEPT, 'user-agent': 'entente (news event coder)' } });
    const contentType = res.headers.get('content-type') ?? '';
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    const declared = Number(res.headers.get('content-length') ?? 0);
    let error: string | undefined;
    if (!res.ok) error = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    else if (type && !SUPPORTED_TYPES.test(type)) error = `unsupported content type "${type}" (expected an RSS or Atom feed or an HTML page)`;
    else if (declared > maxBytes) error = `response larger than ${megabytes(maxBytes)} (${megabytes(declared)}): skipped`;
    if (error) {
      await res.body?.cancel();
      return { error };
    }
    const bytes = await readLimited(res.body, maxBytes);
    if (!bytes) return { error: `response larger than ${megabytes(maxBytes)}: skipped` };
    const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
    return { bytes, type, ...(charset ? { charset } : {}) };
  } catch (err) {
    return { error: networkError(err, timeoutMs) };
  }
}

/** A URL: a feed's items when the body is a feed, else the page as one story (id and url the URL, title from <title>). */
async function* readUrl(url: string, opts: ExpandOptions): AsyncGenerator<NormalizeResult> {
  const fetched = await fetchBody(url, opts.timeoutMs, opts.maxBytes);
  if ('error' in fetched) return yield problem(url, fetched.error);
  const decoded = decodeText(fetched.bytes, fetched.charset, 'response');
  if ('error' in decoded) return yield problem(url, decoded.error);
  if (FEED_TYPES.test(fetched.type) || isFeed(decoded.text.slice(0, HEAD_BYTES))) return yield* feedStories(decoded.text, url, opts.date);
  const page = normalizeDocument(decoded.text, fetched.type === 'text/plain' ? 'text' : 'html', { id: url, file: url, date: opts.date });
  yield page.ok ? { ...page, story: { ...page.story, url } } : page;
}
