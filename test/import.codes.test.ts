/** The code tables an import maps through: CAMEO event codes to PLOVER, country codes and names, sector names. */
import { describe, expect, it } from 'vitest';
import { defaultCameoTable, defaultPloverTable, lookupCameo, ploverScore } from '../src/import/cameo.js';
import { cameoCountry, cameoRegion, countryByName, countryCode, fipsCountry } from '../src/import/countries.js';
import { sectorFromNames } from '../src/import/sectors.js';

/** The PLOVER manual's general contexts. */
const CONTEXTS = new Set(['military', 'intelligence', 'executive', 'legislative', 'election', 'political_institutions', 'pro_democracy', 'pro_autocracy',
  'economic', 'legal', 'reparations', 'human_rights', 'rights_freedoms', 'repression', 'human_security', 'gender', 'lgbt', 'religion_ethnicity',
  'inequality', 'diplomatic', 'territory', 'peacekeeping', 'health', 'asylum', 'migration', 'disasters', 'natural_resource', 'environment',
  'technology', 'terrorism', 'cbrn', 'cyber', 'misinformation', 'crime', 'corruption', 'illegal_drugs', 'trafficking']);

describe('import: CAMEO to PLOVER', () => {
  const table = defaultCameoTable().codes;
  const plover = defaultPloverTable();

  it('has the 20 roots, each with a comment, and only known types, modes and contexts', () => {
    for (let r = 1; r <= 20; r++) expect(table[String(r).padStart(2, '0')]?.comment).toBeTruthy();
    for (const [code, e] of Object.entries(table)) {
      if (e.plover) expect(plover.quad[e.plover], code).toBeDefined();
      if (e.mode) expect(plover.scale[`${e.plover}:${e.mode}`], `${code} ${e.plover}:${e.mode}`).toBeDefined();
      for (const c of e.context ?? []) expect(CONTEXTS.has(c), `${code} context ${c}`).toBe(true);
    }
  });

  it.each([
    ['0211', '0211', 'REQUEST', 'assist', 'economic'],
    ['0219', '021', 'REQUEST', 'assist', ''],
    ['190', '190', 'ASSAULT', '', 'military'],
    ['1999', '19', 'ASSAULT', '', 'military'],
    ['1823', '1823', 'ASSAULT', 'beat', ''],
    ['191', '191', 'COERCE', 'restrict', 'military'],
    ['1712', '1712', 'ASSAULT', 'destroy', 'human_security'],
    ['116', '116', 'SANCTION', 'convict', 'legal'],
    ['083', '083', 'CONCEDE', '', 'political_institutions'],
    ['084', '084', 'RETREAT', 'release', ''],
    ['163', '163', 'SANCTION', 'discontinue', 'economic'],
    ['09', '09', 'ACCUSE', 'investigate', ''],
    ['015', '015', 'AGREE', '', ''],
    ['016', '016', 'REJECT', '', ''],
  ])('%s resolves through %s to %s %s %s', (code, via, type, mode, context) => {
    const m = lookupCameo(code)!;
    expect([m.via, m.type, m.mode.join(','), m.context.join(',')]).toEqual([via, type, mode, context]);
  });

  it.each(['010', '012', '0199', '01'])('%s (public statement) is not coded by PLOVER', (code) => {
    expect(lookupCameo(code)).toMatchObject({ type: null, score: null, mapping: expect.stringContaining('not coded by PLOVER') });
  });

  it.each(['21', '2100', '00', 'XYZ', '', '12345', '1a0'])('%j is not a CAMEO code', (code) => expect(lookupCameo(code)).toBeUndefined());

  it('writes the mapping and scores it from the PLOVER table, not Goldstein', () => {
    expect(lookupCameo('0256')).toMatchObject({ mapping: 'CAMEO 0256 (appeal for de-escalation of military engagement) → REQUEST yield', score: { quad_code: 3, event_scale: -1 } });
    expect(lookupCameo('0629')!.mapping).toBe('CAMEO 0629 (cooperate militarily via 062) → COOPERATE');
  });

  it.each([['ASSAULT', ['aerial'], 4, -9.5], ['ACCUSE', [], 3, -3], ['CONSULT', ['no-such-mode', 'phone'], 1, 1.5], ['AID', ['unknown'], 2, 10]] as const)('ploverScore(%s, %j) = quad %d, scale %d', (type, mode, quad, scale) => {
    expect(ploverScore(type, mode)).toEqual({ quad_code: quad, event_scale: scale });
  });
});

describe('import: countries', () => {
  it.each([['SRB', 'SRB'], ['ROM', 'ROU'], ['TMP', 'TLS'], ['KSV', 'KOS'], ['ZAR', 'COD'], ['PRI', 'USA'], ['HKG', 'HKG'], ['PSE', 'PSE']])(
    'CAMEO %s → %s', (code, want) => expect(cameoCountry(code)?.code).toBe(want));
  it('flags partially recognised entities and knows regions', () => {
    expect([cameoCountry('ESH'), cameoCountry('QQQ')]).toEqual([{ code: 'MAR', pre: true }, undefined]);
    expect([cameoRegion('EUR'), cameoRegion('MEA'), cameoRegion('SRB')]).toEqual(['Europe', 'Middle East', undefined]);
  });
  it.each([['RI', 'SRB'], ['GM', 'DEU'], ['UK', 'GBR'], ['AJ', 'AZE'], ['AM', 'ARM'], ['BK', 'BIH'], ['KV', 'KOS'], ['RS', 'RUS'], ['WE', 'PSE'],
    ['GZ', 'PSE'], ['SF', 'ZAF'], ['RQ', 'USA'], ['CH', 'CHN'], ['KS', 'KOR'], ['KN', 'PRK'], ['IS', 'ISR'], ['TW', 'TWN']])(
    'FIPS %s → %s', (code, want) => expect(fipsCountry(code)?.code).toBe(want));
  it.each([['Russian Federation', 'RUS'], ['Occupied Palestinian Territory', 'PSE'], ['Kosovo', 'KOS'], ['Bosnia and Herzegovina', 'BIH'],
    ['Côte d’Ivoire', 'CIV'], ['Korea, Republic of', 'KOR'], ['North Korea', 'PRK'], ['Congo, The Democratic Republic of the', 'COD'],
    ['Congo', 'COG'], ['Puerto Rico', 'USA'], ['United States', 'USA'], ['Iran', 'IRN'], ['Serbia and Montenegro', 'SRB'], ['Narnia', undefined]])(
    'name %j → %s', (name, want) => expect(countryByName(name)?.code).toBe(want));
  it('reads a 3-letter code or a name', () => {
    expect([countryCode('AZE')?.code, countryCode('Azerbaijan')?.code, countryCode('KOS')?.code, countryCode('Western Sahara')]).toEqual(['AZE', 'AZE', 'KOS', { code: 'MAR', pre: true }]);
  });
});

describe('import: sectors', () => {
  it.each([['Government,Executive', 'GOV'], ['Government,Police', 'COP'], ['Police,Government', 'COP'], ['Military', 'MIL'],
    ['Legislative / Parliamentary', 'LEG'], ['Judicial', 'JUD'], ['Rebel', 'REB'], ['Media', 'JRN'], ['Medical / Health', 'MED'],
    ['Opposition Major Party (Out Of Government)', 'OPP'], ['Health Ministry', 'GOV'], ['General Population / Civilian / Social,Social', 'CVL'], ['GOV;MIL', 'MIL'], ['', undefined]])(
    '%j → %s', (names, want) => expect(sectorFromNames(names).sector).toBe(want));
});
