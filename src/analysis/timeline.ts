/** Question 1: how a relationship developed, A → B, B → A and both, period by period. Pure. */
import type { Act, DayTally, PeriodUnit, PloverEventType, Tally, Timeline, TimelinePeriod } from '../types.js';
import { isDated } from './acts.js';
import { periodOf, periodsBetween } from './periods.js';

interface Acc {
  count: number;
  quad: [number, number, number, number];
  types: Partial<Record<PloverEventType, number>>;
  scale_sum: number;
  clusters: number;
  unconfirmed: number;
}

const empty = (): Acc => ({ count: 0, quad: [0, 0, 0, 0], types: {}, scale_sum: 0, clusters: 0, unconfirmed: 0 });

function add(acc: Acc, t: DayTally): void {
  acc.count += t.count;
  acc.quad[t.quad - 1] += t.count;
  acc.types[t.event] = (acc.types[t.event] ?? 0) + t.count;
  acc.scale_sum += t.scale_sum;
  acc.clusters += t.clusters;
  acc.unconfirmed += t.unconfirmed;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function finish(acc: Acc): Tally {
  return {
    count: acc.count, quad: acc.quad, types: acc.types, scale_sum: round(acc.scale_sum),
    scale_mean: acc.count ? round(acc.scale_sum / acc.count) : null, clusters: acc.clusters,
    unconfirmed_share: acc.count ? round(acc.unconfirmed / acc.count) : null,
  };
}

/**
 * Day sums of a list of acts (what a backend's tally returns), for callers that already hold the acts. A cluster
 * counts as a distinct event once per dyad and type, on the first day it appears.
 */
export function tallyActs(acts: readonly Act[]): DayTally[] {
  const sums = new Map<string, DayTally>();
  const seen = new Set<string>();
  const dated = acts.filter(isDated).sort((x, y) => x.date!.localeCompare(y.date!) || x.id - y.id);
  for (const a of dated) {
    const key = `${a.date}|${a.actor}|${a.recipient}|${a.event}|${a.quad}`;
    const cluster = a.cluster === null ? null : `${a.cluster}|${a.actor}|${a.recipient}|${a.event}`;
    const first = cluster === null || !seen.has(cluster);
    if (cluster !== null) seen.add(cluster);
    const t = sums.get(key) ?? { date: a.date!, actor: a.actor, recipient: a.recipient, event: a.event, quad: a.quad, count: 0, scale_sum: 0, unconfirmed: 0, clusters: 0 };
    const unconfirmed = a.certainty === 'reported' || a.certainty === 'alleged' || a.certainty === 'hedged' ? 1 : 0;
    sums.set(key, { ...t, count: t.count + 1, scale_sum: t.scale_sum + a.scale, unconfirmed: t.unconfirmed + unconfirmed, clusters: t.clusters + (first ? 1 : 0) });
  }
  return [...sums.values()];
}

/**
 * The timeline of a dyad from its day sums: every period from `from` (or the first act) to `to` (or the last),
 * empty periods included so that charts keep their time axis. Undated acts are passed through apart.
 */
export function timeline(days: readonly DayTally[], a: string, b: string, opts: { by: PeriodUnit; from?: string; to?: string; undated?: readonly Act[] }): Timeline {
  const mine = days.filter((t) => (t.actor === a && t.recipient === b) || (t.actor === b && t.recipient === a));
  const dates = mine.map((t) => t.date).sort();
  const from = opts.from ?? dates[0];
  const to = opts.to ?? dates[dates.length - 1];
  const undated = opts.undated ?? [];
  if (!from || !to) return { a, b, by: opts.by, periods: [], undated };
  const acc = new Map<string, { ab: Acc; ba: Acc; both: Acc }>();
  for (const t of mine) {
    if (t.date < from || t.date > to) continue;
    const p = periodOf(t.date, opts.by).period;
    let slot = acc.get(p);
    if (!slot) acc.set(p, (slot = { ab: empty(), ba: empty(), both: empty() }));
    add(t.actor === a ? slot.ab : slot.ba, t);
    add(slot.both, t);
  }
  const periods: TimelinePeriod[] = periodsBetween(from, to, opts.by).map((p) => {
    const slot = acc.get(p.period) ?? { ab: empty(), ba: empty(), both: empty() };
    return { ...p, ab: finish(slot.ab), ba: finish(slot.ba), both: finish(slot.both) };
  });
  return { a, b, by: opts.by, periods, undated };
}
