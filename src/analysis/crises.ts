/**
 * Question 2: when a focal state was in sustained material conflict with an adversary. Three sources of windows:
 * the rolling-baseline rule over the acts, the conflicts the model knows (data/conflicts.json), and the user's. Pure.
 */
import type { Act, Conflict, CrisisWindow, DateWindow } from '../types.js';
import { inWindow, isDated } from './acts.js';
import { addDays, monthsSpanned, periodOf, periodsBetween } from './periods.js';

export interface CrisisRule {
  /** Months in the rolling baseline before each month (default 12). */
  readonly baselineMonths: number;
  /** A month is hot when its count is at least `factor` times the baseline mean... (default 3) */
  readonly factor: number;
  /** ...and at least `minEvents` (default 3). */
  readonly minEvents: number;
  /** Hot months separated by at most this many cold months form one window (default 1). */
  readonly maxGap: number;
  /** A window needs at least this many hot months, or twice minEvents in one month (default 2). */
  readonly minMonths: number;
}

export const DEFAULT_CRISIS_RULE: CrisisRule = { baselineMonths: 12, factor: 3, minEvents: 3, maxGap: 1, minMonths: 2 };

/** Material conflict between the focal state and `other`, either way. */
const isConflict = (a: Act, focal: string): boolean =>
  a.quad === 4 && a.event !== 'PROTEST' && (a.actor === focal || a.recipient === focal) && isDated(a);

/** Group items by a key, in order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Distinct real-world events among acts: distinct clusters, an unclustered act counting as its own. */
export function distinctEvents(acts: readonly Act[]): number {
  return new Set(acts.map((a) => (a.cluster !== null ? `c${a.cluster}` : `e${a.id}`))).size;
}

function window(focal: string, adversary: string, w: DateWindow, source: CrisisWindow['source'], name: string | null, acts: readonly Act[]): CrisisWindow {
  const inside = acts.filter((a) => (a.actor === adversary || a.recipient === adversary) && inWindow(a, w.from, w.to));
  const byMonth = groupBy(inside, (a) => periodOf(a.date!, 'month').period);
  let peak: CrisisWindow['peak'] = null;
  for (const [period, list] of byMonth) {
    const n = distinctEvents(list);
    if (!peak || n > peak.events || (n === peak.events && period < peak.period)) peak = { period, events: n };
  }
  const events = distinctEvents(inside);
  return {
    focal, adversary, from: w.from, to: w.to, source, name, events,
    intensity: Math.round((events / monthsSpanned(w.from, w.to)) * 100) / 100, peak,
    evidence: [...new Set(inside.map((a) => a.id))],
  };
}

/** Windows found by the rolling-baseline rule (docs/analysis.md gives the formula). */
export function detectCrises(acts: readonly Act[], focal: string, rule: CrisisRule = DEFAULT_CRISIS_RULE): CrisisWindow[] {
  const conflict = acts.filter((a) => isConflict(a, focal));
  const byAdversary = groupBy(conflict, (a) => (a.actor === focal ? a.recipient : a.actor));
  const out: CrisisWindow[] = [];
  for (const [adversary, list] of byAdversary) {
    const dates = list.map((a) => a.date!).sort();
    const months = periodsBetween(dates[0]!, dates[dates.length - 1]!, 'month');
    const perMonth = groupBy(list, (a) => periodOf(a.date!, 'month').period);
    const counts = months.map((m) => distinctEvents(perMonth.get(m.period) ?? []));
    const hot = counts.map((c, i) => {
      const past = counts.slice(Math.max(0, i - rule.baselineMonths), i);
      const baseline = past.reduce((s, x) => s + x, 0) / rule.baselineMonths;
      return c >= rule.minEvents && c >= rule.factor * baseline;
    });
    for (let i = 0; i < months.length; i++) {
      if (!hot[i]) continue;
      let j = i;
      let hotMonths = 1;
      for (let k = i + 1; k < months.length && k - j - 1 <= rule.maxGap; k++) if (hot[k]) (j = k), hotMonths++;
      const peakCount = Math.max(...counts.slice(i, j + 1));
      if (hotMonths >= rule.minMonths || peakCount >= 2 * rule.minEvents) {
        out.push(window(focal, adversary, { from: months[i]!.from, to: months[j]!.to }, 'detected', null, list));
      }
      i = j;
    }
  }
  return out;
}

/** Windows of the conflicts the model knows in which the focal state was a party. */
export function knownCrises(acts: readonly Act[], focal: string, conflicts: readonly Conflict[], today: string): CrisisWindow[] {
  const conflict = acts.filter((a) => isConflict(a, focal));
  return conflicts
    .filter((c) => c.parties.includes(focal))
    .flatMap((c) => c.parties.filter((p) => p !== focal).map((adversary) => window(focal, adversary, { from: c.start, to: c.end ?? today }, 'known', c.name, conflict)));
}

/** A window the user gives, with its intensity measured from the acts. */
export const givenCrisis = (acts: readonly Act[], focal: string, adversary: string, w: DateWindow): CrisisWindow =>
  window(focal, adversary, w, 'given', null, acts.filter((a) => isConflict(a, focal)));

/**
 * All of a focal state's crisis windows: detected and known ones, a detected window that overlaps a known one with
 * the same adversary merged into it (the union of their spans, under the known conflict's name).
 */
export function crises(acts: readonly Act[], focal: string, opts: { conflicts?: readonly Conflict[]; today?: string; rule?: CrisisRule } = {}): CrisisWindow[] {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const known = knownCrises(acts, focal, opts.conflicts ?? [], today);
  const conflict = acts.filter((a) => isConflict(a, focal));
  const merged = [...known];
  for (const d of detectCrises(acts, focal, opts.rule)) {
    const i = merged.findIndex((k) => k.source === 'known' && k.adversary === d.adversary && k.from <= addDays(d.to, 31) && k.to >= addDays(d.from, -31));
    if (i < 0) {
      merged.push(d);
      continue;
    }
    const k = merged[i]!;
    merged[i] = window(focal, d.adversary, { from: d.from < k.from ? d.from : k.from, to: d.to > k.to ? d.to : k.to }, 'known', k.name, conflict);
  }
  return merged.sort((x, y) => x.from.localeCompare(y.from) || x.adversary.localeCompare(y.adversary));
}
