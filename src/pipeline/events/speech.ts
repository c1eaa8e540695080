import type { ActorMention, Certainty, Model, Sentence, Token } from '../../types.js';
import { findAgent, findSubject, isPassive, opensGerund } from './roles.js';

/** A reporting clause: who says it, with which verb, and which tokens it covers. */
export interface SpeechFrame {
  readonly verb: string;
  readonly verbIndex: number;
  readonly claimant: readonly ActorMention[];
  readonly claimantText: string;
  /** Token range [from, to) of what is reported. */
  readonly scope: readonly [number, number];
  readonly certainty: Certainty;
}

const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PART']);
const NP_WORDS = new Set(["'s", 'of', 'and', '-']);

function certaintyOf(lemma: string, model: Model): Certainty {
  const c = model.lexicon.classes;
  if (c.get('report')!.has(lemma)) return 'reported';
  if (c.get('allege')!.has(lemma)) return 'alleged';
  if (c.get('confirm')!.has(lemma)) return 'confirmed';
  if (c.get('deny')!.has(lemma)) return 'denied';
  return 'asserted';
}

const textOf = (s: Sentence, a: number, b: number): string => (b > a ? s.text.slice(s.tokens[a]!.start - s.start, s.tokens[b - 1]!.end - s.start) : '');

/** The words from the first of `list` to the last ("Azerbaijan and Turkey"), or '' for none. */
const mentionsText = (s: Sentence, list: readonly ActorMention[]): string =>
  list.length ? textOf(s, Math.min(...list.map((m) => m.start)), Math.max(...list.map((m) => m.end))) : '';

/** The noun phrase ending just before `end`, going left (at most 8 tokens). */
function npBefore(tokens: readonly Token[], end: number): number {
  let k = end;
  while (k > 0 && end - k < 8) {
    const t = tokens[k - 1]!;
    if (!(NP_POS.has(t.pos) || NP_WORDS.has(t.lower)) || t.pos === 'PRON') break;
    k--;
  }
  return k;
}

/** The noun phrase starting at `start`, going right until a comma, verb or clause end (at most 10 tokens). */
function npAfter(tokens: readonly Token[], start: number): number {
  let k = start;
  while (k < tokens.length && k - start < 10) {
    const t = tokens[k]!;
    if (!(NP_POS.has(t.pos) || NP_WORDS.has(t.lower) || t.pos === 'ADP')) break;
    k++;
  }
  return k;
}

/**
 * Reporting clauses of a sentence: "X said (that) ...", "..., X said.", "according to X, ...".
 * The claimant is the mention in the clause, or the clause's noun phrase when it names no actor.
 */
export function findSpeechFrames(s: Sentence, mentions: readonly ActorMention[], model: Model): SpeechFrame[] {
  const t = s.tokens;
  const c = model.lexicon.classes;
  const frames: SpeechFrame[] = [];
  const isSpeech = (tok: Token): boolean => tok.pos === 'VERB' && ['speech', 'report', 'allege', 'confirm', 'deny'].some((k) => c.get(k)!.has(tok.lemma));
  // "reliable and confirmed information": a participle before its noun describes, it does not report.
  const adjectival = (k: number): boolean => {
    const prev = t[k - 1];
    const next = t[k + 1];
    return next !== undefined && next.pos === 'NOUN' && prev !== undefined && (prev.pos === 'ADJ' || prev.pos === 'CCONJ' || prev.pos === 'DET');
  };
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]!;
    if (tok.lower === 'according' && t[k + 1]?.lower === 'to') {
      const end = npAfter(t, k + 2);
      const claimant = mentions.filter((m) => m.start >= k + 2 && m.start < end);
      const scope: [number, number] = k < 2 ? [end, t.length] : [0, k];
      frames.push({ verb: 'according to', verbIndex: k, claimant, claimantText: textOf(s, k + 2, end), scope, certainty: 'reported' });
      continue;
    }
    if (!isSpeech(tok) || adjectival(k)) continue;
    const certainty = certaintyOf(tok.lemma, model);
    const start = npBefore(t, k);
    const trailing = start > 0 && t[start - 1]!.lower === ',' && k >= t.length - 8;
    if (trailing) {
      const claimant = mentions.filter((m) => m.start >= start && m.end <= k);
      frames.push({ verb: tok.lemma, verbIndex: k, claimant, claimantText: textOf(s, start, k), scope: [0, start - 1], certainty });
      continue;
    }
    // "Serbia was accused of sending", "is alleged to have": the subject is who the claim is about; the claimant is
    // the "by" agent, or unnamed.
    if (isPassive(t, k)) {
      const agent = findAgent(t, mentions, k + 1, 6);
      frames.push({ verb: tok.lemma, verbIndex: k, claimant: agent, claimantText: mentionsText(s, agent), scope: [k + 1, t.length], certainty });
      continue;
    }
    const found = findSubject(t, mentions, k, new Set(), []);
    const subject = found && found.mentions[0]!.end >= k - 12 ? found.mentions : undefined;
    const from = subject ? Math.min(...subject.map((m) => m.start)) : start;
    const claimant = subject ?? mentions.filter((m) => m.start >= start && m.end <= k);
    if (from === k && !subject) continue;
    frames.push({ verb: tok.lemma, verbIndex: k, claimant, claimantText: textOf(s, from, k), scope: [k + 1, t.length], certainty });
  }
  return [...frames, ...accusations(s, mentions, model)];
}

/**
 * "Azerbaijan accused Serbia of sending", "Serbia was blamed by Azerbaijan for supplying": what the gerund names is
 * the accuser's claim, alleged. The claimant is the accuser: the subject, or in the passive the "by" agent (else
 * unnamed). The accused must follow the verb as a named party: "accusing it of" leaves the event as it was.
 */
function accusations(s: Sentence, mentions: readonly ActorMention[], model: Model): SpeechFrame[] {
  const t = s.tokens;
  const accuse = model.lexicon.classes.get('accuse')!;
  const out: SpeechFrame[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t[k]!.pos !== 'VERB' || !accuse.has(t[k]!.lemma)) continue;
    let j = k + 1;
    let claimant: readonly ActorMention[];
    if (isPassive(t, k)) {
      claimant = findAgent(t, mentions, k + 1, 6);
      if (claimant.length) j = Math.max(...claimant.map((m) => m.end));
    } else {
      if (t[j]?.pos === 'DET') j++;
      const accused = mentions.find((m) => m.start === j);
      if (!accused) continue;
      j = accused.end;
      claimant = findSubject(t, mentions, k, new Set(), [])?.mentions ?? [];
    }
    if (!opensGerund(t, j)) continue;
    out.push({ verb: t[k]!.lemma, verbIndex: k, claimant, claimantText: mentionsText(s, claimant), scope: [j + 1, t.length], certainty: 'alleged' });
  }
  return out;
}

/** The innermost reporting clause whose scope holds token `i`. */
export function frameFor(frames: readonly SpeechFrame[], i: number): SpeechFrame | undefined {
  return frames.filter((f) => i >= f.scope[0] && i < f.scope[1]).sort((a, b) => (a.scope[1] - a.scope[0]) - (b.scope[1] - b.scope[0]))[0];
}
