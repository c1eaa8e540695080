import { isAscii, isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

export interface Line {
  readonly lineNo: number;
  readonly text: string;
  /** The line held bytes that are not UTF-8 (shown as U+FFFD in `text`). */
  readonly invalid: boolean;
}

const NEWLINE = 10;
const RETURN = 13;

const line = (lineNo: number, text: string, invalid: boolean): Line =>
  ({ lineNo, text: text.charCodeAt(text.length - 1) === RETURN ? text.slice(0, -1) : text, invalid });

/**
 * The lines of `bytes` (whole lines, no trailing newline), numbered from `first`. The block is read as Latin-1,
 * which copies bytes to characters one for one, and split natively; only the few lines with bytes over 0x7F are
 * then decoded again as UTF-8 (their character offsets are their byte offsets), and checked.
 */
export function splitLines(bytes: Buffer, first: number): Line[] {
  const parts = bytes.toString('latin1').split('\n');
  const out = new Array<Line>(parts.length);
  let from = 0;
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]!;
    const part = bytes.subarray(from, from + raw.length);
    if (!isAscii(part)) {
      out[i] = line(first + i, part.toString('utf8'), !isUtf8(part));
    } else out[i] = line(first + i, raw, false);
    from += raw.length + 1;
  }
  return out;
}

/**
 * The lines of a stream, handed out one chunk's lines at a time: large files never sit in memory, and the
 * per-line cost is a string split, not an await (which dominated million-row imports).
 */
export async function* readLineBatches(stream: Readable): AsyncGenerator<readonly Line[]> {
  let carry: Buffer | null = null;
  let lineNo = 1;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = bytes.lastIndexOf(NEWLINE);
    if (end < 0) {
      carry = bytes;
      continue;
    }
    carry = end + 1 < bytes.length ? bytes.subarray(end + 1) : null;
    const lines = splitLines(bytes.subarray(0, end), lineNo);
    lineNo += lines.length;
    yield lines;
  }
  if (carry) yield splitLines(carry, lineNo);
}

/** About how many lines `total` bytes hold, from the line length in `sample` (the first bytes of one of them). */
export function estimateLines(total: number, sample: Buffer): number {
  if (sample.length === 0) return 0;
  let lines = 0;
  for (let at = sample.indexOf(NEWLINE); at !== -1; at = sample.indexOf(NEWLINE, at + 1)) lines++;
  return Math.round((total / sample.length) * Math.max(lines, 1));
}
