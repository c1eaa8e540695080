import { didYouMean, partyLookup } from '../analysis/states.js';
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
  cluster?: string;
  id?: string;
}

const CERTAINTIES = new Set(['asserted', 'reported', 'alleged', 'hedged', 'confirmed', 'denied']);

/** A comma-separated flag's values; a flag given with none ("", ",") is a usage error, not "no filter". */
function list(flag: string, v: string | undefined): string[] {
  if (v === undefined) return [];
  const values = v.split(',').map((x) => x.trim()).filter(Boolean);
  if (!values.length) throw new UsageError(`--${flag} needs a value, not "${v}"`);
  return values;
}

/**
 * Command-line filters to an EventFilter; a bad value is a usage error naming the flag. Codes, types, certainties
 * and the source are taken in any case; a window whose --from is after its --to is an error, as in the API.
 */
export function parseFilter(f: FilterFlags): EventFilter {
  const codes = (flag: string, v: string | undefined): string[] => list(flag, v).map((c) => {
    const party = partyLookup(c);
    if ('code' in party) return party.code;
    throw new UsageError(`--${flag}: ${party.error} (give a 3-letter code: ISO alpha-3, KOS, IGO, UNO, EUR, ...)${didYouMean(party.suggestions)}`);
  });
  const types = list('type', f.type).map((t) => {
    const u = t.toUpperCase();
    if (!PLOVER_TYPES.has(u)) throw new UsageError(`--type: "${t}" is not a PLOVER event type`);
    return u as PloverEventType;
  });
  const quads = list('quad', f.quad).map((q) => {
    if (!/^[1-4]$/.test(q)) throw new UsageError(`--quad: "${q}" is not 1, 2, 3 or 4`);
    return Number(q) as QuadCode;
  });
  const certainty = list('certainty', f.certainty).map((c) => {
    if (!CERTAINTIES.has(c.toLowerCase())) throw new UsageError(`--certainty: "${c}" is not one of ${[...CERTAINTIES].join(', ')}`);
    return c.toLowerCase() as Certainty;
  });
  const date = (flag: string, v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    const d = toIsoDate(v);
    if (!d) throw new UsageError(`--${flag}: "${v}" is not a YYYY-MM-DD date`);
    return d;
  };
  const from = date('from', f.from);
  const to = date('to', f.to);
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const source = f.source?.toLowerCase();
  if (source !== undefined && source !== 'coded' && source !== 'imported') throw new UsageError(`--source must be coded or imported, not "${f.source}"`);
  const whole = (flag: string, v: string | undefined, what: string): number[] => list(flag, v).map((c) => {
    const n = c.replace(/^#/, '');
    if (!/^[1-9]\d{0,15}$/.test(n)) throw new UsageError(`--${flag}: "${c}" is not ${what}`);
    return Number(n);
  });
  const clusters = whole('cluster', f.cluster, 'a cluster id (a positive whole number, as export --clusters lists them)');
  const ids = whole('id', f.id, 'an event id (a positive whole number: the #12 of the analyses, a rowid)');
  const actor = codes('actor', f.actor);
  const recipient = codes('recipient', f.recipient);
  return {
    ...(actor.length ? { actor } : {}),
    ...(recipient.length ? { recipient } : {}),
    ...(types.length ? { type: types } : {}),
    ...(quads.length ? { quad: quads } : {}),
    ...(certainty.length ? { certainty } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(source ? { source } : {}),
    ...(clusters.length ? { clusters } : {}),
    ...(ids.length ? { ids } : {}),
  };
}

export const FILTER_OPTIONS: readonly [string, string][] = [
  ['--actor <codes>', 'actor codes or state names, comma-separated (SRB,TUR or Serbia,Turkey)'],
  ['--recipient <codes>', 'recipient codes or state names, comma-separated'],
  ['--type <types>', 'PLOVER event types, comma-separated (AID,ASSAULT)'],
  ['--quad <quads>', 'quad classes 1-4, comma-separated'],
  ['--from <YYYY-MM-DD>', 'events on or after this date'],
  ['--to <YYYY-MM-DD>', 'events on or before this date'],
  ['--certainty <values>', 'asserted, reported, alleged, hedged, confirmed, denied'],
  ['--source <source>', 'coded or imported'],
  ['--id <ids>', 'stored event ids, comma-separated: the evidence the analyses cite (#12, 40)'],
  ['--cluster <ids>', 'cluster ids, comma-separated: the reports of these real-world events (ids as export --clusters gives them)'],
];
