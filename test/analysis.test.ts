import { describe, expect, it } from 'vitest';
import {
  adversariesIn, alignmentOf, compare, crises, detectCrises, inWindow, isDated, network, partnershipTest, periodOf, periodsBetween, resolveState,
  sayDoGap, supportKind, tallyActs, timeline, toActs, toGraphML, verdictOf, weightOf,
} from '../src/analysis/index.js';
import type { ActRow } from '../src/analysis/acts.js';
import type { Act, Certainty, CrisisWindow, PloverEventType } from '../src/types.js';

const QUAD: Record<string, 1 | 2 | 3 | 4> = { AGREE: 1, SUPPORT: 1, CONSULT: 1, CONCEDE: 1, AID: 2, COOPERATE: 2, RETREAT: 2, REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4 };
let nextId = 1;

/** "AID SRB>ARM 2020-09-27" with options: a compact act for the tables. */
function act(spec: string, o: { certainty?: Certainty | null; enddate?: string; precision?: Act['precision']; cluster?: number; context?: string[]; id?: number } = {}): Act {
  const [event, pair, date] = spec.split(' ') as [PloverEventType, string, string | undefined];
  const [actor, recipient] = pair.split('>') as [string, string];
  return {
    id: o.id ?? nextId++, actor, recipient, joint: false, event, quad: QUAD[event]!, scale: QUAD[event]! <= 2 ? 5 : -5,
    date: date ?? '2021-12-01', enddate: o.enddate ?? null, precision: o.precision ?? (date ? 'day' : 'publication'),
    certainty: o.certainty === undefined ? 'asserted' : o.certainty, mode: [], context: o.context ?? [], cluster: o.cluster ?? null, source: 'coded',
  };
}

const row = (over: Partial<ActRow>): ActRow => ({
  id: 1, actor: 'SRB', recipient: 'ARM', parties: null, event: 'AID', quad: 2, scale: 10, date: '2020-09-27', enddate: null,
  precision: 'day', certainty: 'reported', mode: null, context: 'military', cluster: null, source: 'coded', ...over,
});

describe('acts: events as directed pairs', () => {
  const cases: [string, ActRow, string[]][] = [
    ['single dyad', row({}), ['SRB>ARM']],
    ['joint act: each way between its actors', row({ event: 'AGREE', parties: { actor: ['AZE', 'SRB'], recipient: [] } }), ['AZE>SRB', 'SRB>AZE']],
    ['compound: actor × recipient', row({ parties: { actor: ['SRB', 'RUS'], recipient: ['ARM', 'AZE'] } }), ['SRB>ARM', 'SRB>AZE', 'RUS>ARM', 'RUS>AZE']],
    ['no recipient, one actor: no act', row({ recipient: '' }), []],
    ['a state toward itself is dropped', row({ recipient: 'SRB' }), []],
  ];
  it.each(cases)('%s', (_n, r, pairs) => {
    const acts = toActs(r);
    expect(acts.map((a) => `${a.actor}>${a.recipient}`)).toEqual(pairs);
    if (r.parties && r.parties.recipient.length === 0) expect(acts.every((a) => a.joint)).toBe(true);
  });

  it('keeps context and mode as lists', () => {
    expect(toActs(row({ context: 'military;economic' }))[0]!.context).toEqual(['military', 'economic']);
  });

  const dating: [string, Act, boolean, [string, string], boolean][] = [
    ['day', act('AID SRB>ARM 2020-09-27'), true, ['2020-09-01', '2020-09-30'], true],
    ['publication date is undated', act('AID SRB>ARM'), false, ['2021-01-01', '2021-12-31'], false],
    ['a range overlapping the window', act('AID SRB>ARM 2020-09-27', { enddate: '2020-11-10', precision: 'approximate' }), true, ['2020-11-01', '2020-12-31'], true],
    ['a range ending before the window', act('AGREE SRB>AZE 2011-12-01', { enddate: '2013-12-01', precision: 'approximate' }), true, ['2014-01-01', '2015-01-01'], false],
  ];
  it.each(dating)('dates: %s', (_n, a, dated, [from, to], inside) => {
    expect(isDated(a)).toBe(dated);
    expect(inWindow(a, from, to)).toBe(inside);
  });
});

describe('periods', () => {
  const cases: [string, 'week' | 'month' | 'quarter' | 'year', string, string, string][] = [
    ['2020-07-12', 'month', '2020-07', '2020-07-01', '2020-07-31'],
    ['2020-02-12', 'month', '2020-02', '2020-02-01', '2020-02-29'],
    ['2020-11-10', 'quarter', '2020-Q4', '2020-10-01', '2020-12-31'],
    ['2021-12-01', 'year', '2021', '2021-01-01', '2021-12-31'],
    ['2021-01-01', 'week', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2020-07-12', 'week', '2020-W28', '2020-07-06', '2020-07-12'],
  ];
  it.each(cases)('%s by %s is %s', (day, by, period, from, to) => expect(periodOf(day, by)).toEqual({ period, from, to }));
  it('lists every period between two days', () => {
    expect(periodsBetween('2020-11-15', '2021-02-01', 'month').map((p) => p.period)).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
  });
});

describe('weights and classes', () => {
  const weights: [Certainty | null, boolean, number][] = [
    ['asserted', false, 1], ['confirmed', false, 1], ['reported', false, 0.5], ['alleged', false, 0.5], ['hedged', false, 0.5],
    ['denied', false, 0], [null, false, 1], ['reported', true, 0], ['confirmed', true, 1], [null, true, 1],
  ];
  it.each(weights)('%s (confirmed only: %s) weighs %s', (c, only, w) => expect(weightOf({ certainty: c }, only)).toBe(w));
  it('an aggregate act weighs as many events as it stands for', () => expect(weightOf({ certainty: null, n: 12 })).toBe(12));

  const align: [string, string | null][] = [
    ['SUPPORT BIH>AZE', 'aligned verbal'], ['AID TUR>AZE', 'aligned material'], ['ACCUSE TUR>ARM', 'aligned verbal'],
    ['SANCTION TUR>ARM', 'aligned material'], ['AID SRB>ARM', 'misaligned material'], ['AGREE SRB>ARM', 'misaligned verbal'],
    ['THREATEN RUS>AZE', 'misaligned verbal'], ['ASSAULT RUS>AZE', 'misaligned material'], ['CONSULT SRB>ARM', null],
    ['REQUEST SRB>AZE', null], ['AID SRB>GEO', null],
  ];
  it.each(align)('%s toward AZE against ARM: %s', (spec, want) => {
    const a = alignmentOf(act(`${spec} 2020-10-01`), 'AZE', 'ARM');
    expect(a ? `${a.side} ${a.kind}` : null).toBe(want);
  });

  const kinds: [string, string[], string | null][] = [
    ['AID SRB>ARM', ['military'], 'military'], ['COOPERATE TUR>AZE', ['economic'], 'economic'], ['AID TUR>AZE', ['human_security'], 'economic'],
    ['COOPERATE ISR>AZE', ['cyber'], 'technology'], ['COOPERATE ISR>AZE', ['legal'], 'diplomatic'], ['SUPPORT BIH>AZE', [], 'diplomatic'],
    ['AID TUR>AZE', [], 'economic'], ['AGREE TUR>AZE', [], null],
  ];
  it.each(kinds)('%s with context %j delivers %s support', (spec, context, kind) => expect(supportKind(act(`${spec} 2020-10-01`, { context }))).toBe(kind));
});

describe('verdicts', () => {
  const cases: [string, [number, number], [number, number], string][] = [
    ['nothing in the window', [0, 0], [0, 0], 'silent'],
    ['words only', [1, 0], [0, 0], 'held'],
    ['aid only', [0, 2], [0, 0], 'held'],
    ['reported arms to the adversary against a joint agreement', [1, 0], [0, 0.5], 'failed'],
    ['more aid to the adversary than to the focal state', [0, 1], [0, 2], 'failed'],
    ['material help outweighs an accusation', [0, 2], [1, 0], 'wavered'],
    ['hostile words outweigh words', [1, 0], [2, 0], 'failed'],
  ];
  it.each(cases)('%s: %s', (_n, [av, am], [mv, mm], want) => {
    expect(verdictOf({ verbal: av, material: am }, { verbal: mv, material: mm }).verdict).toBe(want);
  });
});

const window = (from: string, to: string, adversary = 'ARM'): CrisisWindow => ({ focal: 'AZE', adversary, from, to, source: 'given', name: null, events: 0, intensity: 0, peak: null, evidence: [] });

describe('partnership test (the seed article, as acts)', () => {
  const seed = [
    act('AGREE SRB>AZE 2011-12-01', { enddate: '2013-12-01', precision: 'approximate', id: 101 }),
    act('AID SRB>ARM 2020-09-27', { enddate: '2020-10-11', precision: 'approximate', certainty: 'reported', id: 103 }),
    act('AID SRB>ARM', { certainty: 'alleged', id: 105 }),
    act('AID SRB>ARM', { certainty: 'confirmed', id: 107 }),
    act('SUPPORT BIH>AZE 2020-09-27', { enddate: '2020-11-10', precision: 'approximate', id: 110 }),
    act('AGREE SRB>AZE 2021-11-01', { enddate: '2021-12-01', precision: 'approximate', id: 112 }),
    act('ASSAULT ARM>AZE 2020-07-12', { id: 108 }),
  ];
  const t = partnershipTest(seed, 'AZE', { window: window('2020-07-01', '2021-11-30') });
  const by = Object.fromEntries(t.partners.map((p) => [p.partner, p]));
  it('rates BIH held and SRB failed, with their evidence', () => {
    expect(by.BIH!.verdict).toBe('held');
    expect(by.SRB!.verdict).toBe('failed');
    expect(by.SRB!.evidence.map((e) => e.act.id).sort()).toEqual([103, 112]);
    expect(by.BIH!.evidence.map((e) => e.act.id)).toEqual([110]);
  });
  it('keeps publication-dated acts apart and never counts them', () => {
    expect(by.SRB!.undated.map((e) => e.act.id).sort()).toEqual([105, 107]);
    expect(by.SRB!.misaligned.material).toBe(0.5);
  });
  it('declares SRB (its 2011–2013 agreement) but not BIH', () => {
    expect(by.SRB!.declared).toBe(true);
    expect(by.BIH!.declared).toBe(false);
  });
  it('leaves out the reported delivery with --confirmed-only', () => {
    const c = partnershipTest(seed, 'AZE', { window: window('2020-07-01', '2021-11-30'), confirmedOnly: true });
    expect(c.partners.find((p) => p.partner === 'SRB')!.verdict).toBe('held');
  });
  it('leaves out, by default, a state that never spoke for the focal state', () => {
    const t2 = partnershipTest([...seed, act('AID RUS>ARM 2020-10-01')], 'AZE', { window: window('2020-07-01', '2021-11-30') });
    expect(t2.partners.map((p) => p.partner)).not.toContain('RUS');
  });
  it('rates a declared partner with no act in the window silent', () => {
    const s = partnershipTest([...seed, act('CONSULT TUR>AZE 2018-05-01')], 'AZE', { window: window('2020-07-01', '2021-11-30') });
    expect(s.partners.find((p) => p.partner === 'TUR')!.verdict).toBe('silent');
  });
  it('counts many reports of one delivery once', () => {
    const reports = [1, 2, 3].map((i) => act('AID SRB>ARM 2020-10-01', { cluster: 9, certainty: i === 1 ? 'confirmed' : 'reported' }));
    const r = partnershipTest(reports, 'AZE', { window: window('2020-07-01', '2021-11-30'), partners: ['SRB'] });
    expect(r.partners[0]!.misaligned.material).toBe(1);
  });

  it('flags the say-do gap with the agreements, the delivery and the admission', () => {
    const g = sayDoGap(seed, 'SRB', 'AZE', { by: 'year', crises: [window('2020-09-27', '2020-11-10')] });
    const flagged = g.periods.filter((p) => p.flagged);
    expect(flagged.map((p) => p.period)).toEqual(['2020']);
    expect(flagged[0]!.evidence.map((e) => e.act.id).sort()).toEqual([101, 103, 112]);
    expect(g.undated.map((e) => e.act.id).sort()).toEqual([105, 107]);
  });
  it('flags no gap when the deed falls outside every crisis window', () => {
    const g = sayDoGap(seed, 'SRB', 'AZE', { by: 'year', crises: [window('2016-04-01', '2016-04-05')] });
    expect(g.flagged).toBe(0);
  });
});

describe('timeline', () => {
  const acts = [
    act('AGREE SRB>AZE 2021-11-03'), act('AGREE AZE>SRB 2021-11-03'), act('ACCUSE AZE>SRB 2021-11-20', { certainty: 'alleged' }),
    act('AID SRB>AZE 2021-12-05', { cluster: 4 }), act('AID SRB>AZE 2021-12-06', { cluster: 4 }), act('AID SRB>ARM 2021-12-06'),
  ];
  const t = timeline(tallyActs(acts), 'SRB', 'AZE', { by: 'month' });
  it('counts each direction per period, with quads, scale, distinct events and the unconfirmed share', () => {
    expect(t.periods.map((p) => p.period)).toEqual(['2021-11', '2021-12']);
    const [nov, dec] = t.periods;
    expect(nov!.ab).toMatchObject({ count: 1, quad: [1, 0, 0, 0], types: { AGREE: 1 } });
    expect(nov!.ba).toMatchObject({ count: 2, quad: [1, 0, 1, 0], unconfirmed_share: 0.5, scale_sum: 0, scale_mean: 0 });
    expect(dec!.ab).toMatchObject({ count: 2, clusters: 1, types: { AID: 2 } });
    expect(nov!.both.count).toBe(3);
  });
  it('keeps empty periods so that charts keep their axis', () => {
    const w = timeline(tallyActs(acts), 'SRB', 'AZE', { by: 'month', from: '2021-09-01', to: '2022-01-31' });
    expect(w.periods.map((p) => p.both.count)).toEqual([0, 0, 3, 2, 0]);
  });
});

describe('crisis windows', () => {
  const burst = (adversary: string, months: string[], perMonth: number): Act[] =>
    months.flatMap((m) => Array.from({ length: perMonth }, (_, i) => act(`ASSAULT ${adversary}>AZE ${m}-${String(i + 1).padStart(2, '0')}`)));
  it('detects sustained conflict above the rolling baseline', () => {
    const acts = [...burst('ARM', ['2020-09', '2020-10', '2020-11'], 5), act('ASSAULT ARM>AZE 2019-03-02')];
    const w = detectCrises(tallyActs(acts), 'AZE');
    expect(w.map((c) => [c.adversary, c.from, c.to, c.events])).toEqual([['ARM', '2020-09-01', '2020-11-30', 15]]);
  });
  it('keeps a long war in one window: the baseline stays at its level before the war', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`);
    const w = detectCrises(tallyActs(burst('ARM', months, 6)), 'AZE');
    expect(w.map((c) => [c.from, c.to])).toEqual([['2020-01-01', '2020-12-31']]);
  });
  const quiet: [string, Act[]][] = [
    ['scattered clashes', [act('ASSAULT ARM>AZE 2020-01-05'), act('ASSAULT ARM>AZE 2020-03-05'), act('ASSAULT ARM>AZE 2020-05-05')]],
    ['one hot month of 3', burst('ARM', ['2020-09'], 3)],
    ['words, not deeds', Array.from({ length: 12 }, (_, i) => act(`ACCUSE ARM>AZE 2020-09-${String(i + 1).padStart(2, '0')}`))],
    ['protests', Array.from({ length: 12 }, (_, i) => act(`PROTEST ARM>AZE 2020-09-${String(i + 1).padStart(2, '0')}`))],
  ];
  it.each(quiet)('finds no window in %s', (_n, acts) => expect(detectCrises(tallyActs(acts), 'AZE')).toEqual([]));
  const gulf = { id: 'g', name: 'Gulf War', parties: ['IRQ', 'KWT', 'USA', 'GBR'], sides: [['IRQ'], ['KWT', 'USA', 'GBR']] as [string[], string[]], start: '1990-08-02', end: '1991-02-28', places: [], scale: 'war' };
  const sides: [string, Parameters<typeof adversariesIn>[0], string, string[]][] = [
    ['the other party of two', { ...gulf, parties: ['AZE', 'ARM'], sides: undefined }, 'AZE', ['ARM']],
    ['the other side, not the allies', gulf, 'USA', ['IRQ']],
    ['every state of the other side', gulf, 'IRQ', ['KWT', 'USA', 'GBR']],
    ['several parties without sides: none', { ...gulf, sides: undefined }, 'USA', []],
    ['not a party', gulf, 'FRA', []],
  ];
  it.each(sides)('known conflict adversaries: %s', (_n, c, focal, want) => expect(adversariesIn(c, focal)).toEqual(want));
  it('merges a detected window into the known conflict it overlaps', () => {
    const conflicts = [{ id: 'w', name: 'Second war', parties: ['AZE', 'ARM'], start: '2020-09-27', end: '2020-11-10', places: [], scale: 'war' }];
    const w = crises(tallyActs(burst('ARM', ['2020-09', '2020-10', '2020-11'], 5)), 'AZE', { conflicts, today: '2021-12-01' });
    expect(w.map((c) => [c.source, c.name, c.from, c.to])).toEqual([['known', 'Second war', '2020-09-01', '2020-11-30']]);
  });
});

describe('comparison and network', () => {
  const acts = [
    act('AID TUR>AZE 2020-10-01', { context: ['military'] }), act('SUPPORT TUR>AZE 2020-10-02'), act('AID SRB>ARM 2020-10-01', { context: ['military'] }),
    act('COOPERATE ISR>AZE 2019-01-01', { context: ['cyber'] }),
  ];
  it('ranks partners by what they delivered and their record, and says why', () => {
    const c = compare(acts, 'AZE', { partners: ['SRB', 'TUR', 'ISR'], crises: [window('2020-09-27', '2020-11-10')] });
    expect(c.candidates.map((x) => x.partner)).toEqual(['TUR', 'ISR', 'SRB']);
    expect(c.candidates[0]!.toFocal).toEqual({ military: 1, economic: 0, technology: 0, diplomatic: 1 });
    expect(c.candidates[2]!.toAdversaries.military).toBe(1);
    expect(c.candidates[0]!.record[0]!.verdict).toBe('held');
    expect(c.candidates[2]!.reason).toMatch(/held 0%/);
  });
  it('draws a signed graph and writes it as GraphML', () => {
    const net = network([...acts, act('ACCUSE AZE>ARM 2020-10-03')], { window: { from: '2020-01-01', to: '2020-12-31' } });
    expect(net.edges.map((e) => `${e.source}>${e.target}:${e.sign}`).sort()).toEqual(['AZE>ARM:-1', 'SRB>ARM:1', 'TUR>AZE:1']);
    const xml = toGraphML(net);
    expect(xml).toContain('<edge id="e0"');
    expect(xml.match(/<node /g)).toHaveLength(4);
  });
});

describe('states', () => {
  const cases: [string, string][] = [['SRB', 'SRB'], ['srb', 'SRB'], ['Serbia', 'SRB'], ['bosnia', 'BIH'], ['Azerbaijan', 'AZE']];
  it.each(cases)('%s reads as %s', (input, code) => expect(resolveState(input)).toMatchObject({ code }));
  it('suggests the closest matches for an unknown one', () => {
    const r = resolveState('Azerbajan');
    expect('error' in r && r.suggestions[0]).toBe('AZE (Azerbaijan)');
  });
});
