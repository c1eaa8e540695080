import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeStory } from '../src/pipeline/index.js';
import type { PloverRecord } from '../src/types.js';
import { model } from './helpers.js';

/** The founding article (the user's own document), coded end to end with publication date 2021-12-01. */
const text = readFileSync(join(import.meta.dirname, '..', 'examples', 'azerbaijan-serbia-partnership.txt'), 'utf8');
const lines = text.split('\n');
const records = codeStory({ id: 'seed', text, date: '2021-12-01' }, model()).records;
const lineOf = (r: PloverRecord): number => lines.findIndex((l) => l.includes(r.text)) + 1;
const on = (line: number, types: string[], actor: string[], recipient: string[] = []) =>
  records.find((r) => lineOf(r) === line && types.includes(r.event) && r.actor.some((a) => actor.includes(a.code))
    && (recipient.length === 0 || [...r.actor, ...r.recipient].some((a) => recipient.includes(a.code))));

describe('seed article: every expert "must" event', () => {
  it.each([
    [1, ['AGREE'], ['AZE', 'SRB'], ['AZE', 'SRB']],
    [4, ['SUPPORT'], ['AZE'], ['SRB']],
    [5, ['AID', 'COOPERATE'], ['SRB'], ['ARM']],
    [6, ['ACCUSE'], ['AZE'], ['SRB']],
    [6, ['CONCEDE'], ['SRB'], ['AZE', 'ARM']],
    [7, ['ASSAULT'], ['ARM'], ['AZE']],
    [11, ['REJECT'], ['AZE'], ['KOS']],
    [15, ['SUPPORT'], ['BIH'], ['AZE']],
    [17, ['AGREE', 'COOPERATE'], ['SRB', 'AZE'], ['SRB', 'AZE']],
    [20, ['REQUEST'], ['SRB'], ['TUR']],
  ])('line %i: %j %j → %j', (line, types, actor, recipient) => {
    expect(on(line, types, actor, recipient)).toBeDefined();
  });
});

describe('seed article: attributes', () => {
  it('the arms delivery is reported by Anadolu Agency, in the first days of the 2020 war', () => {
    const aid = on(5, ['AID'], ['SRB'], ['ARM'])!;
    expect(aid.attribution).toMatchObject({ certainty: 'reported', claimant: { code: 'TUR', sector: 'JRN' } });
    expect(aid.attribution.claimant_text).toMatch(/Anadolu Agency/);
    expect(aid).toMatchObject({ date: '2020-09-27', date_precision: 'approximate' });
  });

  it('the Azerbaijani claim about ammunition is alleged; the Serbian admission is its own event', () => {
    expect(records.find((r) => lineOf(r) === 6 && r.event === 'AID' && r.attribution.certainty === 'alleged')).toBeDefined();
    expect(on(6, ['CONCEDE'], ['SRB'])!.attribution.claimant).toBeNull();
  });

  it('the Tovuz attack: 12 dead, 2020-07-12, Tovuz, heavy weapons', () => {
    const attack = on(7, ['ASSAULT'], ['ARM'], ['AZE'])!;
    expect(attack.size?.dead).toBe(12);
    expect(attack).toMatchObject({ date: '2020-07-12', date_precision: 'day', mode: ['heavy-weapons'] });
    expect(attack.event_loc).toMatchObject({ name: 'Tovuz', country: 'AZE' });
  });

  it('the former president Nikolic was in office at the time of the agreement', () => {
    const agree = on(1, ['AGREE'], ['SRB'])!;
    expect(agree.date_precision).toBe('approximate');
    const nikolic = agree.actor.find((a) => a.identifier_text === 'Tomislav Nikolic');
    expect(nikolic?.tenure?.in_office_at_event).toBe(true);
  });

  it('Bosnia’s support is anchored to the latest Nagorno-Karabakh conflict', () => {
    expect(on(15, ['SUPPORT'], ['BIH'], ['AZE'])).toMatchObject({ date: '2020-09-27', enddate: '2020-11-10' });
  });

  it('the military-technical agreement is recent and military', () => {
    const agree = on(17, ['AGREE'], ['SRB', 'AZE'])!;
    expect(agree.date_precision).toBe('approximate');
    expect(agree.actor.map((a) => a.code).sort()).toEqual(['AZE', 'SRB']);
  });

  it('the opinion passages and questions produce no events', () => {
    expect(records.filter((r) => [9, 10, 24].includes(lineOf(r)))).toEqual([]);
  });
});

describe('seed article without a publication date', () => {
  const undated = codeStory({ id: 'seed', text }, model()).records;
  it('relative dates stay unresolved; the explicit date stays', () => {
    expect(undated.filter((r) => r.date !== null).map((r) => r.date)).toEqual(['2020-07-12']);
    expect(undated.every((r) => r.date !== null || r.date_precision === 'unresolved')).toBe(true);
  });
});
