import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { estimateLines, readLineBatches } from '../src/import/lines.js';

/** Feed `bytes` in chunks of `size` bytes, so lines and characters straddle chunk boundaries. */
async function lines(bytes: Buffer, size: number): Promise<{ lineNo: number; text: string; invalid: boolean }[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out = [];
  for await (const batch of readLineBatches(Readable.from(chunks))) out.push(...batch);
  return out.map((l) => ({ lineNo: l.lineNo, text: l.text, invalid: l.invalid }));
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('readLineBatches', () => {
  const cases: [string, Buffer, { text: string; invalid: boolean }[]][] = [
    ['plain lines, last without newline', utf8('a\nbb\nccc'), [{ text: 'a', invalid: false }, { text: 'bb', invalid: false }, { text: 'ccc', invalid: false }]],
    ['CRLF endings', utf8('a\r\nb\r\n'), [{ text: 'a', invalid: false }, { text: 'b', invalid: false }]],
    ['multi-byte characters', utf8('Türkiye\nAsunción, Paraguay\n'), [{ text: 'Türkiye', invalid: false }, { text: 'Asunción, Paraguay', invalid: false }]],
    ['empty lines are kept', utf8('a\n\nb\n'), [{ text: 'a', invalid: false }, { text: '', invalid: false }, { text: 'b', invalid: false }]],
    ['invalid UTF-8 flags only its line', Buffer.concat([utf8('ok\n'), Buffer.from([0x41, 0xff, 0x42]), utf8('\nalso ok\n')]),
      [{ text: 'ok', invalid: false }, { text: 'A\uFFFDB', invalid: true }, { text: 'also ok', invalid: false }]],
  ];
  for (const size of [1, 2, 3, 1024]) {
    it.each(cases)(`%s (chunks of ${size} bytes)`, async (_name, bytes, expected) => {
      const got = await lines(bytes, size);
      expect(got).toEqual(expected.map((e, i) => ({ lineNo: i + 1, ...e })));
    });
  }

  it('reads an empty stream as no lines', async () => {
    expect(await lines(Buffer.alloc(0), 4)).toEqual([]);
  });
});

describe('estimateLines', () => {
  const lines = (n: number, width: number): Buffer => Buffer.from(`${'x'.repeat(width - 1)}\n`.repeat(n));
  it.each([
    ['a sample of whole lines', 1_000_000, lines(100, 100), 10_000],
    ['a sample that ends mid-line', 1_000_000, lines(100, 100).subarray(0, 9_950), 9_950],
    ['a sample that is the whole file', 5_000, lines(50, 100), 50],
    ['a sample of one long line', 1_000_000, Buffer.from('x'.repeat(1000)), 1_000],
    ['an empty sample', 1_000, Buffer.alloc(0), 0],
  ])('%s', (_name, total, sample, expected) => {
    expect(estimateLines(total, sample)).toBe(expected);
  });
});
