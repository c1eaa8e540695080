import type { ActorMention, CompiledRule, Model, PatternElement, Sentence, Token, Trigger } from '../../types.js';

const CLAUSE_BREAK = new Set([';', '.', '!', '?', ':']);

function tokenMatches(el: PatternElement, tok: Token): boolean {
  switch (el.kind) {
    case 'word':
    case 'class':
    {
      const key = el.words.has(tok.lower) ? tok.lower : el.words.has(tok.lemma) ? tok.lemma : undefined;
      if (key === undefined) return false;
      return !(el.verbal.has(key) && (tok.pos === 'NOUN' || tok.pos === 'PROPN'));
    }
    case 'pos':
      return el.tags.has(tok.pos);
    default:
      return false;
  }
}

/**
 * Match a compiled pattern at token `at`. Returns the end (exclusive) and the head token, or undefined.
 * Gaps never cross a clause break; the search is bounded by the pattern's length and gap sizes.
 */
export function matchAt(rule: CompiledRule, tokens: readonly Token[], at: number, mentionAt: ReadonlyMap<number, ActorMention>): { end: number; head: number } | undefined {
  const els = rule.elements;
  let head = at;
  const step = (e: number, i: number): number => {
    if (e === els.length) return i;
    const el = els[e]!;
    if (el.kind === 'gap') {
      for (let k = 0; k <= el.max && i + k <= tokens.length; k++) {
        if (k > 0 && CLAUSE_BREAK.has(tokens[i + k - 1]!.lower)) break;
        const r = step(e + 1, i + k);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (el.kind === 'actor') {
      const m = mentionAt.get(i);
      if (m) {
        const r = step(e + 1, m.end);
        if (r >= 0) return r;
      }
      return el.optional ? step(e + 1, i) : -1;
    }
    if (i < tokens.length && tokenMatches(el, tokens[i]!)) {
      const r = step(e + 1, i + 1);
      if (r >= 0) {
        if (e === rule.headElement) head = i;
        return r;
      }
    }
    return el.optional ? step(e + 1, i) : -1;
  };
  const end = step(0, at);
  return end >= 0 ? { end, head } : undefined;
}

/** "the detained journalists", "his alleged part": a participle between a determiner and its noun. */
function attributive(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i]!;
  if ((tok.pos !== 'VERB' && tok.pos !== 'ADJ') || !/ed$/.test(tok.lower) || i === 0) return false;
  if (!/^(DET|PRON)$/.test(tokens[i - 1]!.pos)) return false;
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  return next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ' || (next.pos === 'PROPN' && after?.pos === 'NOUN'));
}

/** Every rule that fires in a sentence; overlapping matches resolved by priority, then length. */
export function findTriggers(sentence: Sentence, mentions: readonly ActorMention[], model: Model): Trigger[] {
  const tokens = sentence.tokens;
  const mentionAt = new Map(mentions.map((m) => [m.start, m]));
  const inMention = new Uint8Array(tokens.length);
  for (const m of mentions) for (let k = m.start; k < m.end; k++) inMention[k] = 1;
  const found: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (inMention[i]) continue;
    const tok = tokens[i]!;
    const a = model.rulesByAnchor.get(tok.lemma);
    const b = tok.lower !== tok.lemma ? model.rulesByAnchor.get(tok.lower) : undefined;
    if (!a && !b) continue;
    // "the detained journalists": a participle used as an adjective describes, it is no event.
    if (attributive(tokens, i)) continue;
    for (const rule of b ? [...(a ?? []), ...b] : a!) {
      const hit = matchAt(rule, tokens, i, mentionAt);
      if (hit) found.push({ rule, start: i, end: hit.end, head: hit.head });
    }
  }
  found.sort((x, y) => (y.rule.spec.priority ?? 0) - (x.rule.spec.priority ?? 0) || (y.end - y.start) - (x.end - x.start) || x.start - y.start);
  const taken = new Uint8Array(tokens.length);
  const kept: Trigger[] = [];
  for (const t of found) {
    let clash = false;
    for (let k = t.start; k < t.end && !clash; k++) if (taken[k] && !(inMention[k])) clash = true;
    if (clash) continue;
    for (let k = t.start; k < t.end; k++) taken[k] = 1;
    kept.push(t);
  }
  return kept.sort((x, y) => x.start - y.start);
}
