/**
 * Question 2: when a focal state was in sustained material conflict with an adversary. Three sources of windows:
 * the rolling-baseline rule over monthly counts, the conflicts the model knows (data/conflicts.json), and the user's.
 * Counts come as day (or month) sums, so that large stores answer from their monthly sums. Pure.
 */
import type { Act, Conflict, CrisisWindow, DateWindow, DayTally } from '../types.js';
import { groupBy, inWindow, round2 } from './acts.js';
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

/** Evidence ids kept per window (its counts cover every event). */
const WINDOW_EVIDENCE = 200;

/** Distinct real-world events among acts: distinct clusters, an unclustered act counting as its own. */
export function distinctEvents(acts: readonly Act[]): number {
  return new Set(acts.map((a) => (a.cluster !== null ? `c${a.cluster}` : `e${a.id}`))).size;
}

/** Material conflict between the focal state and another, either way (PROTEST between states counts as words). */
const isConflict = (t: Pick<DayTally, 'quad' | 'event' | 'actor' | 'recipient'>, focal: string): boolean =>
  t.quad === 4 && t.event !== 'PROTEST' && (t.actor === focal || t.recipient === focal) && t.actor !== t.recipient;

const other = (t: Pick<DayTally, 'actor' | 'recipient'>, focal: string): string => (t.actor === focal ? t.recipient : t.actor);
const sum = (days: readonly DayTally[]): number => days.reduce((s, t) => s + t.clusters, 0);

function window(focal: string, adversary: string, w: DateWindow, source: CrisisWindow['source'], name: string | null, days: readonly DayTally[], acts: readonly Act[]): CrisisWindow {
  const inside = days.filter((t) => other(t, focal) === adversary && t.date >= w.from && t.date <= w.to);
  let peak: CrisisWindow['peak'] = null;
  for (const [period, list] of groupBy(inside, (t) => periodOf(t.date, 'month').period)) {
    const n = sum(list);
    if (!peak || n > peak.events || (n === peak.events && period < peak.period)) peak = { period, events: n };
  }
  const events = sum(inside);
  const evidence = acts.filter((a) => a.n === undefined && a.id > 0 && (a.actor === adversary || a.recipient === adversary) && inWindow(a, w.from, w.to)).map((a) => a.id);
  return {
    focal, adversary, from: w.from, to: w.to, source, name, events,
    intensity: round2(events / monthsSpanned(w.from, w.to)), peak,
    evidence: [...new Set(evidence)].slice(0, WINDOW_EVIDENCE),
  };
}

/** Windows found by the rolling-baseline rule (docs/analysis.md gives the formula). */
export function detectCrises(days: readonly DayTally[], focal: string, rule: CrisisRule = DEFAULT_CRISIS_RULE, acts: readonly Act[] = []): CrisisWindow[] {
  const conflict = days.filter((t) => isConflict(t, focal));
  const out: CrisisWindow[] = [];
  for (const [adversary, list] of groupBy(conflict, (t) => other(t, focal))) {
    const dates = list.map((t) => t.date).sort();
    const months = periodsBetween(dates[0]!, dates[dates.length - 1]!, 'month');
    const perMonth = groupBy(list, (t) => periodOf(t.date, 'month').period);
    const counts = months.map((m) => sum(perMonth.get(m.period) ?? []));
    const mean = (end: number): number => counts.slice(Math.max(0, end - rule.baselineMonths), end).reduce((s, x) => s + x, 0) / rule.baselineMonths;
    // Inside a run of hot months the baseline stays at its value before the run: a long war does not become its own baseline.
    let runStart = -1;
    let lastHot = -1;
    const hot = counts.map((c, i) => {
      if (lastHot < 0 || i - lastHot - 1 > rule.maxGap) runStart = -1;
      const isHot = c >= rule.minEvents && c >= rule.factor * mean(runStart >= 0 ? runStart : i);
      if (isHot) {
        if (runStart < 0) runStart = i;
        lastHot = i;
      }
      return isHot;
    });
    for (let i = 0; i < months.length; i++) {
      if (!hot[i]) continue;
      let j = i;
      let hotMonths = 1;
      for (let k = i + 1; k < months.length && k - j - 1 <= rule.maxGap; k++) if (hot[k]) (j = k), hotMonths++;
      if (hotMonths >= rule.minMonths || Math.max(...counts.slice(i, j + 1)) >= 2 * rule.minEvents) {
        out.push(window(focal, adversary, { from: months[i]!.from, to: months[j]!.to }, 'detected', null, conflict, acts));
      }
      i = j;
    }
  }
  return out;
}

/** The focal state's adversaries in a known conflict: the other party of two, or the other side of several. */
export function adversariesIn(c: Conflict, focal: string): readonly string[] {
  if (!c.parties.includes(focal)) return [];
  if (c.sides) return c.sides[0].includes(focal) ? c.sides[1] : c.sides[1].includes(focal) ? c.sides[0] : [];
  return c.parties.length === 2 ? c.parties.filter((p) => p !== focal) : [];
}

/** Windows of the conflicts the model knows in which the focal state fought, one per adversary. */
export function knownCrises(days: readonly DayTally[], focal: string, conflicts: readonly Conflict[], today: string, acts: readonly Act[] = []): CrisisWindow[] {
  const conflict = days.filter((t) => isConflict(t, focal));
  return conflicts.flatMap((c) => adversariesIn(c, focal).map((adversary) => window(focal, adversary, { from: c.start, to: c.end ?? today }, 'known', c.name, conflict, acts)));
}

/** A window the user gives, with its intensity measured from the counts. */
export const givenCrisis = (days: readonly DayTally[], focal: string, adversary: string, w: DateWindow, acts: readonly Act[] = []): CrisisWindow =>
  window(focal, adversary, w, 'given', null, days.filter((t) => isConflict(t, focal)), acts);

/** The state with the most material conflict with the focal state in a window, or null. */
export function strongestAdversary(days: readonly DayTally[], focal: string, w: DateWindow): string | null {
  const inside = groupBy(days.filter((t) => isConflict(t, focal) && t.date >= w.from && t.date <= w.to), (t) => other(t, focal));
  const best = [...inside].map(([c, list]) => [c, sum(list)] as const).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
  return best ? best[0] : null;
}

/**
 * All of a focal state's crisis windows: detected and known ones, a detected window that overlaps a known one with
 * the same adversary merged into it (the union of their spans, under the known conflict's name).
 */
export function crises(days: readonly DayTally[], focal: string, opts: { conflicts?: readonly Conflict[]; today?: string; rule?: CrisisRule; acts?: readonly Act[] } = {}): CrisisWindow[] {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const acts = opts.acts ?? [];
  const conflict = days.filter((t) => isConflict(t, focal));
  const merged = knownCrises(conflict, focal, opts.conflicts ?? [], today, acts);
  for (const d of detectCrises(conflict, focal, opts.rule, acts)) {
    const i = merged.findIndex((k) => k.source === 'known' && k.adversary === d.adversary && k.from <= addDays(d.to, 31) && k.to >= addDays(d.from, -31));
    if (i < 0) {
      merged.push(d);
      continue;
    }
    const k = merged[i]!;
    merged[i] = window(focal, d.adversary, { from: d.from < k.from ? d.from : k.from, to: d.to > k.to ? d.to : k.to }, 'known', k.name, conflict, acts);
  }
  return merged.sort((x, y) => x.from.localeCompare(y.from) || x.adversary.localeCompare(y.adversary));
}
