/** Calendar periods (ISO weeks, months, quarters, years) as keys with their first and last days. Pure. */
import type { PeriodUnit } from '../types.js';

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const utc = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));

export interface PeriodSpan {
  readonly period: string;
  readonly from: string;
  readonly to: string;
}

/** ISO-8601 week: the week with the year's first Thursday is week 1; weeks start on Monday. */
function isoWeek(d: string): PeriodSpan {
  const t = utc(d);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  const monday = t - weekday * DAY;
  const thursday = monday + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return { period: `${year}-W${String(week).padStart(2, '0')}`, from: iso(monday), to: iso(monday + 6 * DAY) };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const lastDay = (y: number, m: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${m === 2 && leap(y) ? 29 : DAYS[m - 1]}`;

/** The period a day falls in. */
export function periodOf(date: string, by: PeriodUnit): PeriodSpan {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  switch (by) {
    case 'week':
      return isoWeek(date);
    case 'month':
      return { period: date.slice(0, 7), from: `${date.slice(0, 7)}-01`, to: lastDay(y, m) };
    case 'quarter': {
      const q = Math.ceil(m / 3);
      return { period: `${y}-Q${q}`, from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: lastDay(y, q * 3) };
    }
    case 'year':
      return { period: String(y), from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, by: PeriodUnit): PeriodSpan[] {
  const out: PeriodSpan[] = [];
  for (let p = periodOf(from, by); p.from <= to; p = periodOf(addDays(p.to, 1), by)) out.push(p);
  return out;
}

export const addDays = (d: string, n: number): string => iso(utc(d) + n * DAY);

/** The same day `n` years later (earlier for negative n); 29 February becomes 28 February. */
export function addYears(d: string, n: number): string {
  const y = +d.slice(0, 4) + n;
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Whole months from the month of `from` to the month of `to`, at least 1. */
export const monthsSpanned = (from: string, to: string): number =>
  Math.max(1, (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7)) + 1);
