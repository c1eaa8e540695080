import type { PloverRecord } from '../types.js';

/** One gold sentence with its expected events (older PLOVER names mapped to the current ones). */
export interface GoldStory {
  readonly id: string;
  readonly text: string;
  readonly date?: string;
  readonly events: readonly { readonly type: string; readonly actors: ReadonlySet<string>; readonly recipients: ReadonlySet<string> | null }[];
}

/** PLOVER 0.5 category names used by the gold-standard records, and their current names. */
const OLD_TYPES: Readonly<Record<string, string>> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT', CRIME: 'ASSAULT' };
/** CAMEO country codes that differ from ISO 3166 alpha-3, and PLOVER's IGO family folded together. */
const OLD_CODES: Readonly<Record<string, string>> = { GMY: 'DEU', JAP: 'JPN', ITL: 'ITA', VTN: 'VNM', ROM: 'ROU', WIZ: 'CHE', MOR: 'MAR', ZAR: 'COD', XKX: 'KOS', UNO: 'IGO', EUR: 'IGO' };

export const normType = (t: string): string => OLD_TYPES[t.toUpperCase()] ?? t.toUpperCase();
export function normCode(code: string): string | null {
  const c = code.toUpperCase().trim();
  if (!c || c.startsWith('---')) return null;
  if (c.startsWith('IGO')) return 'IGO';
  return OLD_CODES[c.slice(0, 3)] ?? c.slice(0, 3);
}

const codes = (list: unknown): Set<string> => new Set((Array.isArray(list) ? list : []).map((a) => normCode(String((a as { code?: string })?.code ?? a ?? ''))).filter((x): x is string => x !== null));

/** Read the PLOVER gold-standard format: a JSON array of {id, date, text, event, source[], target[]}. */
export function parseGold(raw: unknown, file: string): GoldStory[] {
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON array of gold records`);
  return raw
    .filter((r) => r && typeof r.text === 'string' && r.event !== 'DOCUMENT')
    .map((r) => ({
      id: String(r.id),
      text: r.text as string,
      ...(typeof r.date === 'string' ? { date: r.date } : {}),
      events: [{ type: normType(String(r.event)), actors: codes(r.source), recipients: Array.isArray(r.target) && r.target.length ? codes(r.target) : null }],
    }));
}

export interface GoldScore {
  readonly stories: number;
  readonly gold_events: number;
  readonly type_recall: number;
  readonly triple_recall: number;
  readonly share_sentences_with_wrong_type: number;
  readonly events_per_positive_sentence: number;
  readonly per_type: Readonly<Record<string, string>>;
  readonly misses: readonly string[];
}

const overlaps = (got: ReadonlySet<string>, want: ReadonlySet<string>): boolean => want.size === 0 || [...got].some((c) => want.has(c));

/**
 * Type recall: gold events whose type the coder produced for the sentence. Triple recall: the same, with an
 * overlapping actor and recipient (a joint event with no recipient matches on its actors). Wrong-type share:
 * sentences where the coder produced any type the gold does not list.
 */
export function scoreGold(coded: readonly { readonly gold: GoldStory; readonly records: readonly PloverRecord[] }[]): GoldScore {
  let events = 0;
  let typeHits = 0;
  let tripleHits = 0;
  let wrong = 0;
  let produced = 0;
  const perType: Record<string, [number, number]> = {};
  const misses: string[] = [];
  for (const { gold, records } of coded) {
    produced += records.length;
    const types = new Set(gold.events.map((e) => e.type));
    const extra = records.filter((r) => !types.has(r.event));
    if (extra.length) {
      wrong++;
      misses.push(`WRONG TYPE ${gold.id} [gold ${[...types].join('/')}] ${gold.text}\n   extra ${extra.map((r) => `${r.event} on "${r.event_text}"`).join(' | ')}`);
    }
    for (const g of gold.events) {
      events++;
      const cell = (perType[g.type] ??= [0, 0]);
      cell[1]++;
      const same = records.filter((r) => r.event === g.type);
      if (same.length) {
        typeHits++;
        cell[0]++;
      }
      const hit = same.some((r) => {
        const actors = codes(r.actor);
        const recipients = codes(r.recipient);
        if (g.recipients === null) return overlaps(new Set([...actors, ...recipients]), g.actors);
        return overlaps(actors, g.actors) && overlaps(recipients.size ? recipients : actors, g.recipients);
      });
      if (hit) tripleHits++;
      else misses.push(`MISS ${gold.id} [${g.type} ${[...g.actors].join('+') || '*'} -> ${g.recipients ? [...g.recipients].join('+') : '*'}] ${gold.text}\n   got ${records.map((r) => `${r.event} ${[...codes(r.actor)].join('+')} -> ${[...codes(r.recipient)].join('+')}`).join(' | ') || 'nothing'}`);
    }
  }
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    stories: coded.length, gold_events: events, type_recall: r3(typeHits / Math.max(events, 1)), triple_recall: r3(tripleHits / Math.max(events, 1)),
    share_sentences_with_wrong_type: r3(wrong / Math.max(coded.length, 1)), events_per_positive_sentence: r3(produced / Math.max(coded.length, 1)),
    per_type: Object.fromEntries(Object.entries(perType).sort().map(([k, [h, n]]) => [k, `${h}/${n}`])), misses,
  };
}
