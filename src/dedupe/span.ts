import type { ClusterInput } from '../types.js';

/**
 * The cluster rule (docs/store.md). Two reports describe the same real-world event when:
 * - they have the same PLOVER type and the same actor code;
 * - their recipients are the same, or one report names none and both name the same country as the place;
 * - their dates are compatible: a day-precise date within ±DAY_TOLERANCE days, a publication date counting
 *   for the PUBLICATION_WINDOW days before it, and a coarse date (month, year, a conflict) only with the
 *   very same range;
 * - their places are compatible: the same country or one unknown, and at most MAX_KM apart when both
 *   have coordinates.
 * Every two reports of a cluster are compatible: its members' date spans share at least one day, so that a
 * chain of daily reports cannot grow into one event lasting years.
 */
export const DAY_TOLERANCE = 1;
export const PUBLICATION_WINDOW = 4;
export const MAX_KM = 50;
/** A day-precise report whose end date is further than this from its start has a coarse range. */
export const COARSE_DAYS = 14;

const DAY = 86_400_000;
export const toDay = (iso: string): number => Math.floor(Date.parse(iso) / DAY);
export const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The days a report may describe. A coarse range matches only the very same range. */
export interface Span {
  readonly from: number;
  readonly to: number;
  readonly coarse: boolean;
}

export function span(e: ClusterInput): Span | null {
  if (!e.date) return null;
  const d = toDay(e.date);
  if (e.precision === 'publication') return { from: d - PUBLICATION_WINDOW, to: d, coarse: false };
  const end = e.enddate ? toDay(e.enddate) : d;
  if (end - d > COARSE_DAYS || e.precision === 'year' || e.precision === 'month' || e.precision === 'approximate') {
    return { from: d, to: end, coarse: true };
  }
  return { from: d - DAY_TOLERANCE, to: end + DAY_TOLERANCE, coarse: false };
}

export function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const x = (bLon - aLon) * rad * Math.cos(((aLat + bLat) / 2) * rad);
  const y = (bLat - aLat) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}
