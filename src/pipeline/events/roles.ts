import type { ActorMention, Token } from '../../types.js';

const OBJECT_PREPS = new Set([
  'of', 'to', 'with', 'by', 'against', 'from', 'for', 'on', 'at', 'in', 'into', 'towards', 'toward', 'over', 'under',
  'between', 'among', 'about', 'regarding', 'onto', 'upon', 'than', 'like', 'unlike', 'near', 'across', 'through', 'within', 'inside', 'outside', 'via', 'per',
]);
const SKIPPABLE = new Set(['DET', 'ADJ', 'NUM']);
/** Words that open a noun phrase whatever their tag: "Ousted President X", "the embattled leader". */
const NP_MODIFIERS = new Set(['former', 'ethnic', 'ousted', 'exiled', 'jailed', 'embattled', 'detained', 'deposed', 'late', 'slain', 'outgoing', 'elected', 'angry', 'armed', 'radical', 'united', 'unidentified', 'suspected', 'alleged', 'so-called']);
/** "Thousands of Nigerians", "up to 100 ethnic Albanians", "a group of leaders": the people are the head. */
const QUANTITY = new Set(['thousands', 'hundreds', 'dozens', 'tens', 'millions', 'scores', 'group', 'groups', 'number', 'some', 'many', 'most', 'majority', 'members', 'member', 'hundred', 'thousand', 'million', 'crowd', 'crowds', 'delegation', 'team', 'all', 'both']);
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const POSSESSIVE_PRONOUNS = new Set(['their', 'its', 'his', 'her']);
/** Nouns for a state's organs that a possessive pronoun can own: "their forces", "its army". */
const AGENT_NOUNS = new Set(['forces', 'troops', 'army', 'military', 'government', 'police', 'soldiers', 'officials', 'ministry', 'leaders', 'leader', 'navy', 'authorities', 'diplomats', 'embassy', 'president', 'fighters', 'militias']);
const agentNoun = (t: Token | undefined): boolean => t !== undefined && AGENT_NOUNS.has(t.lower);
const RELATIVES = new Set(['who', 'which', 'that']);
export const CLAUSE_STOP = new Set([';']);
/** Words after which a verb's object can no longer be: a new clause begins. */
const OBJECT_STOP = new Set(['when', 'while', 'whom', 'which', 'who', 'whose', 'because', 'although', 'whereas']);
const STANCE_PARTICIPLES = new Set(['opposed', 'committed', 'dedicated', 'devoted', 'determined', 'prepared', 'inclined', 'resolved', 'used', 'entitled']);
/** Verbs after which a mention opens a reported clause: "said Serbia ...". */
const REPORTING = /^(say|says|said|report|reports|reported|add|added|announce|announced)$/;

/** True when a mention can be a clause subject: not the object of a verb or a preposition. */
export function isSubjectPosition(m: ActorMention, tokens: readonly Token[]): boolean {
  let k = m.start - 1;
  let skipped = 0;
  for (;;) {
    while (k >= 0 && skipped < 6 && (SKIPPABLE.has(tokens[k]!.pos) || NP_MODIFIERS.has(tokens[k]!.lower))) {
      k--;
      skipped++;
    }
    if (k >= 1 && tokens[k]!.lower === 'to' && tokens[k - 1]!.lower === 'up') k -= 2;
    else if (k >= 1 && tokens[k]!.lower === 'of' && (QUANTITY.has(tokens[k - 1]!.lower) || tokens[k - 1]!.pos === 'NUM')) k -= 2;
    else if (k >= 1 && tokens[k]!.lower === 'than' && tokens[k - 1]!.lower === 'more') k -= 2;
    else break;
  }
  if (isModifier(m, tokens)) return false;
  if (k < 0) return true;
  const prev = tokens[k]!;
  if (OBJECT_PREPS.has(prev.lower)) return false;
  if (prev.pos === 'VERB' && !REPORTING.test(prev.lower)) return false;
  return true;
}

/**
 * A bare demonym before a noun ("Serbian origin", "Armenian occupation"), or a country name inside a noun
 * phrase ("a key U.S. ally"), modifies that noun: it is no actor.
 */
function isModifier(m: ActorMention, tokens: readonly Token[]): boolean {
  if (m.entity.sector || m.possessive) return false;
  const next = tokens[m.end];
  // "a U.S. drone strike", "Israeli airstrikes": the state wields the weapon named next.
  if (next && (WEAPON_NOUNS.has(next.lower) || WEAPON_NOUNS.has(tokens[m.end + 1]?.lower ?? ''))) return false;
  if (next === undefined || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) return false;
  if (m.kind === 'demonym') return true;
  const prev = tokens[m.start - 1];
  return (m.kind === 'country' || m.kind === 'capital') && prev !== undefined && (prev.pos === 'ADJ' || (prev.pos === 'DET' && prev.lower !== 'the'));
}

const WEAPON_NOUNS = new Set(['strike', 'strikes', 'airstrike', 'airstrikes', 'drone', 'drones', 'missile', 'missiles', 'raid', 'raids', 'attack', 'attacks', 'bombing', 'bombings', 'shelling', 'rocket', 'rockets', 'artillery', 'warplanes', 'jets', 'offensive', 'bombardment', 'incursion', 'invasion', 'blockade']);

const JOIN_WORDS = new Set(['and', ',', '&', 'both', 'the', 'former', 'a', 'an', 'its', 'their']);

/**
 * Mentions joined to `m` by "and" or list commas, on the given side: "Hungary and Romania", "A, B and C".
 * A bare comma joins only inside a list that has an "and", so appositions and clauses stay apart.
 */
export function compound(m: ActorMention, mentions: readonly ActorMention[], tokens: readonly Token[], side: 'left' | 'right'): ActorMention[] {
  const chain = [m];
  const joins: boolean[] = [];
  let cur = m;
  for (;;) {
    const next = side === 'left'
      ? mentions.filter((x) => x.end < cur.start && x.end >= cur.start - 4).sort((a, b) => b.end - a.end).find((x) => isJoiner(tokens, x.end, cur.start))
      : mentions.filter((x) => x.start > cur.end && x.start <= cur.end + 4).sort((a, b) => a.start - b.start).find((x) => isJoiner(tokens, cur.end, x.start));
    // "Russian advisers and Iran expelled ...": a mention followed by its own verb starts a new clause.
    // On the left, an object of an earlier verb ("kidnapped Russian advisers and Iran ...") is no co-subject.
    if (!next || chain.includes(next) || (side === 'right' ? startsClause(next, tokens) : !isSubjectPosition(next, tokens))) break;
    joins.push(hasAnd(tokens, side === 'left' ? next.end : cur.end, side === 'left' ? cur.start : next.start));
    chain.push(next);
    cur = next;
  }
  // Keep the chain up to the last "and": "A, B and C" → all three; "X, Y" → X alone.
  const lastAnd = side === 'left' ? (joins[0] ? joins.length : 0) : joins.lastIndexOf(true) + 1;
  return chain.slice(0, lastAnd + 1).sort((a, b) => a.start - b.start);
}

function startsClause(m: ActorMention, tokens: readonly Token[]): boolean {
  const after = tokens[m.end];
  return after !== undefined && (after.pos === 'VERB' || after.pos === 'AUX');
}

function hasAnd(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.lower === 'and' || tokens[k]!.lower === '&') return true;
  return false;
}

function isJoiner(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from) return false;
  let sawJoin = false;
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.lower;
    if (!JOIN_WORDS.has(w)) return false;
    if (w === 'and' || w === ',' || w === '&') sawJoin = true;
  }
  return sawJoin;
}

export interface SubjectResult {
  readonly mentions: readonly ActorMention[];
  readonly via: string;
}

/**
 * The subject of a clause whose verb group starts at `from`, scanning left: the nearest subject pronoun
 * (resolved to its antecedent: "Iraq said it would allow") or the nearest mention in subject position.
 * A relative pronoun takes the mention just before it, or ends the search when there is none.
 */
export function findSubject(tokens: readonly Token[], mentions: readonly ActorMention[], from: number, excluded: ReadonlySet<ActorMention>, previous: readonly ActorMention[]): SubjectResult | undefined {
  let floor = 0;
  for (let k = from - 1; k >= 0; k--) if (CLAUSE_STOP.has(tokens[k]!.lower)) { floor = k + 1; break; }
  const endingAt = new Map<number, ActorMention>();
  for (const m of mentions) if (m.start >= floor) endingAt.set(m.end, m);
  for (let k = from - 1; k >= floor; k--) {
    const m = endingAt.get(k + 1);
    if (m && !excluded.has(m) && isSubjectPosition(m, tokens)) {
      return { mentions: compound(m, mentions, tokens, 'left'), via: `subject "${m.entity.entity_text}"` };
    }
    const t = tokens[k]!;
    const word = t.lower;
    if (RELATIVES.has(word) && t.pos === 'PRON') {
      const ante = endingAt.get(k) ?? (tokens[k - 1]?.lower === ',' ? endingAt.get(k - 1) : undefined);
      if (!ante) return undefined;
      return { mentions: compound(ante, mentions, tokens, 'left'), via: `relative "${word}" → ${ante.entity.entity_text}` };
    }
    const possessiveAgent = POSSESSIVE_PRONOUNS.has(word) && agentNoun(tokens[k + 1]);
    if ((t.pos === 'PRON' && SUBJECT_PRONOUNS.has(word)) || possessiveAgent) {
      const ante = mentions.filter((x) => x.end <= k && x.start >= floor && isSubjectPosition(x, tokens)).sort((a, b) => b.end - a.end)[0];
      if (ante) return { mentions: compound(ante, mentions, tokens, 'left'), via: `pronoun "${word}" → ${ante.entity.entity_text}` };
      if (previous.length) return { mentions: previous, via: `pronoun "${word}" → ${previous[0]!.entity.entity_text} (previous sentence)` };
      return undefined;
    }
    if (m && m.start < k) k = m.start;
  }
  return undefined;
}

/** The first mention after `from` in the same clause, with its compound partners. */
export function findObject(tokens: readonly Token[], mentions: readonly ActorMention[], from: number, excluded: ReadonlySet<ActorMention>, opts: { skipBy: boolean; limit: number }): ActorMention[] {
  let ceiling = Math.min(tokens.length, from + opts.limit);
  for (let k = from; k < ceiling; k++) {
    const w = tokens[k]!.lower;
    if (CLAUSE_STOP.has(w) || w === 'according' || (k > from && OBJECT_STOP.has(w))) {
      ceiling = k;
      break;
    }
  }
  const first = mentions
    .filter((m) => m.start >= from && m.start < ceiling && !excluded.has(m))
    .filter((m) => !(opts.skipBy && m.start > 1 && tokens[m.start - 1]!.lower === 'by' && tokens[m.start - 2]!.pos !== 'NOUN'))
    .sort((a, b) => a.start - b.start);
  let chosen = first[0];
  // "an agreement with Turkey's rival Greece": the possessor only describes the party that follows;
  // not in "Sweden's NATO membership" or "Saudi Arabia's position on Yemen".
  const next = first[1];
  if (chosen?.possessive && next && next.start <= chosen.end + 3 && next.start > chosen.end + 1) {
    let nouns = true;
    for (let k = chosen.end + 1; k < next.start; k++) if (tokens[k]!.pos !== 'NOUN' && tokens[k]!.pos !== 'ADJ') nouns = false;
    if (nouns) chosen = next;
  }
  return chosen ? compound(chosen, mentions, tokens, 'right') : [];
}

/** The agent of a passive verb: the mention after "by". */
export function findAgent(tokens: readonly Token[], mentions: readonly ActorMention[], from: number, limit: number): ActorMention[] {
  for (let k = from; k < Math.min(tokens.length, from + limit); k++) {
    if (CLAUSE_STOP.has(tokens[k]!.lower) || tokens[k]!.lower === 'according') return [];
    if (tokens[k]!.lower !== 'by') continue;
    const m = mentions.find((x) => x.start > k && x.start <= k + 3);
    if (m) return compound(m, mentions, tokens, 'right');
  }
  return [];
}

/** Whether token `k` is an "of" or "for" that opens a gerund: "accused Russia of attacking", "blamed for shelling". */
export const opensGerund = (tokens: readonly Token[], k: number): boolean =>
  (tokens[k]?.lower === 'of' || tokens[k]?.lower === 'for') && tokens[k + 1]?.lower.endsWith('ing') === true;

/** True when the head verb is a passive participle: "was attacked", "has been accused". */
export function isPassive(tokens: readonly Token[], head: number): boolean {
  const h = tokens[head]!;
  if (h.pos !== 'VERB' || !/(ed|en|wn|ne|t)$/.test(h.lower)) return false;
  // "is opposed to", "is committed to": adjectives of stance, not passives.
  if (STANCE_PARTICIPLES.has(h.lower) && tokens[head + 1]?.lower === 'to') return false;
  // A participle set off by a comma with its agent: "Somali soldiers, supported by the U.S. military, ...".
  if (tokens[head - 1]?.lower === ',' && tokens[head + 1]?.lower === 'by') return true;
  for (let k = head - 1; k >= Math.max(0, head - 3); k--) {
    const t = tokens[k]!;
    if (t.lemma === 'be' || t.lemma === 'get' || t.lower === 'gets' || t.lower === 'getting') return !(k > 0 && tokens[k - 1]!.lower === 'there');
    if (t.pos !== 'ADV' && t.pos !== 'PART') return false;
  }
  return false;
}
