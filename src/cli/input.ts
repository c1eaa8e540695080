import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { detectFormat, normalizeDocument, normalizeJsonLine } from '../pipeline/normalize/index.js';
import type { InputProblem, NormalizeResult } from '../types.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const BINARY_PROBE = 8192;

/** Decode bytes as UTF-8, or say where they stop being UTF-8. */
function decode(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        decoder.decode(bytes.subarray(0, mid));
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    return { error: `invalid UTF-8 near byte ${lo}` };
  }
}

/** A NUL byte in the first 8 KB: a binary file, not text. */
export const looksBinary = (bytes: Uint8Array): boolean => bytes.subarray(0, BINARY_PROBE).includes(0);

export interface ReadOptions {
  readonly date?: string;
  /** The name problems and stories' files give (a gzipped file's own name); `name` then only decides the format. */
  readonly label?: string;
  /** Names a text or HTML document (default: its file's name without the extension, "stdin" for standard input). */
  readonly id?: (text: string) => string;
}

/**
 * Stories from one input, streamed: JSONL line by line (so a 100 MB file never sits in memory),
 * text and HTML as one document. Problems come back as items naming the file and line; the rest goes on.
 */
export async function* readInput(name: string, stream: Readable, opts: ReadOptions): AsyncGenerator<NormalizeResult> {
  const label = opts.label ?? (name === '-' ? '<stdin>' : name);
  const chunks: Buffer[] = [];
  let head: Buffer = Buffer.alloc(0);
  let format: ReturnType<typeof detectFormat> | undefined;
  let pending: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  let nonBlank = 0;
  const empty: NormalizeResult = { ok: false, problem: { file: label, message: 'empty file: nothing to code' } };
  const binary: NormalizeResult = { ok: false, problem: { file: label, message: 'binary file, not text: skipped' } };
  function* lines(final: boolean): Generator<NormalizeResult> {
    let from = 0;
    for (let nl = pending.indexOf(10); nl >= 0 || (final && from < pending.length); nl = pending.indexOf(10, from)) {
      const bytes = pending.subarray(from, nl >= 0 ? nl : pending.length);
      from = nl >= 0 ? nl + 1 : pending.length;
      lineNo++;
      if (looksBinary(bytes)) {
        nonBlank++;
        yield { ok: false, problem: { file: label, line: lineNo, message: 'binary data, not text' } };
        continue;
      }
      const d = decode(bytes);
      if ('error' in d) {
        nonBlank++;
        yield { ok: false, problem: { file: label, line: lineNo, message: d.error } };
        continue;
      }
      const r = normalizeJsonLine(d.text.replace(/\r$/, ''), label, lineNo, opts.date);
      if (r) {
        nonBlank++;
        yield r;
      }
    }
    pending = pending.subarray(from);
  }
  /** Decide the format from the first bytes; a problem when there is nothing or only binary. */
  const decide = (): NormalizeResult | undefined => {
    if (head.length === 0) return empty;
    if (looksBinary(head)) return binary;
    format = detectFormat(name, head.subarray(0, 512).toString('utf8'));
    if (format === 'jsonl') pending = head;
    else chunks.push(head);
    return undefined;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (!format) {
      head = head.length ? Buffer.concat([head, chunk]) : chunk;
      if (head.length < 512) continue;
      const problem = decide();
      if (problem) return yield problem;
      if (format === 'jsonl') yield* lines(false);
    } else if (format === 'jsonl') {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      yield* lines(false);
    } else chunks.push(chunk);
  }
  if (!format) {
    const problem = decide();
    if (problem) return yield problem;
  }
  if (format === 'jsonl') {
    yield* lines(true);
    if (nonBlank === 0) yield empty;
    return;
  }
  const d = decode(Buffer.concat(chunks));
  if ('error' in d) return yield { ok: false, problem: { file: label, message: `${d.error}: skipped` } };
  const id = opts.id ? opts.id(d.text) : name === '-' ? 'stdin' : basename(name).replace(/\.[^.]+$/, '');
  const doc = normalizeDocument(d.text, format as 'text' | 'html', { id, file: label, date: opts.date });
  yield doc.ok ? { ...doc, derived: true } : doc;
}

/** Open a named input for streaming, or report why it cannot be read. */
export function openInput(name: string): { stream: Readable } | { problem: InputProblem } {
  if (name === '-') return { stream: process.stdin };
  try {
    const st = statSync(name);
    if (st.isDirectory()) return { problem: { file: name, message: 'is a directory (give the files inside it)' } };
  } catch (err) {
    return { problem: { file: name, message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message } };
  }
  return { stream: createReadStream(name) };
}
