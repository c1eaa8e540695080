/**
 * Question 4: where A's words to B and A's deeds that mattered to B diverge. Words are A's verbal cooperation toward
 * B; deeds are A's material acts toward B, and toward B's adversaries inside B's crisis windows. Pure.
 */
import type { Act, CrisisWindow, Evidence, GapPeriod, GapReport, PeriodUnit } from '../types.js';
import { inWindow, isDated, round2 } from './acts.js';
import { HARM, HELP, HOSTILE_WORDS, oncePerEvent, WORDS, weightOf } from './classify.js';
import { addYears, periodOf, periodsBetween } from './periods.js';

export interface GapOptions {
  readonly by: PeriodUnit;
  /** B's crisis windows: deeds toward their adversaries inside them count. */
  readonly crises: readonly CrisisWindow[];
  /** Words that frame a period's deeds: from this many years before the period... (default 10) */
  readonly lookbackYears?: number;
  /** ...to this many years after it (default 2). */
  readonly followYears?: number;
  readonly confirmedOnly?: boolean;
}

/** An act of A scored as words (said) or a signed deed (did), or null when it is neither. */
function score(act: Act, a: string, b: string, crises: readonly CrisisWindow[], confirmedOnly: boolean): Evidence | null {
  if (act.actor !== a) return null;
  const w = weightOf(act, confirmedOnly);
  if (w === 0) return null;
  if (act.recipient === b) {
    if (WORDS.has(act.event)) return { act, side: 'said', kind: 'verbal', weight: w, reason: `${act.event} toward ${b}` };
    if (HOSTILE_WORDS.has(act.event)) return { act, side: 'said', kind: 'verbal', weight: -w, reason: `${act.event} against ${b}` };
    if (HELP.has(act.event)) return { act, side: 'did', kind: 'material', weight: w, reason: `${act.event} to ${b}` };
    if (HARM.has(act.event)) return { act, side: 'did', kind: 'material', weight: -w, reason: `${act.event} against ${b}` };
    return null;
  }
  const during = crises.filter((c) => c.adversary === act.recipient);
  if (during.length === 0 || !(HELP.has(act.event) || HARM.has(act.event))) return null;
  const inside = isDated(act) ? during.find((c) => inWindow(act, c.from, c.to)) : undefined;
  if (isDated(act) && !inside) return null;
  const when = inside ? `during ${inside.name ?? `${b}'s crisis`} (${inside.from} to ${inside.to})` : `${b}'s adversary in a crisis; undated`;
  return HELP.has(act.event)
    ? { act, side: 'did', kind: 'material', weight: -w, reason: `${act.event} to ${act.recipient}, ${when}` }
    : { act, side: 'did', kind: 'material', weight: w, reason: `${act.event} against ${act.recipient}, ${when}` };
}

const total = (list: readonly Evidence[]): number => round2(oncePerEvent(list).reduce((s, e) => s + e.weight, 0));

export function sayDoGap(acts: readonly Act[], a: string, b: string, opts: GapOptions): GapReport {
  const lookback = opts.lookbackYears ?? 10;
  const follow = opts.followYears ?? 2;
  const scored = acts.map((act) => score(act, a, b, opts.crises, opts.confirmedOnly ?? false)).filter((e): e is Evidence => e !== null);
  const dated = scored.filter((e) => isDated(e.act));
  const undated = scored.filter((e) => !isDated(e.act));
  const days = dated.map((e) => e.act.date!).sort();
  if (days.length === 0) return { a, b, by: opts.by, crises: opts.crises, periods: [], flagged: 0, undated };
  const words = dated.filter((e) => e.side === 'said');
  const deeds = dated.filter((e) => e.side === 'did');
  const periods: GapPeriod[] = periodsBetween(days[0]!, days[days.length - 1]!, opts.by).map((p) => {
    const inPeriod = (e: Evidence): boolean => periodOf(e.act.date!, opts.by).period === p.period;
    const said = words.filter(inPeriod);
    const did = deeds.filter(inPeriod);
    const framing = words.filter((e) => inWindow(e.act, addYears(p.from, -lookback), addYears(p.to, follow)));
    const standing = total(framing);
    const d = total(did);
    const flagged = standing > 0 && d < 0;
    const reason = flagged
      ? `words of cooperation toward ${b} (${standing}) while deeds worked against it (${d})`
      : did.length === 0 ? 'no deeds that mattered to ' + b : `deeds ${d >= 0 ? 'consistent with' : 'against'} ${b}; standing words ${standing}`;
    return { ...p, said: total(said), standing, did: d, flagged, reason, evidence: flagged ? [...framing.filter((e) => e.weight > 0), ...did.filter((e) => e.weight < 0)] : [...said, ...did] };
  });
  return { a, b, by: opts.by, crises: opts.crises, periods, flagged: periods.filter((p) => p.flagged).length, undated };
}
