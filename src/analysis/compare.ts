/**
 * Question 5: how alternative partners compare for a focal state: what each delivered to it and to its adversaries,
 * by kind, and how each behaved in the focal state's past crisis windows. Pure.
 */
import type { Act, CandidateResult, Comparison, CrisisWindow, Evidence, SupportKind, Verdict } from '../types.js';
import { isDated, round2 } from './acts.js';
import { oncePerEvent, supportKind, weightOf } from './classify.js';
import { partnershipTest } from './partners.js';

export interface CompareOptions {
  readonly partners: readonly string[];
  /** The focal state's crisis windows: their adversaries, and the windows that test reliability. */
  readonly crises: readonly CrisisWindow[];
  readonly confirmedOnly?: boolean;
  readonly lookbackYears?: number;
}

/** Evidence kept per candidate, the heaviest first (the sums cover all). */
const CANDIDATE_EVIDENCE = 50;
/** How much a fully reliable record adds to a candidate's score, relative to one delivered act (docs/analysis.md). */
export const RELIABILITY_WEIGHT = 10;

const zero = (): Record<SupportKind, number> => ({ military: 0, economic: 0, technology: 0, diplomatic: 0 });
const sum = (r: Readonly<Record<SupportKind, number>>): number => r.military + r.economic + r.technology + r.diplomatic;

function delivered(list: readonly Evidence[]): Record<SupportKind, number> {
  const out = zero();
  for (const e of oncePerEvent(list)) {
    const k = supportKind(e.act);
    if (k) out[k] = round2(out[k] + e.weight);
  }
  return out;
}

/** Share of the windows where the candidate acted that it held (a wavering counts half); null if it never acted. */
export function reliability(verdicts: readonly Verdict[]): number | null {
  const acted = verdicts.filter((v) => v !== 'silent');
  if (acted.length === 0) return null;
  return round2(acted.reduce((s, v) => s + (v === 'held' ? 1 : v === 'wavered' ? 0.5 : 0), 0) / acted.length);
}

export function compare(acts: readonly Act[], focal: string, opts: CompareOptions): Comparison {
  const adversaries = new Set(opts.crises.map((c) => c.adversary));
  const confirmedOnly = opts.confirmedOnly ?? false;
  const results = opts.partners.filter((p) => p !== focal).map((partner) => {
    const toFocal: Evidence[] = [];
    const toAdversaries: Evidence[] = [];
    for (const a of acts) {
      if (a.actor !== partner || !supportKind(a)) continue;
      const weight = weightOf(a, confirmedOnly);
      if (weight === 0) continue;
      const when = isDated(a) ? a.date : 'undated';
      if (a.recipient === focal) toFocal.push({ act: a, side: 'aligned', kind: a.event === 'SUPPORT' ? 'verbal' : 'material', weight, reason: `${supportKind(a)} ${a.event} to ${focal} (${when})` });
      else if (adversaries.has(a.recipient)) toAdversaries.push({ act: a, side: 'misaligned', kind: a.event === 'SUPPORT' ? 'verbal' : 'material', weight, reason: `${supportKind(a)} ${a.event} to the adversary ${a.recipient} (${when})` });
    }
    const record = opts.crises.map((window) => ({
      window, verdict: partnershipTest(acts, focal, { window, partners: [partner], confirmedOnly, lookbackYears: opts.lookbackYears }).partners[0]!.verdict,
    }));
    const rel = reliability(record.map((r) => r.verdict));
    const given = delivered(toFocal);
    const against = delivered(toAdversaries);
    const score = round2(sum(given) - 2 * sum(against) + RELIABILITY_WEIGHT * ((rel ?? 0.5) - 0.5));
    const reason = `delivered ${round2(sum(given))} to ${focal}, ${round2(sum(against))} to its adversaries; `
      + (rel === null ? 'no record in its crisis windows' : `held ${Math.round(rel * 100)}% of the crisis windows where it acted`);
    const evidence = [...toFocal, ...toAdversaries].sort((x, y) => y.weight - x.weight).slice(0, CANDIDATE_EVIDENCE);
    return { partner, rank: 0, toFocal: given, toAdversaries: against, record, reliability: rel, score, reason, evidence };
  });
  const ranked: CandidateResult[] = results
    .sort((x, y) => y.score - x.score || x.partner.localeCompare(y.partner))
    .map((r, i) => ({ ...r, rank: i + 1 }));
  return { focal, candidates: ranked };
}
