import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/pipeline/sentences/index.js';
import { model } from './helpers.js';

const split = (text: string) => splitSentences({ id: 's', text }, model().nlp);

describe('sentences: splitting', () => {
  it.each([
    ['Serbia signed. Azerbaijan agreed.', ['Serbia signed.', 'Azerbaijan agreed.']],
    ['Military-technical cooperation between Azerbaijan and Serbia\nSerbian Defense Minister signed.', ['Military-technical cooperation between Azerbaijan and Serbia', 'Serbian Defense Minister signed.']],
    ['U.S. officials met Iraqi leaders in Washington D.C. on Monday.', ['U.S. officials met Iraqi leaders in Washington D.C. on Monday.']],
    ['First line\n\nSecond line', ['First line', 'Second line']],
  ])('%j', (text, expected) => {
    expect(split(text).map((s) => s.text)).toEqual(expected);
  });
});

describe('sentences: tokens', () => {
  const text = 'In the first days, the “turkish” Anadolu Agency reported that Serbia’s army didn’t stop.';
  const [s] = split(text);

  it('token offsets point at the token in the story text', () => {
    for (const t of s!.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('sentence offsets hold the sentence text', () => {
    expect(text.slice(s!.start, s!.end)).toBe(s!.text);
  });

  it('lower-case forms fold curly quotes; irregular verbs get their base form', () => {
    const lowers = s!.tokens.map((t) => t.lower);
    expect(lowers).toContain("'s");
    expect(s!.tokens.find((t) => t.text === 'did')?.lemma).toBe('do');
  });

  it('tags parts of speech', () => {
    expect(s!.tokens.find((t) => t.text === 'reported')?.pos).toBe('VERB');
    expect(s!.tokens.find((t) => t.text === 'Serbia')?.pos).toBe('PROPN');
  });

  it('an empty text has no sentences', () => {
    expect(split('   ')).toEqual([]);
  });
});
