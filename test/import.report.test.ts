import { describe, expect, it } from 'vitest';
import { FORMATS, ICEWS_COLUMNS, POLECAT_COLUMNS } from '../src/import/index.js';
import { hostOf } from '../src/pipeline/normalize/host.js';
import type { Dataset, Provenance } from '../src/types.js';

/** A row of a headed format, from its column names and the values given (every other column empty or "None"). */
const headed = (columns: readonly string[], values: Record<string, string>, empty: string): string =>
  columns.map((c) => values[c] ?? empty).join('\t');

const icews = (values: Record<string, string>): string => headed(ICEWS_COLUMNS, {
  'Event ID': '33417003', 'Event Date': '2020-09-27', 'Source Name': 'Azerbaijan', 'Source Country': 'Azerbaijan', 'CAMEO Code': '112',
  'Target Name': 'Armenia', 'Target Country': 'Armenia', ...values,
}, '');

/** POLECAT releases with a URL column name it in their header. */
const WITH_URL = [...POLECAT_COLUMNS, 'URL'];
const polecat = (values: Record<string, string>): string => headed(WITH_URL, {
  'Event ID': '20200927-1', 'Event Date': '2020-09-27', 'Event Type': 'ACCUSE', 'Actor Name': 'Azerbaijan', 'Actor Country': 'AZE',
  'Recipient Name': 'Armenia', 'Recipient Country': 'ARM', ...values,
}, 'None');

function gdelt(added: string, url: string): string {
  const f = Array<string>(61).fill('');
  Object.assign(f, { 0: '955110007', 1: '20201002', 5: 'SRBGOV', 7: 'SRB', 15: 'ARMMIL', 17: 'ARM', 26: '072', 59: added, 60: url });
  return f.join('\t');
}

const plover = (extra: Record<string, unknown>): string => JSON.stringify({
  id: 'p-1', date: '2020-10-01', actor: [{ code: 'AZE' }], recipient: [{ code: 'SRB' }], event: 'ACCUSE', ...extra,
});

const provenanceOf = (dataset: Dataset, line: string): Provenance => {
  const r = FORMATS[dataset].parseLine(line, 2, 'f', dataset === 'polecat' ? WITH_URL : null);
  if (!r?.ok) throw new Error(`not an event: ${JSON.stringify(r)}`);
  return r.event.provenance;
};

/** Who published each row's report and when: clusters count outlets and first and last seen from these. */
describe('import: the report behind a row', () => {
  it.each<[string, Dataset, string, string | undefined, string | undefined]>([
    ['GDELT 2.0: SOURCEURL host and DATEADDED day', 'gdelt', gdelt('20201003091500', 'https://www.Example.org/a'), 'example.org', '2020-10-03'],
    ['GDELT: no SOURCEURL, no outlet', 'gdelt', gdelt('20201003091500', ''), undefined, '2020-10-03'],
    ['GDELT: a DATEADDED that is no day is left out', 'gdelt', gdelt('2020130309', 'https://example.org/a'), 'example.org', undefined],
    ['ICEWS: Publisher (ICEWS gives no publication day)', 'icews', icews({ Publisher: 'Trend News Agency' }), 'Trend News Agency', undefined],
    ['ICEWS: no Publisher', 'icews', icews({}), undefined, undefined],
    ['POLECAT: Source and Publication Date', 'polecat', polecat({ Source: 'Example Wire', 'Publication Date': '2020-09-28' }), 'Example Wire', '2020-09-28'],
    ['POLECAT: Source None falls back on the URL', 'polecat', polecat({ URL: 'https://wire.example.com/x' }), 'wire.example.com', undefined],
    ['PLOVER: cite_info.publication', 'plover', plover({ cite_info: { publication: 'Example Wire', url: 'https://a.example/x' } }), 'Example Wire', undefined],
    ['PLOVER: the URL host', 'plover', plover({ url: 'https://news.example.org/2020/10/01/x' }), 'news.example.org', undefined],
    ['PLOVER: Entente export of an imported row', 'plover', plover({ provenance: { outlet: 'Trend News Agency', published: '2020-10-02' } }), 'Trend News Agency', '2020-10-02'],
    ['PLOVER: none of these', 'plover', plover({}), undefined, undefined],
  ])('%s', (_, dataset, line, outlet, published) => {
    const p = provenanceOf(dataset, line);
    expect(p.outlet).toBe(outlet);
    expect(p.published).toBe(published);
  });
});

describe('hostOf', () => {
  it.each<[string | null, string | null]>([
    ['https://www.example.org:8080/a/b?c#d', 'example.org'],
    ['http://user:secret@News.Example.com/x', 'news.example.com'],
    ['https://a.example?q=me@b.example', 'a.example'],
    ['https://[::1]/x', '[::1]'],
    ['example.org/a', null],
    ['https:///a', null],
    ['', null],
    [null, null],
  ])('%s → %s', (url, host) => expect(hostOf(url)).toBe(host));
});
