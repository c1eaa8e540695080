import * as chrono from 'chrono-node';
import type { ActorMention, DatePrecision, DateResolution, Model, Sentence } from '../../types.js';
import { conflictDate } from './conflicts.js';

/** Cheap tests before any parser runs: most sentences name no date and no conflict at all. */
const DATE_CUE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?=[\s,.;]|$)|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|ago|[Ll]ast (?:week|month|year|night)|[Tt]his (?:week|month|year)|[Ee]arlier this|weekend|(?:19|20)\d\d)\b/g;
const CONFLICT_CUE = /\b(?:conflict|war|fighting|clashes|hostilities|offensive|escalation|confrontation|invasion)\b/i;
const VAGUE_CUE = /\b(?:decades? ago|recently|lately|in recent)\b/i;
/** Characters of context chrono sees on each side of a date cue. */
const WINDOW = 40;
const RELATIVE = /\b(?:ago|yesterday|today|tonight|tomorrow|last|next|this|recent|recently|earlier|later|weekend|mon|tues|wednes|thurs|fri|satur|sun)/i;
const MONTH_YEAR_AFTER = /^,?\s*(?:in|of)?\s*((?:19|20)\d\d)\b/;

/** chrono-node with Entente's refiners: news reads weekdays and bare months as past; "the 12th of July in 2020" keeps its year. */
const parser = chrono.casual.clone();
parser.refiners.push({
  refine: (context, results) => {
    const ref = context.reference.instant.getTime();
    for (const r of results) {
      const after = MONTH_YEAR_AFTER.exec(context.text.slice(r.index + r.text.length));
      if (after && !r.start.isCertain('year')) {
        r.start.assign('year', Number(after[1]));
        r.text += context.text.slice(r.index + r.text.length, r.index + r.text.length + after[0].length);
      }
      const date = r.start.date().getTime();
      // Later than the publication day: news reads it as the last such day or month before it.
      if (date > ref + 43_200_000) {
        if (r.start.isCertain('weekday') && !r.start.isCertain('day')) r.start.imply('day', r.start.get('day')! - 7);
        else if (r.start.isCertain('month') && !r.start.isCertain('year')) r.start.imply('year', r.start.get('year')! - 1);
      }
    }
    return results;
  },
});

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const shiftYears = (isoDay: string, years: number): string => `${Number(isoDay.slice(0, 4)) + years}${isoDay.slice(4)}`;
const shiftDays = (isoDay: string, days: number): string => iso(new Date(Date.parse(isoDay) + days * 86_400_000));

/** Vague past expressions chrono does not parse: "almost a decade ago", "decades ago", "recently". */
function vagueDate(s: Sentence, publication: string | undefined): DateResolution | undefined {
  const decade = /\b(?:(almost|nearly|about|around|more than|over|some) )?(a|one|two|three|several) decades? ago\b/i.exec(s.text);
  if (decade) {
    const n = ({ a: 1, one: 1, two: 2, three: 3, several: 3 } as Record<string, number>)[decade[2]!.toLowerCase()]!;
    const at = { text: decade[0], charStart: s.start + decade.index, charEnd: s.start + decade.index + decade[0].length };
    if (!publication) return { date: null, precision: 'unresolved', ...at, reason: `"${decade[0]}" is relative and the story has no publication date` };
    const almost = /almost|nearly/i.test(decade[1] ?? '');
    const over = /more than|over/i.test(decade[1] ?? '');
    const from = shiftYears(publication, -10 * n - (over ? 3 : almost ? 0 : 2));
    const to = shiftYears(publication, -10 * n + (over ? 0 : almost ? 2 : 2));
    return { date: from, enddate: to, precision: 'approximate', ...at, reason: `"${decade[0]}": about ${10 * n} years before publication (${from} to ${to}), approximate` };
  }
  const recent = /\b(?:recently|lately|in recent (?:days|weeks))\b/i.exec(s.text);
  if (recent) {
    const at = { text: recent[0], charStart: s.start + recent.index, charEnd: s.start + recent.index + recent[0].length };
    if (!publication) return { date: null, precision: 'unresolved', ...at, reason: `"${recent[0]}" is relative and the story has no publication date` };
    return { date: shiftDays(publication, -30), enddate: publication, precision: 'approximate', ...at, reason: `"${recent[0]}": within about a month before publication` };
  }
  return undefined;
}

const YEAR = /\b(?:in|since|during|by|of|from) ((?:19|20)\d\d)\b(?![-–\/]\d)/gi;

/**
 * "in 2008": the first such year on or before publication, as a year. A year after publication is a target ("by
 * 2050"), not when the act happened; when no year is found, the first such target is named as `later`.
 */
function bareYear(s: Sentence, publication: string | undefined): { readonly found?: DateResolution; readonly later?: string | undefined } {
  let later: string | undefined;
  for (const year of s.text.matchAll(YEAR)) {
    if (publication && year[1]! > publication.slice(0, 4)) {
      later ??= year[0];
      continue;
    }
    return {
      found: {
        date: `${year[1]}-01-01`, enddate: `${year[1]}-12-31`, precision: 'year', text: year[0],
        charStart: s.start + year.index, charEnd: s.start + year.index + year[0].length, reason: `year "${year[1]}"`,
      },
    };
  }
  return { later };
}

function precisionOf(r: chrono.ParsedResult): DatePrecision {
  const c = (k: chrono.Component): boolean => r.start.isCertain(k);
  if (c('day') || c('weekday')) return 'day';
  if (c('month')) return 'month';
  if (c('year')) return 'year';
  return 'approximate';
}

/**
 * The date of an event in a sentence, resolved against the publication date. Conflict anchors come first,
 * then chrono-node (nearest expression to the trigger), then vague expressions. With no date expression the
 * event takes the publication date, marked "publication"; with no publication date either, it stays unresolved.
 */
const memo = new WeakMap<Sentence, { publication: string | undefined; results: chrono.ParsedResult[] }>();

/** chrono results for a sentence, parsing only windows around date cues (offsets into the sentence). */
function chronoResults(s: Sentence, publication: string | undefined): chrono.ParsedResult[] {
  const hit = memo.get(s);
  if (hit && hit.publication === publication) return hit.results;
  const results = parseWindows(s, publication);
  memo.set(s, { publication, results });
  return results;
}

function parseWindows(s: Sentence, publication: string | undefined): chrono.ParsedResult[] {
  const ref = publication ? new Date(`${publication}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: chrono.ParsedResult[] = [];
  let covered = -1;
  DATE_CUE.lastIndex = 0;
  for (let m = DATE_CUE.exec(s.text); m; m = DATE_CUE.exec(s.text)) {
    if (m.index < covered) continue;
    const from = Math.max(0, m.index - WINDOW);
    const to = Math.min(s.text.length, m.index + m[0].length + WINDOW);
    covered = to;
    for (const r of parser.parse(s.text.slice(from, to), { instant: ref, timezone: 'UTC' }, { forwardDate: false })) {
      (r as { index: number }).index += from;
      if (!out.some((o) => o.index === r.index)) out.push(r);
    }
  }
  return out;
}

export function resolveDate(s: Sentence, triggerChar: number, mentions: readonly ActorMention[], model: Model, publication: string | undefined): DateResolution {
  const conflicts = CONFLICT_CUE.test(s.text);
  DATE_CUE.lastIndex = 0;
  const dates = DATE_CUE.test(s.text);
  // The first date expression after publication, when it is all the sentence has: a target, named in the reason.
  let later: string | undefined;
  if (conflicts || dates || VAGUE_CUE.test(s.text)) {
    const conflict = conflicts ? conflictDate(s, mentions, model.conflicts, publication) : undefined;
    if (conflict) return conflict;
    const results = dates ? chronoResults(s, publication) : [];
    const readable = results.filter((r) => !/^(?:may|march|sun|sat|mon|wed|fri|now|second|third|fourth|fifth)$/i.test(r.text.trim()) || r.text.trim().length > 6);
    // A date after publication is a target or a deadline ("climate neutral by 2050"), never when a reported act
    // happened: the act is dated by another expression, or by the publication.
    const future = publication ? readable.filter((r) => iso(r.start.date()) > publication) : [];
    const usable = readable.filter((r) => !future.includes(r));
    const best = usable.sort((a, b) => Math.abs(s.start + a.index - triggerChar) - Math.abs(s.start + b.index - triggerChar))[0];
    if (best) {
      const at = { text: best.text, charStart: s.start + best.index, charEnd: s.start + best.index + best.text.length };
      const relative = RELATIVE.test(best.text) || !best.start.isCertain('year');
      if (relative && !publication) return { date: null, precision: 'unresolved', ...at, reason: `"${best.text}" is relative and the story has no publication date` };
      const precision = precisionOf(best);
      const date = iso(best.start.date());
      const enddate = precision === 'month' ? shiftDays(iso(new Date(Date.UTC(best.start.get('year')!, best.start.get('month')!, 1))), -1) : precision === 'year' ? `${date.slice(0, 4)}-12-31` : undefined;
      return { date: precision === 'year' ? `${date.slice(0, 4)}-01-01` : precision === 'month' ? `${date.slice(0, 7)}-01` : date, ...(enddate ? { enddate } : {}), precision, ...at, reason: `date expression "${best.text}"${relative ? ` relative to publication ${publication}` : ''}` };
    }
    const vague = vagueDate(s, publication);
    if (vague) return vague;
    const year = bareYear(s, publication);
    if (year.found) return year.found;
    later = future[0]?.text ?? year.later;
  }
  if (publication) {
    const why = later ? `"${later}" is after the publication date (a target, not when the act happened)` : 'no date expression';
    return { date: publication, precision: 'publication', reason: `${why}: the publication date` };
  }
  return { date: null, precision: 'unresolved', reason: 'no date expression and no publication date' };
}
