import type { Cluster, ClusterInput } from '../types.js';
import { GroupedRuns } from './run.js';

export { GroupedRuns, GroupRun, REACH, isOpen } from './run.js';

/** The value reported most often (ties: the smallest), with the range of all values. */
function mode(values: readonly number[]): { value: number | null; min: number | null; max: number | null } {
  if (values.length === 0) return { value: null, min: null, max: null };
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  return { value: best, min: Math.min(...values), max: Math.max(...values) };
}

/** The string reported most often (ties: the first in sort order), or undefined. */
function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The last day a report describes: its end date when it gives a range, else its date. */
const lastDay = (m: ClusterInput): string | null => (m.date !== null && m.enddate !== null && m.enddate > m.date ? m.enddate : m.date);

/**
 * What a cluster records about its members: mentions, outlets, first and last seen, best-supported date and toll,
 * and the first and last day they describe (a member dated 27 September to 11 October ends on 11 October).
 */
export function summarise(id: number, members: readonly ClusterInput[]): Cluster {
  const dates = members.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const ends = members.map(lastDay).filter((d): d is string => d !== null).sort();
  const precise = members.filter((m) => m.precision === 'day' && m.date).map((m) => m.date!);
  const dateMode = mostFrequent(precise) ?? dates[0] ?? null;
  const seen = members.map((m) => m.seen).filter((d): d is string => d !== null).sort();
  const recipients = members.map((m) => m.recipient).filter(Boolean);
  const toll = mode(members.map((m) => m.dead).filter((d): d is number => d !== null));
  return {
    id, event: members[0]!.event, actor: members[0]!.actor,
    recipient: mostFrequent(recipients) ?? '',
    date: dateMode, first_date: dates[0] ?? null, last_date: ends[ends.length - 1] ?? null,
    mentions: members.length, outlets: [...new Set(members.map((m) => m.outlet))].sort(),
    first_seen: seen[0] ?? null, last_seen: seen[seen.length - 1] ?? null,
    dead: toll.value, dead_min: toll.min, dead_max: toll.max,
    place_country: members.find((m) => m.place_country)?.place_country ?? null,
    members: members.map((m) => m.rowid),
  };
}

/** The order the rule reads reports in: by type, actor, date (undated last) and row. */
const reportOrder = (a: ClusterInput, b: ClusterInput): number =>
  a.event.localeCompare(b.event) || a.actor.localeCompare(b.actor) || (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.rowid - b.rowid;

/**
 * Group reports into clusters of the same real-world event (the rule: src/dedupe/span.ts and docs/store.md).
 * Pure and deterministic: the same reports give the same clusters whatever their order.
 */
export function clusterEvents(events: readonly ClusterInput[], firstId = 1): Cluster[] {
  const runs = new GroupedRuns();
  const done = [...events].sort(reportOrder).flatMap((e) => runs.push(e));
  done.push(...runs.finish());
  return done
    .sort((a, b) => Math.min(...a.map((m) => m.rowid)) - Math.min(...b.map((m) => m.rowid)))
    .map((members, i) => summarise(firstId + i, members));
}
