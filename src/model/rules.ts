import type { CompiledRule, Lexicon, PatternElement, RuleSpec } from '../types.js';

export const PLOVER_TYPES = new Set([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
]);
const FRAMES = new Set(['promise', 'future', 'threat', 'refuse', 'demand', 'attempt', 'negation', 'hypothetical']);

export class RuleError extends Error {}

/**
 * Compile one rule pattern. Elements, separated by spaces:
 *   word | a|b          a token whose lemma or lower-case form is one of the words
 *   $class | $a|word    a word from the lexicon class (or classes and words)
 *   @POS | @A|B         a token with one of these part-of-speech tags
 *   <actor>             an actor mention
 *   ...  | ...N         a gap of up to 3 (or N) tokens within the clause
 *   suffix :v           the word must not be a noun ("support:v" skips "verbal support")
 *   suffix ?            optional element; prefix ^ marks the head (default: first word element)
 */
export function compileRule(spec: RuleSpec, lexicon: Lexicon, where: string): CompiledRule {
  const id = spec.id ?? `${spec.event}:${spec.match}`;
  if (typeof spec.match !== 'string' || !spec.match.trim()) throw new RuleError(`${where}: rule needs a non-empty "match"`);
  if (spec.event !== 'FRAME' && spec.event !== 'NONE' && !PLOVER_TYPES.has(spec.event)) throw new RuleError(`${where}: unknown event type "${spec.event}"`);
  if (spec.event === 'FRAME' && (!spec.frame || !FRAMES.has(spec.frame))) throw new RuleError(`${where}: a FRAME rule needs "frame" (one of ${[...FRAMES].join(', ')})`);
  if (typeof spec.reason !== 'string' || !spec.reason) throw new RuleError(`${where}: rule "${spec.match}" needs a "reason"`);
  const elements: PatternElement[] = [];
  let head = -1;
  for (let raw of spec.match.trim().split(/\s+/)) {
    if (raw.startsWith('^')) {
      head = elements.length;
      raw = raw.slice(1);
    }
    const gap = /^\.\.\.(\d*)$/.exec(raw);
    if (gap) {
      elements.push({ kind: 'gap', max: gap[1] ? Number(gap[1]) : 3 });
      continue;
    }
    const optional = raw.endsWith('?') && raw.length > 1;
    if (optional) raw = raw.slice(0, -1);
    if (raw === '<actor>') elements.push({ kind: 'actor', optional });
    else if (raw.includes('$')) {
      const words = new Set<string>();
      const verbal = new Set<string>();
      for (const part of raw.split('|')) {
        if (!part.startsWith('$')) {
          addWord(part, words, verbal);
          continue;
        }
        const cls = lexicon.classes.get(part.slice(1));
        if (!cls) throw new RuleError(`${where}: unknown word class "${part}" in "${spec.match}"`);
        cls.forEach((w) => words.add(w));
      }
      elements.push({ kind: 'class', name: raw, words, optional, verbal });
    } else if (raw.startsWith('@')) elements.push({ kind: 'pos', tags: new Set(raw.slice(1).toUpperCase().split('|')), optional });
    else {
      const words = new Set<string>();
      const verbal = new Set<string>();
      for (const part of raw.split('|')) addWord(part, words, verbal);
      elements.push({ kind: 'word', words, optional, verbal });
    }
  }
  const first = elements[0];
  if (!first || (first.kind !== 'word' && first.kind !== 'class') || first.optional) {
    throw new RuleError(`${where}: pattern "${spec.match}" must start with a required word or $class`);
  }
  if (head < 0) head = 0;
  return { id, spec: { ...spec, priority: spec.priority ?? 0 }, elements, anchors: [...first.words], headElement: head };
}

/**
 * Inflected forms of a pattern word, so rules do not depend on the lemmatiser:
 * "stage" also matches "stages", "staged", "staging".
 */
export function inflections(w: string): string[] {
  if (!/^[a-z]{3,}$/.test(w)) return [w];
  const out = new Set([w, `${w}s`, `${w}ing`, `${w}ed`]);
  if (w.endsWith('e')) out.add(`${w}d`).add(`${w.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(w)) out.add(`${w.slice(0, -1)}ies`).add(`${w.slice(0, -1)}ied`);
  if (/(s|x|z|ch|sh)$/.test(w)) out.add(`${w}es`);
  // Doubled final consonants ("shipped", "cancelled", "committed"); a wrong extra form matches nothing.
  if (/[^aeiou][aeiou][bdglmnprt]$/.test(w)) out.add(`${w}${w.slice(-1)}ed`).add(`${w}${w.slice(-1)}ing`);
  return [...out];
}

/** A pattern word and its inflections; "word:v" must not be a noun in the text. */
function addWord(part: string, words: Set<string>, verbal: Set<string>): void {
  const raw = part.toLowerCase().replace(/[’‘]/g, "'");
  const isVerbal = raw.endsWith(':v');
  for (const w of inflections(isVerbal ? raw.slice(0, -2) : raw)) {
    words.add(w);
    if (isVerbal) verbal.add(w);
  }
}

/** Index rules by the words that can start them. */
export function indexRules(rules: readonly CompiledRule[]): Map<string, CompiledRule[]> {
  const map = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    for (const a of rule.anchors) {
      const list = map.get(a) ?? [];
      list.push(rule);
      map.set(a, list);
    }
  }
  return map;
}
