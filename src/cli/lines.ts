import type { Readable } from 'node:stream';

export interface Line {
  readonly lineNo: number;
  readonly text: string;
  /** The line held bytes that are not UTF-8 (shown as U+FFFD in `text`). */
  readonly invalid: boolean;
}

/** Lines of a stream, decoded as UTF-8 chunk by chunk: large files never sit in memory. */
export async function* readLines(stream: Readable): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let lineNo = 0;
  const emit = function* (text: string): Generator<Line> {
    lineNo++;
    const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
    yield { lineNo, text: clean, invalid: clean.includes('\uFFFD') };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      yield* emit(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  rest += decoder.decode();
  if (rest.length) yield* emit(rest);
}
