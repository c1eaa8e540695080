/**
 * A file given with the wrong --format is told once, by its first non-blank line, and named for what it looks
 * like, instead of one problem per row.
 */
import type { Dataset, ImportFormat } from '../types.js';
import { headerNames, splitTabs } from './formats/common.js';
import { GDELT_LAYOUTS } from './formats/gdelt.js';

const NAMES: Readonly<Record<Dataset, string>> = { gdelt: 'GDELT', icews: 'ICEWS', polecat: 'POLECAT', plover: 'PLOVER JSONL' };

/** The format a file's first non-blank line looks like, or null when it looks like none of them. */
export function looksLike(first: string): Dataset | null {
  if (/^\s*[[{]/.test(first)) return 'plover';
  const names = headerNames(first);
  if (names.has('event id')) return names.has('cameo code') ? 'icews' : names.has('event type') ? 'polecat' : null;
  const fields = splitTabs(first);
  return GDELT_LAYOUTS.includes(fields.length) && /^(\d+|GLOBALEVENTID)$/.test(fields[0]!.trim()) ? 'gdelt' : null;
}

/** Why a file whose first non-blank line is `first` cannot be read in `format`, with the format it looks like; null when it can. */
export function refusal(format: ImportFormat, first: string): string | null {
  const why = format.refuse(first);
  if (why === null) return null;
  const seen = looksLike(first);
  return seen && seen !== format.name ? `${why}: is this ${NAMES[seen]}? (try --format ${seen})` : why;
}
