/**
 * How acts count: certainty weights, what aligns a partner with a focal state or against it, and what kind of
 * support an act delivers. Every table here is cited in docs/analysis.md. Pure.
 */
import type { Act, Certainty, Evidence, PloverEventType, SupportKind } from '../types.js';

/** Verbal cooperation: the words of a partnership. */
export const WORDS: ReadonlySet<PloverEventType> = new Set(['AGREE', 'SUPPORT', 'CONSULT']);
/** Material cooperation: deeds that help the recipient. */
export const HELP: ReadonlySet<PloverEventType> = new Set(['AID', 'COOPERATE']);
/** Verbal hostility (PROTEST between states is a diplomatic protest, counted as words). */
export const HOSTILE_WORDS: ReadonlySet<PloverEventType> = new Set(['ACCUSE', 'REJECT', 'THREATEN', 'PROTEST']);
/** Material hostility. */
export const HARM: ReadonlySet<PloverEventType> = new Set(['SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);

/** The weight of an act by how certain its claim is. Imported dataset events (null) count as asserted. */
export const CERTAINTY_WEIGHT: Readonly<Record<Certainty, number>> = {
  asserted: 1, confirmed: 1, reported: 0.5, alleged: 0.5, hedged: 0.5, denied: 0,
};

/**
 * An act's weight; with `confirmedOnly`, claims that are only reported, alleged or hedged weigh nothing. An aggregate
 * act weighs as many events as it stands for.
 */
export function weightOf(a: Pick<Act, 'certainty' | 'n'>, confirmedOnly = false): number {
  const n = a.n ?? 1;
  if (a.certainty === null) return n;
  const w = CERTAINTY_WEIGHT[a.certainty];
  return (confirmedOnly && w < 1 ? 0 : w) * n;
}

export interface Alignment {
  readonly side: 'aligned' | 'misaligned';
  readonly kind: 'verbal' | 'material';
  readonly reason: string;
}

/**
 * Where a partner's act falls in a test of its partnership with `focal` against `adversary`:
 * support or aid to the focal state, or sanctions on or accusations against the adversary, align it; aid to,
 * cooperation with or support for the adversary, or hostile acts toward the focal state, misalign it.
 */
export function alignmentOf(a: Act, focal: string, adversary: string): Alignment | null {
  const e = a.event;
  if (a.recipient === focal) {
    if (WORDS.has(e)) return { side: 'aligned', kind: 'verbal', reason: `${e} toward ${focal}` };
    if (HELP.has(e)) return { side: 'aligned', kind: 'material', reason: `${e} to ${focal}` };
    if (HOSTILE_WORDS.has(e)) return { side: 'misaligned', kind: 'verbal', reason: `${e} against ${focal}` };
    if (HARM.has(e)) return { side: 'misaligned', kind: 'material', reason: `${e} against ${focal}` };
  } else if (a.recipient === adversary) {
    if (HOSTILE_WORDS.has(e)) return { side: 'aligned', kind: 'verbal', reason: `${e} against the adversary ${adversary}` };
    if (HARM.has(e)) return { side: 'aligned', kind: 'material', reason: `${e} against the adversary ${adversary}` };
    if (e === 'SUPPORT' || e === 'AGREE') return { side: 'misaligned', kind: 'verbal', reason: `${e} toward the adversary ${adversary}` };
    if (HELP.has(e)) return { side: 'misaligned', kind: 'material', reason: `${e} to the adversary ${adversary}` };
  }
  return null;
}

/** Words in modes and contexts that name a kind of support. */
const KIND_WORDS: readonly [SupportKind, RegExp][] = [
  ['economic', /human/],
  ['military', /milit|arms|weapon|defen[cs]e|security|troop|ammunition|drone|peacekeep|heavy-weapons|intelligence/],
  ['technology', /techn|cyber|nuclear|space|research|science|digital/],
  ['economic', /econom|human|trade|financ|loan|invest|energy|aid|humanitarian|develop|infrastructure|agricult|health/],
  ['diplomatic', /diplom|political|judicial|legal|asylum|refugee/],
];

/** The kind of support an act delivers: SUPPORT is diplomatic; AID and COOPERATE by mode and context, else economic. */
export function supportKind(a: Act): SupportKind | null {
  if (a.event === 'SUPPORT') return 'diplomatic';
  if (!HELP.has(a.event)) return null;
  const text = [...a.mode, ...a.context].join(' ').toLowerCase();
  for (const [kind, re] of KIND_WORDS) if (re.test(text)) return kind;
  return 'economic';
}

/**
 * Evidence counted once per real-world event: of the acts in one cluster (or one unclustered event) on the same
 * side, the best-supported one. Many reports of one delivery are one delivery.
 */
export function oncePerEvent(evidence: readonly Evidence[]): Evidence[] {
  const best = new Map<string, Evidence>();
  for (const e of evidence) {
    const key = `${e.side}|${e.kind}|${e.act.cluster !== null ? `c${e.act.cluster}` : `e${e.act.id}`}`;
    const prev = best.get(key);
    if (!prev || Math.abs(e.weight) > Math.abs(prev.weight)) best.set(key, e);
  }
  return [...best.values()];
}
