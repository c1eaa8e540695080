/**
 * A synthetic world with known behaviour planted in it: the ground truth the analytics are tested against
 * (docs/scenario.md). Deterministic: the same options give the same events and truth. No clock, no Math.random.
 *
 * Each planted crisis sets a focal state against an adversary for 3 to 5 escalating months of material conflict,
 * inside one calendar year, with six planted partners of the focal state: two that hold, one that betrays (aid to
 * the adversary at least matching its aid to the focal state), one declared partner that stays silent, one that
 * wavers, and one opportunist that aids the adversary and courts the focal state only afterwards. Noise is spread
 * over every month: random pairs, a fixed tone per pair (cooperative or hostile types), at most two material-conflict
 * events per pair and month; it leaves the planted relations and the crisis months of the two sides alone.
 */
import { ploverScore } from '../src/import/cameo.js';
import { countryName } from '../src/import/countries.js';
import type { ImportedEvent, PloverEventType, Verdict } from '../src/types.js';
import { random } from './synth.js';

/** Real ISO alpha-3 codes, none of them a party to a conflict in data/conflicts.json. */
export const STATES: readonly string[] = [
  'ALB', 'ARG', 'AUT', 'BEL', 'BGR', 'BOL', 'BRA', 'BWA', 'CHE', 'CHL', 'CRI', 'CUB', 'CYP', 'CZE', 'DNK', 'DOM',
  'EST', 'FIN', 'GHA', 'GRC', 'HND', 'HUN', 'ISL', 'JAM', 'JPN', 'LAO', 'LTU', 'LUX', 'LVA', 'MDG', 'MLT', 'MNG',
  'MUS', 'MYS', 'NIC', 'NOR', 'NZL', 'OMN', 'PRT', 'PRY', 'ROU', 'SGP', 'SVK', 'SWE', 'TUN', 'TZA', 'URY', 'VNM',
];

export type Role = 'holder' | 'betrayer' | 'silent' | 'waverer' | 'opportunist';

export interface PlantedCrisis {
  readonly focal: string;
  readonly adversary: string;
  readonly from: string;
  readonly to: string;
}

/** The verdict a planted partner must get in the focal state's test of the planted window. */
export interface PlantedVerdict extends PlantedCrisis {
  readonly partner: string;
  readonly role: Role;
  readonly declared: boolean;
  readonly verdict: Verdict;
}

/** A say-do gap A → B that must be flagged in exactly these years. */
export interface PlantedGap {
  readonly a: string;
  readonly b: string;
  readonly periods: readonly string[];
}

export interface Truth {
  readonly seed: number;
  readonly states: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly noiseOnly: boolean;
  readonly crises: readonly PlantedCrisis[];
  readonly verdicts: readonly PlantedVerdict[];
  readonly gaps: readonly PlantedGap[];
}

export interface WorldOptions {
  readonly seed: number;
  /** At least 30 (default 36), at most STATES.length. */
  readonly states?: number;
  /** Years from 2014-01-01 (default 10, at least 6). */
  readonly years?: number;
  readonly noiseOnly?: boolean;
  /** Noise events drawn per month (default 40; some are dropped by the rules above). */
  readonly noisePerMonth?: number;
}

export const FIRST_YEAR = 2014;
const CRISES = 3;
const ROLES: readonly Role[] = ['holder', 'holder', 'betrayer', 'silent', 'waverer', 'opportunist'];
const VERDICT: Readonly<Record<Role, Verdict>> = { holder: 'held', betrayer: 'failed', silent: 'silent', waverer: 'wavered', opportunist: 'failed' };
const COOPERATIVE: readonly PloverEventType[] = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST'];
const HOSTILE: readonly PloverEventType[] = ['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const FIGHTING: readonly PloverEventType[] = ['ASSAULT', 'ASSAULT', 'COERCE', 'MOBILIZE', 'SANCTION'];
const WORDS: readonly PloverEventType[] = ['AGREE', 'SUPPORT', 'CONSULT'];
const AID_CONTEXT: readonly string[] = ['military', 'economic', 'humanitarian'];
/** Days of a month on which crisis events fall: three days apart, so that the cluster rule keeps them apart. */
const SLOTS: readonly number[] = [2, 5, 8, 11, 14, 17, 20, 23, 26];
/** Noise never puts more than this many material-conflict events on one pair in one month (the rule needs 3). */
const NOISE_CONFLICT_CAP = 2;

/** Seeded draws (mulberry32, from synth.ts): whole numbers, picks and shuffles. */
class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }
  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const time = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const shift = (d: string, days: number): string => iso(time(d) + days * DAY);
/** Day `d` of month `m` (0-based) of year `y`; day 0 is the last day of the month before. */
const dayOf = (y: number, m: number, d: number): string => iso(Date.UTC(y, m, d));
const quadOf = (e: PloverEventType): number => ploverScore(e, []).quad_code;
const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

interface Draft {
  readonly actor: string;
  readonly recipient: string;
  readonly event: PloverEventType;
  readonly date: string;
}

/** `n` dates spread evenly between `from` and `to`, each jittered within its share, in a shuffled order. */
function spread(rng: Rng, from: string, to: string, n: number): string[] {
  const span = (time(to) - time(from)) / DAY;
  const step = span / n;
  return rng.shuffle(Array.from({ length: n }, (_, i) => shift(from, Math.floor(step * i + step / 4 + rng.next() * (step / 2)))));
}

/** Pairs and spans noise leaves alone: the planted relations, and the two sides of a crisis around its window. */
interface Reserve {
  readonly pair?: string;
  readonly state?: string;
  readonly from: string;
  readonly to: string;
}

interface Plan {
  readonly crisis: PlantedCrisis;
  readonly partners: readonly { readonly state: string; readonly role: Role }[];
}

function plant(rng: Rng, plan: Plan, add: (d: Draft) => void, reserve: (r: Reserve) => void): void {
  const { focal, adversary, from, to } = plan.crisis;
  const y = +from.slice(0, 4);
  const m0 = +from.slice(5, 7) - 1;
  const months = (+to.slice(5, 7) - 1) - m0 + 1;
  const base = rng.int(4, 5);
  for (let j = 0; j < months; j++) {
    for (const slot of rng.shuffle(SLOTS).slice(0, base + j)) {
      const out = rng.next() < 0.5;
      add({ actor: out ? focal : adversary, recipient: out ? adversary : focal, event: rng.pick(FIGHTING), date: dayOf(y, m0 + j, slot) });
    }
  }
  reserve({ state: focal, from: shift(from, -31), to: shift(to, 31) });
  reserve({ state: adversary, from: shift(from, -31), to: shift(to, 31) });
  const inside = (p: string, acts: readonly [string, PloverEventType][]): void =>
    spread(rng, shift(from, 2), shift(to, -2), acts.length).forEach((date, i) => add({ actor: p, recipient: acts[i]![0], event: acts[i]![1], date }));
  const words = (p: string, a: string, b: string, n: number): void =>
    spread(rng, a, b, n).forEach((date) => add({ actor: p, recipient: focal, event: rng.pick(WORDS), date }));
  const earliest = `${FIRST_YEAR}-01-15`;
  for (const { state: p, role } of plan.partners) {
    reserve({ pair: pairKey(p, focal), from: '0000-01-01', to: '9999-12-31' });
    reserve({ pair: pairKey(p, adversary), from: `${y - 1}-12-01`, to: `${y + 1}-01-31` });
    if (role !== 'opportunist') {
      const start = shift(from, -365 * rng.int(1, 4));
      words(p, start < earliest ? earliest : start, shift(from, -30), rng.int(3, 6));
    }
    const rep = (n: number, act: [string, PloverEventType]): [string, PloverEventType][] => Array.from({ length: n }, () => act);
    if (role === 'holder') {
      inside(p, [
        ...rep(rng.int(1, 2), [focal, 'SUPPORT']), ...rep(rng.int(1, 2), [focal, 'AID']),
        ...rep(rng.int(0, 1), [adversary, 'ACCUSE']), ...rep(rng.int(0, 1), [adversary, 'SANCTION']),
      ]);
    } else if (role === 'betrayer') {
      const toAdversary = rng.int(2, 3);
      inside(p, [...rep(rng.int(0, 1), [focal, 'SUPPORT']), ...rep(toAdversary, [adversary, 'AID']), ...rep(rng.int(0, toAdversary - 1), [focal, 'AID'])]);
    } else if (role === 'waverer') {
      const toFocal = rng.int(2, 3);
      inside(p, [...rep(toFocal, [focal, 'AID']), ...(rng.next() < 0.5 ? rep(1, [adversary, 'AGREE']) : rep(1, [adversary, 'AID']))]);
    } else if (role === 'opportunist') {
      inside(p, rep(2, [adversary, 'AID']));
      words(p, shift(to, 90), shift(to, 540), rng.int(2, 3));
    }
  }
}

/** The planted crises: distinct states for every role, each window inside one calendar year. */
function plans(rng: Rng, states: readonly string[], years: number): Plan[] {
  const pool = rng.shuffle(states);
  const eligible = rng.shuffle(Array.from({ length: years - 4 }, (_, i) => FIRST_YEAR + 2 + i));
  return Array.from({ length: CRISES }, (_, i) => {
    const [focal, adversary, ...partners] = pool.splice(0, 2 + ROLES.length);
    const y = eligible[i % eligible.length]!;
    const months = rng.int(3, 5);
    const m0 = rng.int(0, 12 - months);
    const crisis = { focal: focal!, adversary: adversary!, from: dayOf(y, m0, 1), to: dayOf(y, m0 + months, 0) };
    return { crisis, partners: partners.map((state, k) => ({ state, role: ROLES[k]! })) };
  });
}

function noise(rng: Rng, states: readonly string[], years: number, perMonth: number, hostilePairs: ReadonlySet<string>, reserved: readonly Reserve[], add: (d: Draft) => void): void {
  const tones = new Map<string, readonly PloverEventType[]>();
  const conflict = new Map<string, number>();
  for (let i = 0; i < years * 12; i++) {
    const y = FIRST_YEAR + Math.floor(i / 12);
    for (let n = 0; n < perMonth; n++) {
      const a = rng.int(0, states.length - 1);
      const b = rng.int(0, states.length - 2);
      const actor = states[a]!;
      const recipient = states[b >= a ? b + 1 : b]!;
      const pair = pairKey(actor, recipient);
      let tone = tones.get(pair);
      if (!tone) tones.set(pair, (tone = hostilePairs.has(pair) || rng.next() < 0.4 ? HOSTILE : COOPERATIVE));
      const event = rng.pick(tone);
      const date = dayOf(y, i % 12, rng.int(1, 28));
      if (reserved.some((r) => (r.pair === pair || r.state === actor || r.state === recipient) && r.from <= date && date <= r.to)) continue;
      if (quadOf(event) === 4) {
        const key = `${pair}|${i}`;
        const seen = conflict.get(key) ?? 0;
        if (seen >= NOISE_CONFLICT_CAP) continue;
        conflict.set(key, seen + 1);
      }
      add({ actor, recipient, event, date });
    }
  }
}

const entity = (code: string): { code: string; entity_text: string } => ({ code, entity_text: countryName(code) ?? code });

function imported(d: Draft, seed: number, row: number): ImportedEvent {
  const source_id = `scenario-${seed}-${row}`;
  const score = ploverScore(d.event, []);
  const context = d.event === 'AID' ? [AID_CONTEXT[row % AID_CONTEXT.length]!] : [];
  return {
    source_id, date: d.date, date_precision: 'day', actor: [entity(d.actor)], recipient: [entity(d.recipient)], event: d.event, mode: [], context,
    quad_code: score.quad_code, event_scale: score.event_scale, event_text: null, event_loc: null, size: null, text: null, url: null,
    original_code: d.event, mapping: `PLOVER ${d.event}`, provenance: { source: 'imported', dataset: 'plover', file: 'scenario', row, source_id },
  };
}

export function buildWorld(opts: WorldOptions): { events: ImportedEvent[]; truth: Truth } {
  const count = opts.states ?? 36;
  const years = opts.years ?? 10;
  if (!Number.isInteger(count) || count < 30 || count > STATES.length) throw new Error(`states must be a whole number from 30 to ${STATES.length}`);
  if (!Number.isInteger(years) || years < 6) throw new Error('years must be a whole number, at least 6');
  if (opts.noisePerMonth !== undefined && !(Number.isInteger(opts.noisePerMonth) && opts.noisePerMonth >= 0)) throw new Error('noisePerMonth must be a whole number, at least 0');
  const rng = new Rng(opts.seed);
  const states = STATES.slice(0, count);
  const drafts: Draft[] = [];
  const add = (d: Draft): void => void drafts.push(d);
  const reserved: Reserve[] = [];
  const planned = opts.noiseOnly ? [] : plans(rng, states, years);
  for (const p of planned) plant(rng, p, add, (r) => void reserved.push(r));
  noise(rng, states, years, opts.noisePerMonth ?? 40, new Set(planned.map((p) => pairKey(p.crisis.focal, p.crisis.adversary))), reserved, add);
  const order = drafts.map((d, i) => [d, i] as const).sort((x, y) => x[0].date.localeCompare(y[0].date) || x[1] - y[1]);
  const events = order.map(([d], i) => imported(d, opts.seed, i + 1));
  const truth: Truth = {
    seed: opts.seed, states, from: `${FIRST_YEAR}-01-01`, to: `${FIRST_YEAR + years - 1}-12-31`, noiseOnly: opts.noiseOnly ?? false,
    crises: planned.map((p) => p.crisis),
    verdicts: planned.flatMap((p) => p.partners.map(({ state, role }) => ({ ...p.crisis, partner: state, role, declared: role !== 'opportunist', verdict: VERDICT[role] }))),
    gaps: planned.flatMap((p) => p.partners.filter((x) => x.role === 'betrayer' || x.role === 'opportunist').map((x) => ({ a: x.state, b: p.crisis.focal, periods: [p.crisis.from.slice(0, 4)] }))),
  };
  return { events, truth };
}

/** One event as a PLOVER JSONL line that `entente import --format plover` reads back to the same event. */
export function toPloverLine(e: ImportedEvent): string {
  return JSON.stringify({ id: e.source_id, date: e.date, event: e.event, actor: e.actor, recipient: e.recipient, mode: e.mode, context: e.context });
}
