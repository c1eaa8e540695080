/**
 * Question 3: did declared partners hold when the focal state was tested? Each partner's acts in a crisis window are
 * scored as aligned or misaligned, verbal or material, weighted by certainty and counted once per real-world event. Pure.
 */
import type { Act, CrisisWindow, Evidence, PartnerResult, PartnershipTest, Verdict } from '../types.js';
import { groupBy, inWindow, isDated, round2 } from './acts.js';
import { alignmentOf, oncePerEvent, WORDS, weightOf } from './classify.js';
import { addDays, addYears } from './periods.js';

export interface TestOptions {
  readonly window: CrisisWindow;
  /** Partners to score; default: states with words toward the focal state before the window (declared) or in it. */
  readonly partners?: readonly string[];
  /** Years before the window in which verbal cooperation declares a partner (default 10). */
  readonly lookbackYears?: number;
  readonly confirmedOnly?: boolean;
  /** Declared partners when the caller computed them (from a backend's sums); else found among `acts`. */
  readonly declared?: ReadonlySet<string>;
}

export const DEFAULT_LOOKBACK_YEARS = 10;

/** States with verbal cooperation (AGREE, SUPPORT, CONSULT) toward the focal state in the years before `before`. */
export function declaredPartners(acts: readonly Act[], focal: string, before: string, years = DEFAULT_LOOKBACK_YEARS): Set<string> {
  const from = addYears(before, -years);
  const to = addDays(before, -1);
  return new Set(acts.filter((a) => a.recipient === focal && WORDS.has(a.event) && inWindow(a, from, to)).map((a) => a.actor));
}

/** Sum evidence weights per side and kind, each real-world event (cluster) once at its best-supported weight. */
function sums(evidence: readonly Evidence[]): { aligned: { verbal: number; material: number }; misaligned: { verbal: number; material: number } } {
  const out = { aligned: { verbal: 0, material: 0 }, misaligned: { verbal: 0, material: 0 } };
  for (const e of oncePerEvent(evidence)) if (e.side === 'aligned' || e.side === 'misaligned') out[e.side][e.kind] += e.weight;
  return out;
}

const fmt = (x: number): string => String(round2(x));

/** The verdict thresholds of docs/analysis.md. */
export function verdictOf(aligned: { verbal: number; material: number }, misaligned: { verbal: number; material: number }): { verdict: Verdict; score: number; reason: string } {
  const a = 2 * aligned.material + aligned.verbal;
  const m = 2 * misaligned.material + misaligned.verbal;
  const score = round2(a - m);
  if (a === 0 && m === 0) return { verdict: 'silent', score, reason: 'no scored act in the window' };
  if (m === 0) return { verdict: 'held', score, reason: `aligned acts only (${fmt(a)})` };
  if (misaligned.material > 0 && misaligned.material >= aligned.material) {
    return { verdict: 'failed', score, reason: `material misalignment (${fmt(misaligned.material)}) at least matches material alignment (${fmt(aligned.material)})` };
  }
  if (m > a) return { verdict: 'failed', score, reason: `misalignment (${fmt(m)}) outweighs alignment (${fmt(a)})` };
  return { verdict: 'wavered', score, reason: `aligned (${fmt(a)}) but also misaligned (${fmt(m)})` };
}

const ORDER: Readonly<Record<Verdict, number>> = { failed: 0, wavered: 1, held: 2, silent: 3 };

/** Score every partner in one window. `acts` must hold the acts toward the focal state and the adversary. */
export function partnershipTest(acts: readonly Act[], focal: string, opts: TestOptions): PartnershipTest {
  const w = opts.window;
  const adversary = w.adversary;
  const confirmedOnly = opts.confirmedOnly ?? false;
  const declared = opts.declared ?? declaredPartners(acts, focal, w.from, opts.lookbackYears);
  const scored = (a: Act): Evidence | null => {
    const al = alignmentOf(a, focal, adversary);
    if (!al) return null;
    const weight = weightOf(a, confirmedOnly);
    return weight > 0 ? { act: a, side: al.side, kind: al.kind, weight, reason: al.reason } : null;
  };
  const byPartner = (list: readonly Act[]): Map<string, Evidence[]> =>
    groupBy(list.filter((a) => a.actor !== focal && a.actor !== adversary).map(scored).filter((e): e is Evidence => e !== null), (e) => e.act.actor);
  const inside = byPartner(acts.filter((a) => inWindow(a, w.from, w.to)));
  const undated = byPartner(acts.filter((a) => !isDated(a)));
  // Default partners: declared before the window, or declaring support inside it (words toward the focal state).
  const during = [...inside].filter(([, list]) => list.some((e) => e.act.recipient === focal && WORDS.has(e.act.event))).map(([p]) => p);
  const names = opts.partners ?? [...new Set([...declared, ...during])];
  const partners: PartnerResult[] = names
    .filter((p) => p !== focal && p !== adversary)
    .map((partner) => {
      const evidence = inside.get(partner) ?? [];
      const s = sums(evidence);
      return { partner, declared: declared.has(partner), ...s, ...verdictOf(s.aligned, s.misaligned), evidence, undated: undated.get(partner) ?? [] };
    })
    .sort((x, y) => ORDER[x.verdict] - ORDER[y.verdict] || x.partner.localeCompare(y.partner));
  return { focal, adversary, window: w, confirmedOnly, partners };
}
