import { describe, expect, it } from 'vitest';
import { code } from './helpers.js';

const first = (text: string, date?: string) => code(text, date)[0]!;

describe('attributes: dates against publication date 2021-12-01', () => {
  it.each([
    ['On the 12th of July in 2020, Armenian forces attacked Azerbaijan.', '2020-07-12', 'day'],
    ['Serbia attacked Kosovo last Thursday.', '2021-11-25', 'day'],
    ['Serbia attacked Kosovo on Thursday.', '2021-11-25', 'day'],
    ['Serbia attacked Kosovo yesterday.', '2021-11-30', 'day'],
    ['Serbia attacked Kosovo in June.', '2021-06-01', 'month'],
    ['Serbia attacked Kosovo on July 12, 2020.', '2020-07-12', 'day'],
    ['Serbia attacked Kosovo in 2008.', '2008-01-01', 'year'],
    ['Almost a decade ago, Serbia and Azerbaijan agreed to cooperate.', '2011-12-01', 'approximate'],
    ['Serbia recently signed an agreement with Azerbaijan.', '2021-11-01', 'approximate'],
    ['During the latest conflict in Nagorno-Karabakh, Bosnia expressed support for Azerbaijan.', '2020-09-27', 'approximate'],
    ['In the first days of the conflict between Azerbaijan and Armenia, Serbia delivered weapons to Armenia.', '2020-09-27', 'approximate'],
    ['Russia has attacked Georgia since the 2008 war.', '2008-08-07', 'approximate'],
    ['Serbia attacked Kosovo.', '2021-12-01', 'publication'],
    // Dates after publication are targets and deadlines, not when the act happened.
    ['The European Union pledged to make the region climate neutral by 2050.', '2021-12-01', 'publication'],
    ['In 2017, Serbia signed an agreement with Azerbaijan to build a road by 2030.', '2017-01-01', 'year'],
    ['Serbia threatened to attack Kosovo next week.', '2021-12-01', 'publication'],
  ])('%s → %s (%s)', (text, date, precision) => {
    const r = first(text);
    expect(r.date).toBe(date);
    expect(r.date_precision).toBe(precision);
  });

  it('says why a date after publication was not taken', () => {
    expect(first('The European Union pledged to make the region climate neutral by 2050.').reason.date)
      .toMatch(/"by 2050" is after the publication date/);
  });

  it('a named conflict gives its end date too', () => {
    const r = first('During the latest conflict in Nagorno-Karabakh, Bosnia expressed support for Azerbaijan.');
    expect(r.enddate).toBe('2020-11-10');
  });
});

describe('attributes: dates without a publication date', () => {
  it.each([
    ['Serbia attacked Kosovo last Thursday.', null, 'unresolved'],
    ['Almost a decade ago, Serbia and Azerbaijan agreed to cooperate.', null, 'unresolved'],
    ['During the latest conflict in Nagorno-Karabakh, Bosnia expressed support for Azerbaijan.', null, 'unresolved'],
    ['Serbia attacked Kosovo.', null, 'unresolved'],
    ['On the 12th of July in 2020, Armenian forces attacked Azerbaijan.', '2020-07-12', 'day'],
  ])('%s → %s (%s): never an invented date', (text, date, precision) => {
    const r = first(text, '');
    expect(r.date).toBe(date);
    expect(r.date_precision).toBe(precision);
  });
});

describe('attributes: size', () => {
  it.each([
    ['Armenian forces attacked Tovuz, after which the Azerbaijani general and 11 soldiers of the Azerbaijani army lost their lives.', { dead: 12 }],
    ['Two Palestinian suicide bombers killed 23 people in Tel Aviv.', { dead: 23 }],
    ['A roadside bombing near Samarra killed one U.S. soldier and wounded two others.', { dead: 1, injured: 2 }],
    ['Egyptian police opened fire on demonstrators, killing one person and arresting 12.', { dead: 1, arrested: 12 }],
    ['Israeli troops attacked a village where twenty-three people were killed.', { dead: 23 }],
  ])('%s', (text, size) => {
    expect(code(text).find((r) => r.size)?.size).toMatchObject(size);
  });
});

describe('attributes: location', () => {
  it.each([
    ['Armenian forces carried out an attack on the Tovuz region.', 'Tovuz', 'AZE'],
    ['A roadside bombing near the town of Samarra killed one U.S. soldier.', 'Samarra', 'IRQ'],
    ['Syrian troops shelled rebels in Aleppo.', 'Aleppo', 'SYR'],
  ])('%s → %s, %s', (text, name, country) => {
    const loc = code(text)[0]!.event_loc;
    expect(loc?.name).toBe(name);
    expect(loc?.country).toBe(country);
    expect(typeof loc?.lat).toBe('number');
  });

  it.each([
    // Not China in Nuevo León, Mexico, which the gazetteer also holds.
    ["Malaysia's foreign minister met officials in China on Tuesday.", 'China', 'CHN'],
    // The recipient named after "in" is where it happened too.
    ['Israeli jets struck targets in Syria on Monday.', 'Syria', 'SYR'],
    ['Azerbaijan accused Armenia of shelling villages across Azerbaijan.', 'Azerbaijan', 'AZE'],
  ])('%s → the country %s, %s, without a town of that name elsewhere', (text, name, country) => {
    const loc = code(text).find((r) => r.event_loc)?.event_loc;
    expect(loc).toMatchObject({ name, country, lat: null, lon: null });
  });

  it.each([
    // "on", "into" and "from" before a party mark its target or origin, not a place.
    'The United States imposed sanctions on Iran.',
    'Russia launched an attack on Ukraine.',
    'Russia withdrew its troops from Syria.',
    'Serbia delivered weapons into Armenia.',
  ])('%s → no place', (text) => {
    const records = code(text);
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => r.event_loc)).toEqual(records.map(() => null));
  });

  it('a possessive country names whose place follows: the place is the one named after it', () => {
    expect(code("The commander was killed on Thursday in an airstrike in Iraq's Anbar desert.")[0]!.event_loc).toMatchObject({ name: 'Anbar', country: 'IRQ' });
  });

  it.each([
    // Montenegro is CONCEDE's recipient and where the curfew was lifted: no unnamed killer of Montenegro follows.
    ['Serbia lifted a curfew in Montenegro, where 20 people have been killed in riots this year.', ['CONCEDE SRB>MNE']],
    ['Firefighters who battled blazes in Canada arrived on Monday.', []],
  ])('%s → no party is inferred from a place that is a named party', (text, events) => {
    expect(code(text).map((r) => `${r.event} ${r.actor.map((a) => a.code)}>${r.recipient.map((a) => a.code)}`)).toEqual(events);
  });
});

describe('attributes: attribution', () => {
  it.each([
    ['The Turkish Anadolu Agency reported that Serbia had delivered weapons to Armenia.', 'reported', 'TUR'],
    ['The Azerbaijani side said it had confirmed information that Serbia had sent ammunition to Armenia.', 'alleged', 'AZE'],
    ['Serbian officials admitted that the delivery of weapons to Armenia did take place.', 'confirmed', 'SRB'],
    ['Serbia reportedly delivered weapons to Armenia.', 'hedged', undefined],
    ['Serbia allegedly delivered weapons to Armenia.', 'alleged', undefined],
    ['Serbia delivered weapons to Armenia.', 'asserted', undefined],
    ['According to Iranian media, Serbia delivered weapons to Armenia.', 'reported', 'IRN'],
    // An accusation's content is the accuser's claim; in the passive, the accused is no claimant.
    ['Azerbaijan accused Serbia of sending weapons to Armenia.', 'alleged', 'AZE'],
    ['Serbia was accused of sending weapons to Armenia.', 'alleged', undefined],
    ['Serbia was blamed by Azerbaijan for supplying weapons to Armenia.', 'alleged', 'AZE'],
  ])('%s → %s', (text, certainty, claimant) => {
    const r = code(text).find((x) => x.event === 'AID')!;
    expect(r.attribution.certainty).toBe(certainty);
    expect(r.attribution.claimant?.code).toBe(claimant);
  });

  it('denials are recorded as denied', () => {
    const r = code('Serbia denied that it had sent weapons to Armenia.').find((x) => x.event === 'AID');
    expect(r?.attribution.certainty).toBe('denied');
  });
});

describe('attributes: stance', () => {
  it.each([
    ['In the past, Azerbaijan refused to recognize Kosovo.', 'historical'],
    ['I think Serbia delivered weapons to Armenia.', 'opinion'],
    ['Serbia delivered weapons to Armenia on Monday.', 'report'],
  ])('%s → %s', (text, stance) => {
    expect(code(text)[0]?.stance).toBe(stance);
  });
});

describe('records: PLOVER fields', () => {
  it('carries every field of the current manual, with quad and scale', () => {
    const r = first('Iran threatened to cut off electricity to Azerbaijan on Monday.');
    expect(Object.keys(r)).toEqual(expect.arrayContaining([
      'id', 'story_id', 'date', 'date_precision', 'actor', 'recipient', 'event', 'mode', 'context', 'quad_code', 'event_scale',
      'event_text', 'event_loc', 'size', 'text', 'text_info', 'attribution', 'negated', 'stance', 'reason', 'coder',
    ]));
    expect(r).toMatchObject({ event: 'THREATEN', mode: ['restrict'], quad_code: 3, event_scale: -3 });
    expect(r.text_info).toEqual({ sequence: 0, start: 0, end: r.text.length });
    expect(r.coder.name).toBe('entente');
  });

  it('a leader is checked against the event date', () => {
    const r = first('Almost a decade ago, the former Serbian president Tomislav Nikolic agreed to start cooperation with Azerbaijan.');
    const nikolic = r.actor.find((a) => a.identifier_text === 'Tomislav Nikolic')!;
    expect(nikolic.tenure).toMatchObject({ from: '2012-05-31', in_office_at_event: true });
    const late = first('In 2020, the former Serbian president Tomislav Nikolic agreed to cooperate with Azerbaijan.');
    expect(late.actor[0]!.tenure?.in_office_at_event).toBe(false);
    expect(late.actor[0]!.sector).toBe('ELI');
  });
});
