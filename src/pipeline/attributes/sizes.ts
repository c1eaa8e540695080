import type { Model, Sentence, Size, Token } from '../../types.js';

const BOUNDARY = new Set([';', 'which', 'that', 'who', 'when', 'while', 'where', 'because', ':']);
const LOST_LIVES = /^(lose|lost)$/;

/** A number at token `i`: digits ("1,000", "23"), words ("eleven", "twenty - three"), or "a"/"the" + singular person. */
function numberAt(t: readonly Token[], i: number, model: Model): { value: number; len: number } | undefined {
  const tok = t[i];
  if (!tok) return undefined;
  const digits = /^\d{1,3}(,\d{3})*$|^\d+$/.test(tok.text) ? Number(tok.text.replace(/,/g, '')) : undefined;
  if (digits !== undefined) return { value: digits, len: 1 };
  const n = model.lexicon.numbers;
  const word = n.get(tok.lower);
  if (word === undefined) return undefined;
  if (t[i + 1]?.lower === '-' && n.has(t[i + 2]?.lower ?? '')) return { value: word + n.get(t[i + 2]!.lower)!, len: 3 };
  if ((word === 100 || word === 1000) && i > 0) return undefined;
  const mult = n.get(t[i + 1]?.lower ?? '');
  if (mult === 100 || mult === 1000 || mult === 1_000_000) return { value: word * mult, len: 2 };
  return { value: word, len: 1 };
}

/** Sum of "N <persons>" groups in [from, to): "the general and 11 soldiers" is 12. A bare number right after the verb counts ("arresting 12"). */
function countPersons(t: readonly Token[], from: number, to: number, model: Model, bare = false): number {
  const persons = model.lexicon.classes.get('person')!;
  let total = 0;
  for (let i = from; i < to; i++) {
    const num = t[i]!.lower === 'the' ? { value: 1, len: 1 } : numberAt(t, i, model);
    if (!num) continue;
    let k = i + num.len;
    let steps = 0;
    while (k < to && steps < 3 && !persons.has(t[k]!.lower) && (t[k]!.pos === 'ADJ' || t[k]!.pos === 'PROPN' || t[k]!.pos === 'NOUN')) {
      k++;
      steps++;
    }
    if (k < to && persons.has(t[k]!.lower)) {
      const det = t[i]!.lower === 'a' || t[i]!.lower === 'an' || t[i]!.lower === 'the';
      if (det && /s$/.test(t[k]!.lower) && t[k]!.lower !== 'others') continue;
      total += num.value;
      i = k;
    } else if (/^\d/.test(t[i]!.text) && k === i + num.len && (t[k]?.lower === 'dead' || (bare && i === from && (k >= to || t[k]!.pos === 'PUNCT' || t[k]!.pos === 'ADP' || t[k]!.pos === 'CCONJ')))) {
      total += num.value;
    }
  }
  return total;
}

function groupBefore(t: readonly Token[], end: number, model: Model): number {
  let from = end;
  while (from > 0 && end - from < 15 && !BOUNDARY.has(t[from - 1]!.lower)) from--;
  return countPersons(t, from, end, model);
}

function groupAfter(t: readonly Token[], start: number, model: Model): number {
  let to = start;
  while (to < t.length && to - start < 8 && !BOUNDARY.has(t[to]!.lower) && t[to]!.lower !== ',' && t[to]!.pos !== 'VERB') to++;
  return countPersons(t, start, to, model, true);
}

/**
 * Casualties in a sentence: dead, injured and arrested, from numbers in words or digits next to the verbs.
 * "killed 23 people", "five people died", "an Azerbaijani general and 11 soldiers ... lost their lives" (12).
 */
export function extractSize(s: Sentence, model: Model): Size | undefined {
  const t = s.tokens;
  const c = model.lexicon.classes;
  const size: { dead?: number; injured?: number; arrested?: number } = {};
  const add = (key: 'dead' | 'injured' | 'arrested', n: number): void => {
    if (n > 0) size[key] = Math.max(size[key] ?? 0, n);
  };
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    let key: 'dead' | 'injured' | 'arrested' | undefined;
    if (LOST_LIVES.test(tok.lower) && (t[i + 1]?.lower === 'their' || t[i + 1]?.lower === 'his') && /^li(ves|fe)$/.test(t[i + 2]?.lower ?? '')) key = 'dead';
    else if (c.get('death')!.has(tok.lower) && tok.lower !== 'lives' && tok.lower !== 'death') key = 'dead';
    else if (c.get('injury')!.has(tok.lower)) key = 'injured';
    else if (c.get('arrest')!.has(tok.lower) && (tok.pos === 'VERB' || /(ing|ed)$/.test(tok.lower))) key = 'arrested';
    if (!key) continue;
    const objectLike = /ing$|^(killed|wounded|injured|arrested|detained)$/.test(tok.lower) && !(i > 0 && /^(were|was|been|be|are|is)$/.test(t[i - 1]!.lower));
    const n = objectLike ? groupAfter(t, i + 1, model) || groupBefore(t, i, model) : groupBefore(t, i, model) || groupAfter(t, i + 1, model);
    add(key, n);
  }
  const toll = /death toll (?:\w+ ){0,3}(?:to |at |of )?(?:more than |over |at least )?(\d[\d,]*)/i.exec(s.text);
  if (toll) add('dead', Number(toll[1]!.replace(/,/g, '')));
  if (size.dead === undefined && size.injured === undefined && size.arrested === undefined) return undefined;
  return { ...size, reason: 'casualty numbers next to death, injury or arrest words' };
}
