import type { Cluster, ClusterInput } from '../types.js';

/**
 * The cluster rule (docs/store.md). Two reports describe the same real-world event when:
 * - they have the same PLOVER type and the same actor code;
 * - their recipients are the same, or one report names none;
 * - their dates are compatible: a day-precise date within ±DAY_TOLERANCE days, a publication date counting
 *   for the PUBLICATION_WINDOW days before it, and a coarse date (month, year, a conflict) only with the
 *   very same range;
 * - their places are compatible: the same country or one unknown, and at most MAX_KM apart when both
 *   have coordinates.
 */
export const DAY_TOLERANCE = 1;
export const PUBLICATION_WINDOW = 4;
export const MAX_KM = 50;
const COARSE_DAYS = 14;

const DAY = 86_400_000;
const toDay = (iso: string): number => Math.floor(Date.parse(iso) / DAY);

interface Span {
  readonly from: number;
  readonly to: number;
  readonly coarse: boolean;
}

function span(e: ClusterInput): Span | null {
  if (!e.date) return null;
  const d = toDay(e.date);
  if (e.precision === 'publication') return { from: d - PUBLICATION_WINDOW, to: d, coarse: false };
  const end = e.enddate ? toDay(e.enddate) : d;
  if (end - d > COARSE_DAYS || e.precision === 'year' || e.precision === 'month' || e.precision === 'approximate') {
    return { from: d, to: end, coarse: true };
  }
  return { from: d - DAY_TOLERANCE, to: end + DAY_TOLERANCE, coarse: false };
}

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const x = (bLon - aLon) * rad * Math.cos(((aLat + bLat) / 2) * rad);
  const y = (bLat - aLat) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}

/** A cluster being built, with running summaries so that a check costs the same for 2 members or 2,000. */
interface Open {
  readonly members: ClusterInput[];
  readonly recipients: Set<string>;
  /** Countries named by members (more than one never happens: such reports are not merged). */
  country: string | null;
  /** Distinct coordinates of members, rounded to about 1 km. */
  readonly coords: Map<string, readonly [number, number]>;
  /** Union of the members' day spans (contiguous, since each member overlapped it), or one coarse range. */
  from: number;
  to: number;
  readonly coarse: boolean;
}

function openCluster(e: ClusterInput, s: Span): Open {
  const c: Open = { members: [], recipients: new Set(), country: null, coords: new Map(), from: s.from, to: s.to, coarse: s.coarse };
  add(c, e, s);
  return c;
}

function add(c: Open, e: ClusterInput, s: Span): void {
  c.members.push(e);
  if (e.recipient) c.recipients.add(e.recipient);
  if (e.place_country) c.country = e.place_country;
  if (e.lat !== null && e.lon !== null) c.coords.set(`${e.lat.toFixed(2)},${e.lon.toFixed(2)}`, [e.lat, e.lon]);
  c.from = Math.min(c.from, s.from);
  c.to = Math.max(c.to, s.to);
}

function compatible(c: Open, e: ClusterInput, s: Span): boolean {
  if (e.recipient && c.recipients.size > 0 && !c.recipients.has(e.recipient)) return false;
  if (c.coarse || s.coarse ? !(c.coarse && s.coarse && c.from === s.from && c.to === s.to) : !(c.from <= s.to && s.from <= c.to)) return false;
  if (c.country && e.place_country && c.country !== e.place_country) return false;
  if (e.lat !== null && e.lon !== null) for (const [lat, lon] of c.coords.values()) if (km(lat, lon, e.lat, e.lon) > MAX_KM) return false;
  return true;
}

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

function summarise(id: number, members: readonly ClusterInput[]): Cluster {
  const dates = members.map((m) => m.date).filter((d): d is string => d !== null).sort();
  const precise = members.filter((m) => m.precision === 'day' && m.date).map((m) => m.date!);
  const dateMode = mostFrequent(precise) ?? dates[0] ?? null;
  const seen = members.map((m) => m.seen).filter((d): d is string => d !== null).sort();
  const recipients = members.map((m) => m.recipient).filter(Boolean);
  const toll = mode(members.map((m) => m.dead).filter((d): d is number => d !== null));
  return {
    id, event: members[0]!.event, actor: members[0]!.actor,
    recipient: mostFrequent(recipients) ?? '',
    date: dateMode, first_date: dates[0] ?? null, last_date: dates[dates.length - 1] ?? null,
    mentions: members.length, outlets: [...new Set(members.map((m) => m.outlet))].sort(),
    first_seen: seen[0] ?? null, last_seen: seen[seen.length - 1] ?? null,
    dead: toll.value, dead_min: toll.min, dead_max: toll.max,
    place_country: members.find((m) => m.place_country)?.place_country ?? null,
    members: members.map((m) => m.rowid),
  };
}

/**
 * Group reports into clusters of the same real-world event. Pure and deterministic: the same reports give the
 * same clusters whatever their order. Reports with no date each form their own cluster.
 */
export function clusterEvents(events: readonly ClusterInput[], firstId = 1): Cluster[] {
  const sorted = [...events].sort((a, b) => a.event.localeCompare(b.event) || a.actor.localeCompare(b.actor) || (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.rowid - b.rowid);
  const done: ClusterInput[][] = [];
  let group = '';
  let open: Open[] = [];
  const close = (): void => {
    for (const c of open) done.push(c.members);
    open = [];
  };
  for (const e of sorted) {
    const key = `${e.event}\u0000${e.actor}`;
    if (key !== group) {
      close();
      group = key;
    }
    const s = span(e);
    if (!s) {
      done.push([e]);
      continue;
    }
    // Clusters that ended before this report's span began can no longer grow (reports come in date order).
    if (open.length > 8) {
      open = open.filter((c) => {
        const alive = c.coarse || c.to >= s.from;
        if (!alive) done.push(c.members);
        return alive;
      });
    }
    const hit = open.find((c) => compatible(c, e, s));
    if (hit) add(hit, e, s);
    else open.push(openCluster(e, s));
  }
  close();
  return done
    .sort((a, b) => Math.min(...a.map((m) => m.rowid)) - Math.min(...b.map((m) => m.rowid)))
    .map((members, i) => summarise(firstId + i, members));
}

