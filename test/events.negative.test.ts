import { describe, expect, it } from 'vitest';
import { codeStory } from '../src/pipeline/index.js';
import { code, model, REFERENCE_DATE } from './helpers.js';

describe('events: sentences with no political event produce nothing', () => {
  it.each([
    ['Background', 'Serbia is a landlocked country in the Balkans with a population of about seven million.'],
    ['Statistics', 'The economy of Azerbaijan grew by 5 percent last year.'],
    ['Opinion', 'But why is that so?'],
    ['Question', 'What can Serbia offer to Azerbaijan that Turkey or Israel cannot?'],
    ['Hypothetical', 'Serbs claim the right to occupy the territory of neighbouring countries.'],
    ['Negated', 'Thus far, Russia has not attacked Ukraine again.'],
    ['Noun without act', 'Azerbaijan needed support in the international arena.'],
    ['Weather', 'Heavy rain fell on Baku on Monday.'],
    ['Sports', 'Serbia beat Brazil 2-1 in the World Cup.'],
    ['Declined to comment', 'The Russian foreign ministry declined to comment on the report.'],
    ['Released a programme', 'In 2017, China released an AI development program.'],
    ['Visit to a clinic', 'Nigerian Health Minister Muhammad Pate visited a health care facility in Lagos.'],
    ['A reporter\'s question', 'Asked by a reporter whether he would back off his tariff threats against Canada, Trump said no.'],
  ])('%s: %s', (_kind, sentence) => {
    expect(code(sentence)).toEqual([]);
  });

  it.each([
    // "VOA" (a U.S. outlet) is where survivors spoke, not whose people shot.
    ['Survivors told VOA the attackers singled out passengers, shooting many.'],
    // Nor is the outlet, an object of "told", what a later "they" refers to.
    ['Witnesses told VOA what they saw. "They shot and killed people on the train."'],
    // Nor whom a speaker told: "told VOA" names no party to the talks.
    ['“If the Taliban are sincere in what they say, then they must stop killing Afghan civilians and return to the negotiation table to discuss peace,” Mohammad Ameri told VOA.'],
  ])('an outlet the story speaks to is no party: %s', (text) => {
    expect(code(text).flatMap((r) => [...r.actor, ...r.recipient].map((a) => a.code))).not.toContain('USA');
  });

  it.each([
    ['A Bosnian Serb commander was found guilty of killing civilians in Srebrenica.'],
    ['Several Sudanese officials are in jail, facing trial on charges of corruption and murder.'],
  ])('the crime a verdict or a charge names is no event: %s', (text) => {
    expect(code(text).map((r) => r.event)).not.toContain('ASSAULT');
  });

  it('a passive accusation with no "by" takes no accuser from what it is about', () => {
    expect(code('Serbia was accused of sending weapons to Armenia.').map((r) => `${r.event} ${r.actor.map((a) => a.code)}`)).toEqual(['AID SRB']);
  });

  it('a negated event is kept only on request, flagged', () => {
    const sentence = 'Russia did not attack Georgia.';
    expect(code(sentence)).toEqual([]);
    const kept = codeStory({ id: 'n', text: sentence, date: REFERENCE_DATE }, model(), { includeNegated: true }).records;
    expect(kept).toHaveLength(1);
    expect(kept[0]!.negated).toBe(true);
  });
});
