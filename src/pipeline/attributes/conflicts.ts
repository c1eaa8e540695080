import type { ActorMention, Conflict, DateResolution, Sentence } from '../../types.js';

const WORDS = '(?:conflict|war|fighting|clashes|hostilities|offensive|escalation|confrontation|invasion)';
const MONTHS = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
/**
 * A conflict used as a time: "in the first days of the conflict between Azerbaijan and Armenia", "during the
 * latest conflict in Nagorno-Karabakh", "since the 2008 war", "after the Gulf War". A conflict that is only the
 * topic ("a ceasefire in the Russia-Ukraine war") has no temporal opener and is no date. Bounded repetitions only.
 */
const PHASE = String.raw`(?:(?:first|early|opening|initial|last|final|closing) (?:days|weeks|hours|months|stages?)|start|beginning|outbreak|end|height|eve) of `;
const ANCHOR = new RegExp(
  String.raw`\b(?:(?:during|throughout|since|amid|after|before|following|at the time of) (?:the )?(${PHASE})?|(?:in|at|by|from|within|on) the (${PHASE}))` +
    String.raw`the ((?:latest|last|recent|previous|most recent|first|second|third|${MONTHS}|\d{4}(?:[-–]\d{2,4})?) ){0,2}((?:[\w'’-]+ ){0,3})${WORDS}\b` +
    String.raw`((?: (?:between|with|in|over|against|for|on) (?:the )?[\w'’-]+(?: (?:and )?[\w'’-]+){0,4})?)`,
  'gi',
);

const dayAdd = (iso: string, days: number): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hasWord = (text: string, word: string): boolean => new RegExp(`(?:^|[^\\w])${escape(word.toLowerCase())}(?![\\w])`).test(text);
const SCALE_RANK: Readonly<Record<string, number>> = { war: 3, 'civil war': 3, intervention: 2, insurgency: 1, clashes: 0 };

/** The conflict a phrase names or describes, or undefined. */
function choose(phrase: string, codes: readonly string[], conflicts: readonly Conflict[], publication: string | undefined, relative: boolean): Conflict | undefined {
  const lower = phrase.toLowerCase();
  const eligible = conflicts.filter((c) => !publication || c.start <= publication);
  // A conflict's own name or alias wins; the longest name is the most specific.
  const named = eligible
    .map((c) => ({ c, len: Math.max(0, ...[c.name, ...(c.aliases ?? [])].filter((a) => hasWord(lower, a)).map((a) => a.length)) }))
    .filter((x) => x.len > 0)
    .sort((a, b) => b.len - a.len);
  if (named.length) return named[0]!.c;
  const year = /\b(?:19|20)\d\d\b/.exec(lower)?.[0];
  const month = new RegExp(MONTHS).exec(lower)?.[0];
  const candidates = eligible.filter((c) => {
    const byPlace = c.places.some((p) => hasWord(lower, p));
    const byParties = codes.length > 0 && codes.every((code) => c.parties.includes(code));
    if (!byPlace && !byParties && !year) return false;
    if (year && !(c.start.slice(0, 4) <= year && (c.end ?? '9999').slice(0, 4) >= year)) return false;
    if (month && year && !(c.start.slice(0, 7) <= `${year}-${String(new Date(`${month} 1, 2000`).getMonth() + 1).padStart(2, '0')}`)) return false;
    return byPlace || byParties || (year !== undefined && codes.length === 0 && c.start.startsWith(year));
  });
  if (candidates.length === 0 || (relative && !publication)) return undefined;
  const clash = /clash/.test(lower);
  return [...candidates].sort((a, b) => {
    const scale = clash ? 0 : (SCALE_RANK[b.scale] ?? 0) - (SCALE_RANK[a.scale] ?? 0);
    return scale || b.start.localeCompare(a.start);
  })[0];
}

/**
 * Resolve a named or described conflict against the curated table of armed conflicts since 1990.
 * "Latest" is the most recent one that started before the publication date; without a publication date
 * only conflicts named by year or by their own name resolve.
 */
export function conflictDate(s: Sentence, mentions: readonly ActorMention[], conflicts: readonly Conflict[], publication: string | undefined): DateResolution | undefined {
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(s.text); m; m = ANCHOR.exec(s.text)) {
    const [phrase, phaseA, phaseB, qualifier = ''] = m;
    const phase = phaseA ?? phaseB;
    const start = s.start + m.index;
    const end = start + phrase.length;
    const codes = [...new Set(mentions.filter((x) => x.charStart >= start && x.charEnd <= end).map((x) => x.entity.code))];
    const relative = /latest|last|recent|previous/i.test(qualifier) || !/\d{4}/.test(phrase);
    const chosen = choose(phrase, codes, conflicts, publication, relative);
    if (!chosen) continue;
    const early = phase && /first|early|opening|initial|start|beginning|outbreak/i.test(phase);
    const late = phase && /last|final|closing|end/i.test(phase);
    const endDate = chosen.end ?? publication ?? chosen.start;
    const date = late ? dayAdd(endDate, -14) : chosen.start;
    const enddate = early ? dayAdd(chosen.start, 14) : endDate;
    return {
      date, enddate: enddate < date ? date : enddate, precision: 'approximate', text: phrase.trim(), charStart: start, charEnd: end,
      conflict: chosen.id, reason: `"${phrase.trim()}" → ${chosen.name} (${chosen.start} to ${chosen.end ?? 'ongoing'}) from the conflicts table${relative ? ', the most recent before publication' : ''}`,
    };
  }
  return undefined;
}
