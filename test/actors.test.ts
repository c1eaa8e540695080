import { describe, expect, it } from 'vitest';
import { findActors } from '../src/pipeline/actors/index.js';
import { splitSentences } from '../src/pipeline/sentences/index.js';
import type { ActorMention } from '../src/types.js';
import { model } from './helpers.js';

const mentions = (text: string): ActorMention[] => {
  const sentences = splitSentences({ id: 'a', text }, model().nlp);
  return findActors(sentences, model()).flat() as ActorMention[];
};
const find = (text: string, surface: string): ActorMention | undefined => mentions(text).find((m) => m.entity.entity_text.includes(surface));

describe('actors: resolution table', () => {
  it.each([
    // text, mention text, code, sector, office, identifier
    ['Serbian officials admitted it.', 'Serbian officials', 'SRB', 'GOV', undefined, undefined],
    ['Azerbaijani forces shelled the town.', 'Azerbaijani forces', 'AZE', 'MIL', undefined, undefined],
    ['Baku said the talks failed.', 'Baku', 'AZE', 'GOV', undefined, undefined],
    ['Serbian Defense Minister Nebojsa Stefanovic signed it.', 'Nebojsa Stefanovic', 'SRB', 'GOV', 'defense minister', 'Nebojsa Stefanovic'],
    ['The army of Serbia moved.', 'army of Serbia', 'SRB', 'MIL', undefined, undefined],
    ['Israeli police arrested him.', 'Israeli police', 'ISR', 'COP', undefined, undefined],
    ['The rebels of Yemen attacked.', 'Yemen', 'YEM', 'REB', undefined, undefined],
    ['The United Nations will help.', 'United Nations', 'UNO', undefined, undefined, undefined],
    ['The EU said so.', 'EU', 'EUR', undefined, undefined, undefined],
    ['NATO troops arrived.', 'NATO', 'IGO', undefined, undefined, undefined],
    ['The U.S. sent arms.', 'U.S.', 'USA', undefined, undefined, undefined],
    ['Kosovo declared independence.', 'Kosovo', 'KOS', undefined, undefined, undefined],
    ['The Turkish Anadolu Agency reported it.', 'Anadolu Agency', 'TUR', 'JRN', undefined, undefined],
    ['Ilham Aliyev spoke.', 'Ilham Aliyev', 'AZE', 'GOV', undefined, 'Ilham Aliyev'],
  ])('%s → %s is %s/%s', (text, surface, code, sector, office, identifier) => {
    const m = find(text, surface);
    expect(m?.entity.code).toBe(code);
    if (sector) expect(m?.entity.sector).toBe(sector);
    if (office) expect(m?.entity.office).toBe(office);
    if (identifier) expect(m?.entity.identifier_text).toBe(identifier);
  });

  it('a presidency member named in apposition is BIH GOV', () => {
    const m = find('A member of Bosnia and Herzegovina’s presidency, Sefik Dzaferovic, sent a letter.', 'member');
    expect(m?.entity).toMatchObject({ code: 'BIH', sector: 'GOV' });
  });

  it('partially recognised entities take the controlling state with sector PRE', () => {
    const m = find('Fighting broke out in Nagorno-Karabakh.', 'Nagorno');
    expect(m?.entity.code).toBe('AZE');
    expect(m?.entity.other_sectors).toContain('PRE');
  });

  it('a listed leader carries tenures for the event date check', () => {
    const m = find('The former Serbian president Tomislav Nikolic agreed.', 'Nikolic');
    expect(m?.entity.code).toBe('SRB');
    expect(m?.tenures?.some((t) => t.from === '2012-05-31' && t.to === '2017-05-31')).toBe(true);
  });

  it('a name seen with a country resolves its later bare mentions in the story', () => {
    const text = 'Azerbaijani Defense Industry Minister Madat Guliyev signed the deal. Minister Madat Guliyev praised it.';
    const all = mentions(text).filter((m) => m.entity.identifier_text === 'Madat Guliyev');
    expect(all.map((m) => m.entity.code)).toEqual(['AZE', 'AZE']);
  });

  it('ethnic groups are people of the state they live in', () => {
    expect(find('Up to 100 ethnic Albanians demonstrated in Serbia.', 'Albanians')?.entity.code).toBe('SRB');
  });

  it('an extension file adds actors', async () => {
    const { loadModel } = await import('../src/model/load.js');
    const { parseActorFile } = await import('../src/model/user-files.js');
    const file = parseActorFile('actors:\n  - names: [Wagnerites]\n    code: RUS\n    sector: PRM\n', 'mine.yaml');
    const m = loadModel({ actorFiles: [file] });
    const s = splitSentences({ id: 'x', text: 'Wagnerites attacked.' }, m.nlp);
    expect(findActors(s, m)[0]![0]?.entity).toMatchObject({ code: 'RUS', sector: 'PRM' });
  });
});
