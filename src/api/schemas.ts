/** Input schemas shared by the routes. Query values arrive as strings; these check and convert them. */
import { z } from 'zod';
import { didYouMean, partyLookup } from '../analysis/states.js';
import { PLOVER_TYPES } from '../model/rules.js';
import { toIsoDate } from '../pipeline/normalize/index.js';
import type { Certainty, PloverEventType, QuadCode } from '../types.js';

const CERTAINTIES = ['asserted', 'reported', 'alleged', 'hedged', 'confirmed', 'denied'] as const;

const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter(Boolean);

export const isoDate = z.string().refine((v) => toIsoDate(v) === v, 'expected a YYYY-MM-DD date').describe('YYYY-MM-DD');

/** "SRB,arm,Turkey" → ["SRB", "ARM", "TUR"]: 3-letter codes as given, longer values state names (as `entente events`). */
export const codeList = z.string().transform((s, ctx) => {
  const values = list(s);
  if (values.length === 0) ctx.addIssue({ code: 'custom', message: 'expected 3-letter codes or state names, comma-separated (SRB,ARM)' });
  return values.map((c) => {
    const party = partyLookup(c);
    if ('code' in party) return party.code;
    ctx.addIssue({ code: 'custom', message: `${party.error}${didYouMean(party.suggestions)}` });
    return c;
  });
});

export const typeList = z.string()
  .refine((s) => list(s).every((t) => PLOVER_TYPES.has(t.toUpperCase())), `expected PLOVER event types, comma-separated (${[...PLOVER_TYPES].slice(0, 3).join(',')}, ...)`)
  .transform((s) => list(s).map((t) => t.toUpperCase() as PloverEventType));

export const quadList = z.string()
  .regex(/^\s*[1-4]\s*(,\s*[1-4]\s*)*$/, 'expected quad classes 1-4, comma-separated')
  .transform((s) => list(s).map((q) => Number(q) as QuadCode));

export const certaintyList = z.string()
  .refine((s) => list(s).every((c) => (CERTAINTIES as readonly string[]).includes(c)), `expected ${CERTAINTIES.join(', ')}, comma-separated`)
  .transform((s) => list(s) as Certainty[]);

export const limit = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback).describe(`at most this many (default ${fallback}, at most ${max})`);
export const after = z.coerce.number().int().min(0).optional().describe('the `next` cursor of the previous page');

/**
 * A page read one item past its size (`size + 1` asked of the store): the items to answer with, and whether more
 * follow. A page that happens to end with the last item then says there is no next page.
 */
export function pageOf<T>(read: readonly T[], size: number): { readonly items: T[]; readonly more: boolean } {
  return { items: read.slice(0, size), more: read.length > size };
}

/** The paging options of a store read by id: one item past the page's size, after the cursor. */
export type ByIdPage = { readonly order: 'id'; readonly limit: number; readonly after?: number };

/**
 * A page of a list the store reads by id: `read` gets the options, and `next` is the last id of a page that more
 * items follow (null: no more).
 */
export function pageById<T>(read: (opts: ByIdPage) => Iterable<T>, idOf: (item: T) => number, size: number, cursor: number | undefined): { readonly items: T[]; readonly next: number | null } {
  const { items, more } = pageOf([...read({ order: 'id', limit: size + 1, ...(cursor ? { after: cursor } : {}) })], size);
  return { items, next: more ? idOf(items[items.length - 1]!) : null };
}

/** The filters of `entente events`, as query parameters. */
export const eventFilterQuery = z.object({
  actor: codeList.optional().describe('actor codes or state names, comma-separated (SRB,TUR or Serbia,Turkey)'),
  recipient: codeList.optional().describe('recipient codes or state names, comma-separated'),
  type: typeList.optional().describe('PLOVER event types, comma-separated (AID,ASSAULT)'),
  quad: quadList.optional().describe('quad classes 1-4, comma-separated'),
  from: isoDate.optional().describe('events on or after this date'),
  to: isoDate.optional().describe('events on or before this date'),
  certainty: certaintyList.optional().describe(`${CERTAINTIES.join(', ')}, comma-separated`),
  source: z.enum(['coded', 'imported']).optional(),
  cluster: z.string()
    .regex(/^\s*[1-9]\d{0,15}\s*(,\s*[1-9]\d{0,15}\s*)*$/, 'expected cluster ids, comma-separated (12,40)')
    .transform((s) => list(s).map(Number)).optional().describe('cluster ids, comma-separated: the reports of these real-world events'),
});

/** One story to code or store. A field it does not know ("dat", "published") is a 400, not silently dropped. */
export const storyInput = z.strictObject({
  id: z.string().min(1).max(300).optional().describe('default: derived from the text, so the same text is the same story'),
  text: z.string().refine((t) => t.trim().length > 0, 'the text is empty'),
  date: isoDate.optional().describe('publication date; without it relative dates stay unresolved'),
  title: z.string().max(1000).optional(),
  url: z.string().max(2000).optional(),
  source: z.string().max(300).optional().describe('the outlet'),
  format: z.enum(['text', 'html']).default('text').describe('html: the visible text is coded'),
});

export type StoryInput = z.output<typeof storyInput>;
