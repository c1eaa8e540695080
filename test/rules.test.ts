import { describe, expect, it } from 'vitest';
import { compileRule, inflections, RuleError } from '../src/model/rules.js';
import { matchAt } from '../src/pipeline/events/match.js';
import { splitSentences } from '../src/pipeline/sentences/index.js';
import type { RuleSpec } from '../src/types.js';
import { model } from './helpers.js';

const fires = (match: string, text: string): string | undefined => {
  const rule = compileRule({ match, event: 'AID', reason: 'test' }, model().lexicon, 'test');
  const tokens = splitSentences({ id: 'r', text }, model().nlp)[0]!.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const hit = matchAt(rule, tokens, i, new Map());
    if (hit) return tokens.slice(i, hit.end).map((t) => t.text).join(' ');
  }
  return undefined;
};

describe('rules: pattern language', () => {
  it.each([
    ['send arms', 'Serbia sends arms.', 'sends arms'],
    ['send ...3 $arms', 'Serbia sent large quantities of ammunition.', 'sent large quantities of ammunition'],
    ['send ...2 $arms', 'Serbia sent large quantities of old ammunition.', undefined],
    ['stage|hold ...4 protest|rally', 'Students staged a big rally.', 'staged a big rally'],
    ['support:v', 'Germany supported the plan.', 'supported'],
    ['support:v', 'It was only verbal support.', undefined],
    ['did not? attack', 'They did attack.', 'did attack'],
    ['withdraw ...4 troops', 'Russia withdrew its troops.', 'withdrew its troops'],
    ['send ...4 $arms', 'Serbia sent. Then ammunition arrived.', undefined],
  ])('%j on %j → %j', (match, text, expected) => {
    expect(fires(match, text)).toBe(expected);
  });

  it('inflections cover regular verb forms', () => {
    expect(inflections('stage')).toEqual(expect.arrayContaining(['stages', 'staged', 'staging']));
    expect(inflections('ship')).toEqual(expect.arrayContaining(['shipped', 'shipping']));
    expect(inflections('deny')).toEqual(expect.arrayContaining(['denied', 'denies']));
  });
});

describe('rules: errors name the rule', () => {
  it.each([
    [{ match: '', event: 'AID', reason: 'x' }, /non-empty "match"/],
    [{ match: 'give', event: 'GIFT', reason: 'x' }, /unknown event type "GIFT"/],
    [{ match: 'give', event: 'AID', reason: '' }, /needs a "reason"/],
    [{ match: 'give $weapons', event: 'AID', reason: 'x' }, /unknown word class "\$weapons"/],
    [{ match: '...3 give', event: 'AID', reason: 'x' }, /must start with a required word/],
    [{ match: 'will', event: 'FRAME', reason: 'x' }, /FRAME rule needs "frame"/],
  ] as [RuleSpec, RegExp][])('%j', (spec, message) => {
    expect(() => compileRule(spec, model().lexicon, 'mine.yaml rule 3')).toThrow(RuleError);
    expect(() => compileRule(spec, model().lexicon, 'mine.yaml rule 3')).toThrow(/mine\.yaml rule 3/);
    expect(() => compileRule(spec, model().lexicon, 'mine.yaml rule 3')).toThrow(message);
  });
});
