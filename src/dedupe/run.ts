import type { ClusterInput } from '../types.js';
import { COARSE_DAYS, DAY_TOLERANCE, km, MAX_KM, PUBLICATION_WINDOW, span, toDay, type Span } from './span.js';

/** A report dated on day d or later has a span starting on day d - LOOKBACK or later. */
const LOOKBACK = Math.max(PUBLICATION_WINDOW, DAY_TOLERANCE);
/**
 * Every member of a cluster that can still grow on day d is dated d - REACH or later: its span ends on or after
 * d - LOOKBACK, and a span ends at most COARSE_DAYS + DAY_TOLERANCE days after its date.
 */
export const REACH = COARSE_DAYS + DAY_TOLERANCE + LOOKBACK;

/** A cluster being built, with running summaries so that a check costs the same for 2 members or 2,000. */
interface Open<T extends ClusterInput> {
  readonly members: T[];
  readonly recipients: Set<string>;
  /** Countries named by members (more than one never happens: such reports are not merged). */
  country: string | null;
  /** Distinct coordinates of members, rounded to about 1 km. */
  readonly coords: Map<string, readonly [number, number]>;
  /** The days every member's span covers (for a coarse cluster, its one range). */
  from: number;
  to: number;
  readonly coarse: boolean;
}

function openCluster<T extends ClusterInput>(e: T, s: Span): Open<T> {
  const c: Open<T> = { members: [], recipients: new Set(), country: null, coords: new Map(), from: s.from, to: s.to, coarse: s.coarse };
  add(c, e, s);
  return c;
}

function add<T extends ClusterInput>(c: Open<T>, e: T, s: Span): void {
  c.members.push(e);
  if (e.recipient) c.recipients.add(e.recipient);
  if (e.place_country) c.country = e.place_country;
  if (e.lat !== null && e.lon !== null) c.coords.set(`${e.lat.toFixed(2)},${e.lon.toFixed(2)}`, [e.lat, e.lon]);
  c.from = Math.max(c.from, s.from);
  c.to = Math.min(c.to, s.to);
}

function compatible(c: Open<ClusterInput>, e: ClusterInput, s: Span): boolean {
  const named = c.recipients.size > 0;
  if (e.recipient && named && !c.recipients.has(e.recipient)) return false;
  // A report that names no recipient joins one that does only where both name the same country as the place.
  if (Boolean(e.recipient) !== named && !(c.country !== null && e.place_country === c.country)) return false;
  if (c.coarse || s.coarse ? !(c.coarse && s.coarse && c.from === s.from && c.to === s.to) : !(c.from <= s.to && s.from <= c.to)) return false;
  if (c.country && e.place_country && c.country !== e.place_country) return false;
  if (e.lat !== null && e.lon !== null) for (const [lat, lon] of c.coords.values()) if (km(lat, lon, e.lat, e.lon) > MAX_KM) return false;
  return true;
}

/** Whether a cluster can take a report dated on `day` or later: a later report's span starts at day - LOOKBACK at the earliest. */
const growing = (c: Open<ClusterInput>, day: number): boolean => (c.coarse ? c.from >= day : c.to >= day - LOOKBACK);

/**
 * The rule applied to one (type, actor) group, report by report in date order (then row order). A report joins
 * the first open cluster it is compatible with, or opens its own. A cluster that no later report could join is
 * closed; which clusters are open therefore depends only on the reports so far, never on how often one checks,
 * and a run can be resumed from the clusters open at a given day (see src/store/sqlite/recluster.ts).
 */
export class GroupRun<T extends ClusterInput = ClusterInput> {
  private open: Open<T>[] = [];
  private closed: T[][] = [];
  private day = -Infinity;

  /** Resume a run: `begun` holds the members so far of the clusters begun earlier, in the order they were begun. */
  constructor(begun: readonly (readonly T[])[] = []) {
    for (const members of begun) {
      let c: Open<T> | null = null;
      for (const m of members) {
        const s = span(m);
        if (!s) continue;
        if (c) add(c, m, s);
        else c = openCluster(m, s);
      }
      if (c) this.open.push(c);
    }
  }

  /** Close the clusters that no report dated on `day` or later could join. */
  advance(day: number): void {
    if (day <= this.day) return;
    this.day = day;
    this.open = this.open.filter((c) => {
      if (growing(c, day)) return true;
      this.closed.push(c.members);
      return false;
    });
  }

  push(e: T): void {
    const s = span(e);
    if (!s) {
      this.closed.push([e]);
      return;
    }
    this.advance(toDay(e.date!));
    const hit = this.open.find((c) => compatible(c, e, s));
    if (hit) add(hit, e, s);
    else this.open.push(openCluster(e, s));
  }

  /** The members of the clusters still open, in the order they were begun. */
  openMembers(): readonly (readonly T[])[] {
    return this.open.map((c) => c.members);
  }

  /** The clusters closed since the last call. */
  takeClosed(): T[][] {
    const out = this.closed;
    this.closed = [];
    return out;
  }

  /** Close every cluster; returns those closed since the last takeClosed(). */
  finish(): T[][] {
    for (const c of this.open) this.closed.push(c.members);
    this.open = [];
    return this.takeClosed();
  }
}

/**
 * The rule over reports that come grouped by (type, actor), each group in date order: one run per group. Each
 * push returns the clusters it closed, with every cluster of the previous group when it starts a new one.
 */
export class GroupedRuns<T extends ClusterInput = ClusterInput> {
  private key = '';
  private run = new GroupRun<T>();

  push(e: T): T[][] {
    const key = `${e.event}\u0000${e.actor}`;
    let done: T[][] = [];
    if (key !== this.key) {
      done = this.run.finish();
      this.run = new GroupRun<T>();
      this.key = key;
    }
    this.run.push(e);
    const closed = this.run.takeClosed();
    return done.length ? done.concat(closed) : closed;
  }

  /** Close every cluster of the last group. */
  finish(): T[][] {
    return this.run.finish();
  }
}

/** Whether a cluster with these members (in date order) could still take a report dated on `day` or later. */
export function isOpen(members: readonly ClusterInput[], day: number): boolean {
  const run = new GroupRun([members]);
  run.advance(day);
  return run.openMembers().length === 1;
}
