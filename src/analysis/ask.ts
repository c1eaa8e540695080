/**
 * The six questions asked of a store: each reads just the acts it needs through the Store interface, then hands them
 * to the pure functions. The CLI, the API and library users call these.
 */
import type {
  AlignmentNetwork, CitedEvents, ClusterBrief, Comparison, Conflict, CrisisWindow, DateWindow, GapReport, PartnershipTest, PeriodUnit, Store, StoredEvent, Timeline,
} from '../types.js';
import { countryName } from '../import/countries.js';
import { WORDS } from './classify.js';
import { compare } from './compare.js';
import { crises, givenCrisis, strongestAdversary } from './crises.js';
import { sayDoGap } from './gap.js';
import { network } from './network.js';
import { DEFAULT_LOOKBACK_YEARS, partnershipTest } from './partners.js';
import { addDays, addYears } from './periods.js';
import { timeline } from './timeline.js';

/** What the questions know besides the store: the conflicts table (a Model has it) and today's date. */
export interface Knowledge {
  readonly conflicts: readonly Conflict[];
  readonly today?: string;
}

export class AnalysisError extends Error {}

const today = (k: Knowledge): string => k.today ?? new Date().toISOString().slice(0, 10);

function checkWindow(w: DateWindow): void {
  if (w.from > w.to) throw new AnalysisError(`window ${w.from}:${w.to} starts after it ends`);
}

export function askDyad(store: Store, q: { a: string; b: string; by?: PeriodUnit; from?: string; to?: string }): Timeline {
  if (q.from && q.to) checkWindow({ from: q.from, to: q.to });
  const pair = { actor: [q.a, q.b], recipient: [q.a, q.b] };
  const days = store.tally({ ...pair, from: q.from, to: q.to }, { coarse: (q.by ?? 'month') !== 'week' });
  const undated = store.acts({ ...pair, dated: false });
  return timeline(days, q.a, q.b, { by: q.by ?? 'month', from: q.from, to: q.to, undated });
}

/**
 * Crisis windows: detected and known, or the user's own. Counts come from the store's sums; evidence ids from the
 * exactly read acts (coded events, with their sentences).
 */
export function askCrises(store: Store, k: Knowledge, q: { focal: string; windows?: readonly DateWindow[]; adversary?: string }): CrisisWindow[] {
  const span = q.windows?.length ? { from: q.windows.map((w) => w.from).sort()[0], to: q.windows.map((w) => w.to).sort().reverse()[0] } : {};
  for (const w of q.windows ?? []) checkWindow(w);
  const days = store.tally({ involving: [q.focal], quad: [4], ...span }, { coarse: true });
  const acts = store.acts({ involving: [q.focal], quad: [4], dated: true, source: 'coded', ...span });
  if (!q.windows?.length) return crises(days, q.focal, { conflicts: k.conflicts, today: today(k), acts });
  return q.windows.map((w) => {
    const adversary = q.adversary ?? strongestAdversary(days, q.focal, w);
    if (!adversary) throw new AnalysisError(`no material conflict involving ${q.focal} between ${w.from} and ${w.to}: name the adversary`);
    return givenCrisis(days, q.focal, adversary, w, acts);
  });
}

export interface TestQuestion {
  readonly focal: string;
  readonly window?: DateWindow;
  readonly adversary?: string;
  readonly partners?: readonly string[];
  readonly confirmedOnly?: boolean;
  readonly lookbackYears?: number;
}

export function askTest(store: Store, k: Knowledge, q: TestQuestion): PartnershipTest[] {
  const windows = q.window ? askCrises(store, k, { focal: q.focal, windows: [q.window], adversary: q.adversary }) : askCrises(store, k, { focal: q.focal });
  const years = q.lookbackYears ?? DEFAULT_LOOKBACK_YEARS;
  return windows
    .filter((w) => !q.adversary || w.adversary === q.adversary)
    .map((w) => {
      const sides = [q.focal, w.adversary];
      const words = store.tally({ recipient: [q.focal], type: [...WORDS], from: addYears(w.from, -years), to: addDays(w.from, -1) }, { coarse: true });
      const declared = new Set(words.filter((t) => t.recipient === q.focal).map((t) => t.actor));
      const who = q.partners ? { actor: q.partners } : {};
      const acts = [...store.windowActs({ recipient: sides, from: w.from, to: w.to, ...who }), ...store.acts({ recipient: sides, dated: false, ...who })];
      return partnershipTest(acts, q.focal, { window: w, partners: q.partners, confirmedOnly: q.confirmedOnly, declared, lookbackYears: years });
    });
}

/** The stored events behind answers' act ids, read 500 at a time; aggregate acts (negative ids) stand for many and are left out. */
export function evidenceEvents(store: Store, ids: Iterable<number>): Map<number, StoredEvent> {
  const list = [...new Set(ids)].filter((id) => id > 0);
  const out = new Map<number, StoredEvent>();
  for (let i = 0; i < list.length; i += 500) for (const e of store.events({ ids: list.slice(i, i + 500) })) out.set(e.rowid, e);
  return out;
}

/** The stored events behind evidence ids, and how widely each one's real-world event was reported (its cluster's reports and outlets). */
export function citedEvents(store: Store, ids: Iterable<number>): CitedEvents {
  const events = evidenceEvents(store, ids);
  const clusterIds = [...new Set([...events.values()].flatMap((e) => (e.cluster === null ? [] : [e.cluster])))];
  const clusters = new Map<number, ClusterBrief>();
  for (let i = 0; i < clusterIds.length; i += 500) {
    for (const c of store.clusters({ clusters: clusterIds.slice(i, i + 500) })) clusters.set(c.id, { mentions: c.mentions, outlets: c.outlets.length });
  }
  return { events, clusters };
}

/** A state's crisis windows and the adversaries in them. */
function crisesOf(store: Store, k: Knowledge, focal: string): { windows: CrisisWindow[]; adversaries: string[] } {
  const windows = askCrises(store, k, { focal });
  return { windows, adversaries: [...new Set(windows.map((w) => w.adversary))] };
}

export function askGap(store: Store, k: Knowledge, q: { a: string; b: string; by?: PeriodUnit; confirmedOnly?: boolean }): GapReport {
  const { windows, adversaries } = crisesOf(store, k, q.b);
  const acts = store.acts({ actor: [q.a], recipient: [q.b, ...adversaries] });
  return sayDoGap(acts, q.a, q.b, { by: q.by ?? 'year', crises: windows, confirmedOnly: q.confirmedOnly });
}

export function askCompare(store: Store, k: Knowledge, q: { focal: string; partners: readonly string[]; confirmedOnly?: boolean }): Comparison {
  const { windows, adversaries } = crisesOf(store, k, q.focal);
  const acts = store.acts({ actor: q.partners, recipient: [q.focal, ...adversaries] });
  return compare(acts, q.focal, { partners: q.partners, crises: windows, confirmedOnly: q.confirmedOnly });
}

export function askNetwork(store: Store, q: { from?: string; to?: string; around?: string; confirmedOnly?: boolean }): AlignmentNetwork {
  const window = q.from || q.to ? { from: q.from ?? '0000-01-01', to: q.to ?? '9999-12-31' } : undefined;
  if (window) checkWindow(window);
  const span = { from: window?.from, to: window?.to, dated: true } as const;
  let acts = q.around ? store.acts({ involving: [q.around], ...span }) : store.acts(span);
  if (q.around) {
    const near = [...new Set(acts.flatMap((a) => [a.actor, a.recipient]))].filter((c) => c !== q.around);
    if (near.length) acts = [...acts, ...store.acts({ actor: near, recipient: near, ...span })];
  }
  return network(acts, { window, around: q.around, confirmedOnly: q.confirmedOnly, name: countryName });
}
