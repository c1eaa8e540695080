import { PLOVER_TYPES } from '../model/rules.js';
import { toIsoDate } from '../pipeline/normalize/index.js';
import type { Certainty, EventFilter, PloverEventType, QuadCode } from '../types.js';
import { UsageError } from './io.js';

export interface FilterFlags {
  actor?: string;
  recipient?: string;
  type?: string;
  quad?: string;
  from?: string;
  to?: string;
  certainty?: string;
  source?: string;
}

const CERTAINTIES = new Set(['asserted', 'reported', 'alleged', 'hedged', 'confirmed', 'denied']);
const split = (v: string | undefined): string[] => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);

/** Command-line filters to an EventFilter; a bad value is a usage error naming the flag. */
export function parseFilter(f: FilterFlags): EventFilter {
  const codes = (flag: string, v: string | undefined): string[] => split(v).map((c) => {
    if (!/^[A-Za-z]{3}$/.test(c)) throw new UsageError(`--${flag}: "${c}" is not a 3-letter code (ISO alpha-3, KOS, IGO, UNO, EUR, ...)`);
    return c.toUpperCase();
  });
  const types = split(f.type).map((t) => {
    const u = t.toUpperCase();
    if (!PLOVER_TYPES.has(u)) throw new UsageError(`--type: "${t}" is not a PLOVER event type`);
    return u as PloverEventType;
  });
  const quads = split(f.quad).map((q) => {
    if (!/^[1-4]$/.test(q)) throw new UsageError(`--quad: "${q}" is not 1, 2, 3 or 4`);
    return Number(q) as QuadCode;
  });
  const certainty = split(f.certainty).map((c) => {
    if (!CERTAINTIES.has(c)) throw new UsageError(`--certainty: "${c}" is not one of ${[...CERTAINTIES].join(', ')}`);
    return c as Certainty;
  });
  const date = (flag: string, v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    const d = toIsoDate(v);
    if (!d) throw new UsageError(`--${flag}: "${v}" is not a YYYY-MM-DD date`);
    return d;
  };
  if (f.source !== undefined && f.source !== 'coded' && f.source !== 'imported') throw new UsageError(`--source must be coded or imported, not "${f.source}"`);
  const filter: EventFilter = {
    ...(f.actor ? { actor: codes('actor', f.actor) } : {}),
    ...(f.recipient ? { recipient: codes('recipient', f.recipient) } : {}),
    ...(types.length ? { type: types } : {}),
    ...(quads.length ? { quad: quads } : {}),
    ...(certainty.length ? { certainty } : {}),
    ...(f.from ? { from: date('from', f.from) } : {}),
    ...(f.to ? { to: date('to', f.to) } : {}),
    ...(f.source ? { source: f.source as 'coded' | 'imported' } : {}),
  };
  return filter;
}

export const FILTER_OPTIONS: readonly [string, string][] = [
  ['--actor <codes>', 'actor codes, comma-separated (SRB,TUR)'],
  ['--recipient <codes>', 'recipient codes, comma-separated'],
  ['--type <types>', 'PLOVER event types, comma-separated (AID,ASSAULT)'],
  ['--quad <quads>', 'quad classes 1-4, comma-separated'],
  ['--from <YYYY-MM-DD>', 'events on or after this date'],
  ['--to <YYYY-MM-DD>', 'events on or before this date'],
  ['--certainty <values>', 'asserted, reported, alleged, hedged, confirmed, denied'],
  ['--source <source>', 'coded or imported'],
];
