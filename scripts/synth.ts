/**
 * A small synthetic world for scripts/generate.ts: a seeded random source, a skewed mix of countries and
 * dyads, CAMEO codes across all 20 roots, and one row writer per dataset layout.
 */
import { createRequire } from 'node:module';
import { cameoMapping, lookupCameo } from '../src/import/cameo.js';
import { countryName, fipsOf } from '../src/import/countries.js';
import { readDataJson } from '../src/paths.js';
import { ICEWS_COLUMNS } from '../src/import/formats/icews.js';
import { POLECAT_COLUMNS } from '../src/import/formats/polecat.js';

const require = createRequire(import.meta.url);

/** mulberry32: a fast, seedable generator of floats in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pick from weighted items with a precomputed cumulative table. */
function weighted<T>(items: readonly (readonly [T, number])[]): (r: () => number) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) cum.push((acc += w / total));
  return (r) => {
    const x = r();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]![0];
  };
}

const HEAVY: readonly (readonly [string, number])[] = [
  ['USA', 30], ['CHN', 14], ['RUS', 14], ['GBR', 8], ['UKR', 8], ['ISR', 7], ['IRN', 7], ['FRA', 6], ['DEU', 6], ['IND', 6],
  ['TUR', 5], ['SYR', 5], ['PSE', 4], ['JPN', 4], ['KOR', 3], ['PRK', 3], ['SAU', 3], ['PAK', 3], ['AFG', 3], ['IRQ', 3],
  ['EGY', 3], ['SRB', 2], ['ARM', 2], ['AZE', 2], ['BIH', 1], ['KOS', 1], ['ROU', 1], ['TLS', 0.3], ['TWN', 2], ['YEM', 2],
];
const DYADS: readonly (readonly [readonly [string, string], number])[] = [
  [['USA', 'CHN'], 10], [['RUS', 'UKR'], 10], [['ISR', 'PSE'], 8], [['USA', 'RUS'], 6], [['ARM', 'AZE'], 5], [['SRB', 'KOS'], 3],
  [['IND', 'PAK'], 4], [['USA', 'IRN'], 4], [['CHN', 'TWN'], 3], [['SAU', 'YEM'], 2], [['SRB', 'ARM'], 1], [['BIH', 'AZE'], 1],
];
const SECTORS: readonly (readonly [string, number])[] = [
  ['', 40], ['GOV', 25], ['MIL', 8], ['COP', 5], ['OPP', 4], ['REB', 3], ['CVL', 6], ['JUD', 3], ['LEG', 3], ['JRN', 2], ['BUS', 1],
];
const ROOT_WEIGHTS: Readonly<Record<string, number>> = {
  '01': 18, '02': 7, '03': 6, '04': 20, '05': 7, '06': 2, '07': 2, '08': 2, '09': 1, '10': 2,
  '11': 7, '12': 2, '13': 2, '14': 2, '15': 1, '16': 2, '17': 5, '18': 3, '19': 6, '20': 0.1,
};

interface WorldCountry { readonly cca3: string; readonly capital?: readonly string[]; readonly latlng: readonly number[] }

export interface Actor { readonly country: string; readonly sector: string }

/** Every day of 2015-2024 as YYYY-MM-DD, computed once. */
const DATES: readonly string[] = Array.from({ length: 3653 }, (_, i) => new Date(Date.UTC(2015, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));

export interface SynthEvent {
  readonly n: number;
  readonly date: string;
  readonly a: Actor;
  readonly b: Actor | null;
  readonly code: string;
  readonly place: string;
}

/** Draws events: 45% from frequent dyads, the rest from a skewed country mix; dates over 2015-2024. */
export function world(seed: number): () => SynthEvent {
  const r = random(seed);
  const pickCountry = weighted([...HEAVY, ...(require('world-countries') as WorldCountry[]).filter((c) => c.cca3 !== 'UNK' && countryName(c.cca3)).map((c) => [c.cca3, 0.15] as const)]);
  const pickDyad = weighted(DYADS);
  const pickSector = weighted(SECTORS);
  const codes = Object.keys(readDataJson<{ codes: Record<string, unknown> }>('cameo-plover.json').codes).filter((k) => k.length > 2);
  for (let i = 0; i <= 9; i++) if (!codes.includes(`01${i}`)) codes.push(`01${i}`);
  const pickCode = weighted(codes.map((c) => [c, (ROOT_WEIGHTS[c.slice(0, 2)] ?? 1) / codes.filter((k) => k.startsWith(c.slice(0, 2))).length] as const));
  let n = 0;
  return () => {
    let ca: string;
    let cb: string | null;
    if (r() < 0.45) {
      const d = pickDyad(r);
      [ca, cb] = r() < 0.5 ? [d[0], d[1]] : [d[1], d[0]];
    } else {
      ca = pickCountry(r);
      cb = r() < 0.15 ? null : pickCountry(r);
    }
    const date = DATES[Math.floor(r() * DATES.length)]!;
    n++;
    return {
      n, date, a: { country: ca, sector: pickSector(r) }, b: cb ? { country: cb, sector: pickSector(r) } : null,
      code: pickCode(r), place: r() < 0.6 ? ca : cb ?? ca,
    };
  };
}

const CAMEO_EXCEPTIONS: Readonly<Record<string, string>> = { ROU: 'ROM', TLS: 'TMP', KOS: 'KSV' };
const GDELT_TYPES: Readonly<Record<string, string>> = { JRN: 'MED' };
const ICEWS_SECTORS: Readonly<Record<string, string>> = {
  GOV: 'Government,Executive', MIL: 'Military', COP: 'Police', OPP: 'Protestors / Popular Opposition / Mobs', REB: 'Rebel',
  CVL: 'General Population / Civilian / Social', JUD: 'Judicial', LEG: 'Legislative / Parliamentary', JRN: 'Media,News', BUS: 'Business',
};
const ICEWS_NAMES: Readonly<Record<string, string>> = { RUS: 'Russian Federation', PSE: 'Occupied Palestinian Territory', KOR: 'South Korea', PRK: 'North Korea' };

let places: Map<string, WorldCountry> | undefined;
function placeOf(iso: string): { name: string; lat: string; lon: string } {
  places ??= new Map((require('world-countries') as WorldCountry[]).map((c) => [c.cca3 === 'UNK' ? 'KOS' : c.cca3, c]));
  const c = places.get(iso);
  const capital = c?.capital?.[0] ?? countryName(iso) ?? iso;
  return { name: `${capital}, ${countryName(iso) ?? iso}`, lat: (c?.latlng[0] ?? 0).toFixed(4), lon: (c?.latlng[1] ?? 0).toFixed(4) };
}

const memo = <T>(f: (key: string) => T): ((key: string) => T) => {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = f(key)));
    return v;
  };
};

/** A GDELT actor block of ten fields for "country|sector", joined once per pair. */
const gdeltActor = memo((key: string): string => {
  if (!key) return '\t\t\t\t\t\t\t\t\t';
  const [iso, sector] = key.split('|') as [string, string];
  const cc = CAMEO_EXCEPTIONS[iso] ?? iso;
  const type = sector ? GDELT_TYPES[sector] ?? sector : '';
  return [`${cc}${type}`, (countryName(iso) ?? iso).toUpperCase(), cc, '', '', '', '', type, '', ''].join('\t');
});

const gdeltGeo = memo((iso: string): string => {
  const p = placeOf(iso);
  return ['4', p.name, fipsOf(iso) ?? '', '', '', p.lat, p.lon, '-1'].join('\t');
});

/** The event fields of a CAMEO code: IsRootEvent through AvgTone. */
const gdeltEvent = memo((code: string): string => {
  const m = cameoMapping(code);
  return ['1', code, code.slice(0, 3), code.slice(0, 2), String(m?.score?.quad_code ?? 1), (m?.score?.event_scale ?? 0).toFixed(1), '10', '1', '10', '-2.5'].join('\t');
});

const gdeltDate = memo((date: string): string => {
  const d = date.replace(/-/g, '');
  return [d, d.slice(0, 6), d.slice(0, 4), (Number(d.slice(0, 4)) + (Number(d.slice(4, 6)) - 1) / 12).toFixed(4)].join('\t');
});

export function gdeltRow(e: SynthEvent): string {
  const geo = gdeltGeo(e.place);
  const a = gdeltActor(`${e.a.country}|${e.a.sector}`);
  const b = e.b ? gdeltActor(`${e.b.country}|${e.b.sector}`) : gdeltActor('');
  return `${900000000 + e.n}\t${gdeltDate(e.date)}\t${a}\t${b}\t${gdeltEvent(e.code)}\t${geo}\t${geo}\t${geo}\t${e.date.slice(0, 4)}${e.date.slice(5, 7)}${e.date.slice(8, 10)}150000\thttps://news.example.org/${e.date}/${e.n}`;
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const icewsHeader = (): string => ICEWS_COLUMNS.join('\t');

export function icewsRow(e: SynthEvent): string {
  const m = lookupCameo(e.code);
  const name = (iso: string): string => ICEWS_NAMES[iso] ?? countryName(iso) ?? iso;
  const who = (x: Actor): string => (x.sector ? `${ICEWS_SECTORS[x.sector]!.split(',')[0]} (${name(x.country)})` : name(x.country));
  const p = placeOf(e.place);
  const b = e.b ?? e.a;
  return [
    String(30000000 + e.n), e.date, who(e.a), ICEWS_SECTORS[e.a.sector] ?? '', name(e.a.country), capitalized(m?.label ?? ''), e.code,
    (m?.score?.event_scale ?? 0).toFixed(1), who(b), ICEWS_SECTORS[b.sector] ?? '', name(b.country), String(50000000 + e.n), '1',
    'Example Wire', p.name.split(', ')[0]!, '', '', name(e.place), p.lat, p.lon,
  ].join('\t');
}

export const polecatHeader = (): string => POLECAT_COLUMNS.join('\t');

const QUADS = ['', 'VERBAL COOPERATION', 'MATERIAL COOPERATION', 'VERBAL CONFLICT', 'MATERIAL CONFLICT'];

/** POLECAT rows carry PLOVER types: CAMEO 01 codes, which PLOVER drops, become CONSULT. */
export function polecatRow(e: SynthEvent): string {
  const m = lookupCameo(e.code.startsWith('01') ? '040' : e.code)!;
  const p = placeOf(e.place);
  const b = e.b;
  const cols: Record<string, string> = {
    'Event ID': `${e.date.replace(/-/g, '')}-${e.n}_1`, 'Event Date': e.date, 'Event Type': m.type!, 'Event Mode': m.mode[0] ?? '',
    Intensity: String(m.score!.event_scale), 'Quad Code': QUADS[m.score!.quad_code]!, Contexts: m.context.join(';'),
    'Actor Name': countryName(e.a.country) ?? e.a.country, 'Actor Country': e.a.country, 'Primary Actor Sector': e.a.sector,
    'Recipient Name': b ? countryName(b.country) ?? b.country : 'None', 'Recipient Country': b ? b.country : 'None',
    'Primary Recipient Sector': b?.sector ?? '', Placename: p.name.split(', ')[0]!, Country: countryName(e.place) ?? e.place,
    Latitude: p.lat, Longitude: p.lon, Source: 'Example Wire', 'Publication Date': e.date, Language: 'en', Version: 'synthetic',
  };
  return POLECAT_COLUMNS.map((c) => cols[c] ?? '').join('\t');
}

export function ploverRow(e: SynthEvent): string {
  const m = lookupCameo(e.code.startsWith('01') ? '040' : e.code)!;
  const entity = (x: Actor): Record<string, string> => ({ code: x.country, ...(x.sector ? { sector: x.sector } : {}), entity_text: countryName(x.country) ?? x.country });
  const p = placeOf(e.place);
  return JSON.stringify({
    id: `synthetic-${e.n}`, date: e.date, actor: [entity(e.a)], recipient: e.b ? [entity(e.b)] : [], event: m.type, mode: m.mode,
    context: m.context, event_loc: { name: p.name, country: e.place, lat: Number(p.lat), lon: Number(p.lon) },
    url: `https://news.example.org/${e.date}/${e.n}`,
  });
}
