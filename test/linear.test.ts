import { describe, expect, it } from 'vitest';
import { codeStory } from '../src/pipeline/index.js';
import { model } from './helpers.js';

const paragraph = 'Serbia delivered artillery to the Armenian army on Monday, Turkish officials said. Iran threatened to attack Iraq. '
  + 'Heavy rain fell on Baku while markets were calm and nobody said anything about anything at all in the long afternoon ';

const time = (text: string): number => {
  const start = performance.now();
  codeStory({ id: 'big', text, date: '2021-12-01' }, model());
  return performance.now() - start;
};

describe('coding cost grows linearly with story size', () => {
  it('a story four times longer takes about four times as long (no catastrophic pattern)', () => {
    const small = paragraph.repeat(1500);
    time(small.slice(0, 20_000));
    const a = Math.min(time(small), time(small));
    const b = Math.min(time(small.repeat(4)), time(small.repeat(4)));
    expect(b / a).toBeLessThan(7);
  });

  it('a sentence without a full stop for 200,000 characters still codes', () => {
    const runOn = 'Serbia attacked Kosovo and '.repeat(8000);
    const start = performance.now();
    const coded = codeStory({ id: 'runon', text: runOn }, model());
    expect(coded.records.length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(30_000);
  });
});

describe('HTML with broken markup strips in linear time', () => {
  it.each([
    ['bare "<"', 'a < b '],
    ['unclosed comments', '<!-- x '],
    ['unclosed scripts', '<script> x '],
    // A few words between tags: a tag every two bytes measures V8's string building more than the scan.
    ['unclosed menus', '<nav> one two three '],
    ['unopened menus', '</nav> one two three '],
  ])('%s', async (_name, unit) => {
    const { htmlToText } = await import('../src/pipeline/normalize/index.js');
    const time = (n: number): number => {
      const text = unit.repeat(n);
      const start = performance.now();
      htmlToText(text);
      return performance.now() - start;
    };
    time(20_000);
    // Linear work grows 4x from 100,000 to 400,000 units, quadratic 16x; timing noise is allowed for.
    const a = Math.max(Math.min(time(100_000), time(100_000)), 2);
    const b = Math.min(time(400_000), time(400_000));
    expect(b / a).toBeLessThan(10);
  });
});
