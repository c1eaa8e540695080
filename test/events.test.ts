import { describe, expect, it } from 'vitest';
import { code, triple } from './helpers.js';

describe('events: classification and roles', () => {
  it.each([
    // sentence, expected "TYPE ACTOR -> RECIPIENT" among the records
    ['Serbia delivered artillery weapons to the Armenian army.', 'AID SRB -> ARM'],
    ['Jordan and Britain have agreed to undertake joint military exercises.', 'AGREE GBR+JOR -> '],
    ['Hungary and Romania agreed to share information.', 'AGREE HUN+ROU -> '],
    ['Iraq was attacked by Iran on Monday.', 'ASSAULT IRN -> IRQ'],
    ['Israeli tanks fired four shells at targets in Jericho.', 'ASSAULT ISR -> PSE'],
    ['The United States on Thursday demanded that North Korea forsake its nuclear program.', 'REQUEST USA -> PRK'],
    ['Russia said on Tuesday that Sudan must return a helicopter.', 'REQUEST RUS -> SDN'],
    ['Iran threatened to cut off electricity to Azerbaijan.', 'THREATEN IRN -> AZE'],
    ['Pakistan threatened to break off diplomatic relations with Costa Rica.', 'THREATEN PAK -> CRI'],
    ['South Korea rejected a North Korean demand to sever its military alliance.', 'REJECT KOR -> PRK'],
    ['Albania denounced Serbia for the crackdown.', 'ACCUSE ALB -> SRB'],
    ['Switzerland expelled two Russian diplomats for spying.', 'SANCTION CHE -> RUS'],
    ['The Israeli army lifted a blockade on Palestinian lorries.', 'RETREAT ISR -> PSE'],
    ['Germany welcomed the statement by Poland.', 'SUPPORT DEU -> POL'],
    ['Argentina has apologized to Brazil.', 'SUPPORT ARG -> BRA'],
    ['French and Egyptian warships launched war games.', 'COOPERATE EGY+FRA -> '],
    ['Nicaragua banned the opposition newspaper.', 'COERCE NIC -> NIC'],
    ['Syria will withdraw its troops from Lebanon.', 'AGREE SYR -> LBN'],
    ['Hungary has said it will support a U.N. Security Council resolution.', 'AGREE HUN -> UNO'],
    ['Syria says it will not accept any more refugees.', 'REJECT SYR -> '],
    ['Serbia refused to recognize Kosovo.', 'REJECT SRB -> KOS'],
    ['Thousands of Nigerians staged a rally in Lagos to protest the law.', 'PROTEST NGA -> '],
    ['Russian President Boris Yeltsin hosted Japan\'s prime minister.', 'CONSULT RUS -> JPN'],
    ['The Mozambique government accepted demands from the rebels.', 'CONCEDE MOZ -> MOZ'],
    ['Turkey mobilized troops along the Syrian border.', 'MOBILIZE TUR -> SYR'],
    // Tariffs and sanctions that target a party are economic measures, not attacks.
    ["President Trump's tariffs targeting Canada took effect on Tuesday.", 'SANCTION USA -> CAN'],
    // A charge is an accusation; the crime it names is left to the court (see the negative cases).
    ['Ukraine charged a Russian soldier with shooting a civilian.', 'ACCUSE UKR -> RUS'],
    // "accused Russia of attacking": the accused does the act the gerund names.
    ['Ukraine accused Russia of attacking Kharkiv.', 'ASSAULT RUS -> UKR'],
    ['Azerbaijan thanked Turkey for supplying drones.', 'AID TUR -> '],
    // A participle set off by commas, with its agent, is passive.
    ['Somali government soldiers, supported by the U.S. military, are fighting al-Shabab.', 'SUPPORT USA -> SOM'],
    // A pronoun opening a sentence is the previous sentence's first subject.
    ['Russia said the talks had failed. They then shelled Kharkiv.', 'ASSAULT RUS -> UKR'],
  ])('%s → %s', (sentence, expected) => {
    expect(code(sentence).map(triple)).toContain(expected);
  });
});

describe('events: reported speech', () => {
  it('"X said Y attacked Z" codes the attack, with X as claimant', () => {
    const [r] = code('Azerbaijan said Armenian forces attacked the town of Tovuz.');
    expect(triple(r!)).toBe('ASSAULT ARM -> AZE');
    expect(r!.attribution.claimant?.code).toBe('AZE');
    expect(r!.attribution.certainty).toBe('reported');
  });

  it('a trailing reporting clause is the claimant, never a party', () => {
    const [r] = code('Syria attacked Turkey, Russian officials said.');
    expect(triple(r!)).toBe('ASSAULT SYR -> TUR');
    expect(r!.attribution.claimant_text).toBe('Russian officials');
  });

  it('several events in one sentence', () => {
    const triples = code('Afghan rebels kidnapped Russian advisers and Iran expelled French diplomats.').map(triple);
    expect(triples).toEqual(expect.arrayContaining(['ASSAULT AFG -> RUS', 'SANCTION IRN -> FRA']));
  });
});

describe('events: every record says why', () => {
  it('keeps the rule, the tokens and the roles', () => {
    const [r] = code('Serbia delivered artillery to Armenia.');
    expect(r!.reason.rule).toMatch(/^AID:/);
    expect(r!.reason.tokens).toBe('delivered artillery');
    expect(r!.reason.why).toMatch(/actor .*"Serbia"/);
    expect(r!.reason.actor[0]).toMatch(/Serbia/);
    expect(r!.event_text).toBe('delivered artillery');
  });
});
