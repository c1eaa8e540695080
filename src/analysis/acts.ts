/**
 * Acts: stored events seen as directed state-to-state pairs, the unit every analysis counts. Pure functions.
 */
import type { Act, ActQuery, Certainty, DatePrecision, PloverEventType, QuadCode } from '../types.js';

/** What a backend hands over for one stored event: its columns, and its party lists when it has more than one dyad. */
export interface ActRow {
  readonly id: number;
  readonly actor: string;
  readonly recipient: string;
  /** Every party, when the event is compound (several actors or recipients, or a joint act); else null. */
  readonly parties: { readonly actor: readonly string[]; readonly recipient: readonly string[] } | null;
  readonly event: string;
  readonly quad: number;
  readonly scale: number | null;
  readonly date: string | null;
  readonly enddate: string | null;
  readonly precision: string;
  readonly certainty: string | null;
  readonly mode: string | null;
  readonly context: string | null;
  readonly cluster: number | null;
  readonly source: 'coded' | 'imported';
}

/** An act has a date of its own unless it is dated only by its story's publication, or not at all. */
export const isDated = (a: Pick<Act, 'date' | 'precision'>): boolean =>
  a.date !== null && a.precision !== 'publication' && a.precision !== 'unresolved';

/** The act's span: its date to its end date (a conflict-anchored or approximate date is a range). */
export const spanOf = (a: Pick<Act, 'date' | 'enddate'>): { from: string; to: string } | null =>
  a.date === null ? null : { from: a.date, to: a.enddate && a.enddate > a.date ? a.enddate : a.date };

/** A dated act whose span overlaps [from, to]. Undated acts are never in a window. */
export function inWindow(a: Act, from: string, to: string): boolean {
  if (!isDated(a)) return false;
  const s = spanOf(a)!;
  return s.from <= to && s.to >= from;
}

/** Scores and sums as the answers show them: two decimals. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

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

const split = (s: string | null): readonly string[] => (s ? s.split(';') : []);

/** The directed pairs of one stored event: actor × recipient, or each ordered pair of a joint act's actors. */
function pairs(row: ActRow): { actor: string; recipient: string; joint: boolean }[] {
  if (!row.parties) return row.actor && row.recipient && row.actor !== row.recipient ? [{ actor: row.actor, recipient: row.recipient, joint: false }] : [];
  const actors = [...new Set(row.parties.actor.filter(Boolean))];
  const recipients = [...new Set(row.parties.recipient.filter(Boolean))];
  const out: { actor: string; recipient: string; joint: boolean }[] = [];
  if (recipients.length === 0) {
    for (const a of actors) for (const b of actors) if (a !== b) out.push({ actor: a, recipient: b, joint: true });
    return out;
  }
  for (const a of actors) for (const b of recipients) if (a !== b) out.push({ actor: a, recipient: b, joint: false });
  return out;
}

/** The acts of one stored event. */
export function toActs(row: ActRow): Act[] {
  const base = {
    id: row.id, event: row.event as PloverEventType, quad: row.quad as QuadCode, scale: row.scale ?? 0,
    date: row.date, enddate: row.enddate, precision: row.precision as DatePrecision, certainty: row.certainty as Certainty | null,
    mode: split(row.mode), context: split(row.context), cluster: row.cluster, source: row.source,
  };
  return pairs(row).map((p) => ({ ...base, ...p }));
}

/** Whether an act satisfies a query (the backend preselects; this is the exact test after expansion). */
export function matchesQuery(a: Act, q: ActQuery): boolean {
  if (q.involving?.length && !q.involving.includes(a.actor) && !q.involving.includes(a.recipient)) return false;
  if (q.actor?.length && !q.actor.includes(a.actor)) return false;
  if (q.recipient?.length && !q.recipient.includes(a.recipient)) return false;
  if (q.type?.length && !q.type.includes(a.event)) return false;
  if (q.quad?.length && !q.quad.includes(a.quad)) return false;
  if (q.source && q.source !== a.source) return false;
  if ((q.from || q.to) && isDated(a) && !inWindow(a, q.from ?? '0000-01-01', q.to ?? '9999-12-31')) return false;
  return true;
}
