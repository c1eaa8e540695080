import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedDate, isFeed, parseFeed } from '../src/pipeline/normalize/feeds.js';
import type { NormalizeResult } from '../src/types.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/feeds/${name}`, import.meta.url), 'utf8');
const rss = (items: string, channel = '<title>Desk</title>'): string => `<?xml version="1.0"?>\n<rss version="2.0"><channel>${channel}${items}</channel></rss>`;
const atom = (entries: string): string => `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>${entries}</feed>`;
const stories = (results: NormalizeResult[]) => results.map((r) => (r.ok ? r.story : r.problem));

/** The only result is a story with these fields; a field given as undefined must be absent. */
function expectOneStory(results: NormalizeResult[], expected: Record<string, string | undefined>): void {
  expect(results).toHaveLength(1);
  const story = results[0]!.ok ? results[0]!.story : results[0]!.problem;
  expect(story).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
  for (const [key, value] of Object.entries(expected)) if (value === undefined) expect(story).not.toHaveProperty(key);
}

describe('feeds: isFeed', () => {
  it.each([
    ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>', true],
    ['\uFEFF<?xml version="1.0"?><!-- generator --><!DOCTYPE rss [<!ENTITY x "y">]>\n<rss>', true],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">', true],
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">', true],
    ['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', true],
    ['<feed><entry>', false],
    ['<!DOCTYPE html><html><head><title>rss</title>', false],
    ['<?xml version="1.0"?><config><item/>', false],
    ['{"id":"a","text":"<rss>"}', false],
    ['Iran threatened to attack Iraq. <rss>', false],
    ['', false],
  ])('%j → %s', (head, expected) => {
    expect(isFeed(head)).toBe(expected);
  });
});

describe('feeds: dates', () => {
  it.each([
    ['Wed, 02 Oct 2002 13:00:00 GMT', '2002-10-02'],
    ['Wed, 01 Dec 2021 23:30:00 -0500', '2021-12-01'],
    ['2 Oct 2002 08:00 EST', '2002-10-02'],
    ['Thu, 5 Sept 2019 10:00:00 +0000', '2019-09-05'],
    ['02 Oct 02 13:00 GMT', '2002-10-02'],
    ['  Sat, 29 Feb 2020 00:00:00 GMT  ', '2020-02-29'],
    ['2021-12-01T23:00:00-05:00', '2021-12-01'],
    ['2021-12-01T10:00:00Z', '2021-12-01'],
    ['2021-10-05', '2021-10-05'],
  ])('%j → %s', (value, date) => {
    expect(feedDate(value)).toBe(date);
  });

  it.each(['sometime next week', 'Sat, 30 Feb 2021 00:00:00 GMT', '31 Foo 2021', '2021-13-01', '2021-10', 'December 1, 2021', ''])('%j is no date', (value) => {
    expect(feedDate(value)).toBeUndefined();
  });
});

describe('feeds: RSS 2.0', () => {
  it('reads every item of a feed, with the channel title as source', () => {
    expect(parseFeed(fixture('rss2.xml'), 'rss2.xml')).toEqual([
      { ok: true, story: {
        id: 'cw-1001', date: '2021-12-01', source: 'Caucasus Wire & Friends',
        title: 'Iran threatens Azerbaijan over “provocations”', url: 'https://news.example.org/2021/12/01/iran-azerbaijan',
        text: 'Iran threatens Azerbaijan over “provocations”\nIran threatened to cut off electricity to Azerbaijan.\nBaku called it blackmail .',
      }, at: { file: 'rss2.xml', line: 10 } },
      { ok: true, story: {
        id: 'https://news.example.org/2020/09/30/serbia-armenia', date: '2020-09-30', source: 'Caucasus Wire & Friends',
        title: 'Serbia & Armenia: arms deliveries', url: 'https://news.example.org/2020/09/30/serbia-armenia',
        text: 'Serbia & Armenia: arms deliveries\nSerbia delivered artillery to the Armenian army, Turkish officials said.\nBelgrade denied it.',
      }, at: { file: 'rss2.xml', line: 17 } },
      // No guid and no link: the id is made from the feed and the item's place in it.
      { ok: true, story: { id: 'rss2.xml#3', text: 'Talks in Geneva', title: 'Talks in Geneva', source: 'Caucasus Wire & Friends' }, at: { file: 'rss2.xml', line: 25 }, derived: true },
      { ok: false, problem: { file: 'rss2.xml', line: 29, message: 'item 4: no title or description' } },
    ]);
  });

  it('reads RSS 1.0 (RDF) items, which sit beside the channel', () => {
    expect(stories(parseFeed(fixture('rdf.xml'), 'rdf.xml'))).toEqual([{
      id: 'https://rdf.example.org/a', title: 'Georgia and Ukraine sign agreement', url: 'https://rdf.example.org/a', date: '2021-10-05',
      source: 'RDF Desk', text: 'Georgia and Ukraine sign agreement\nGeorgia and Ukraine signed a trade agreement.',
    }]);
  });

  it.each([
    ['CDATA title and HTML description',
      '<item><title><![CDATA[Iran & Iraq]]></title><description><![CDATA[<p>Iran <em>threatened</em> Iraq.</p><p>Again.</p>]]></description></item>',
      { title: 'Iran & Iraq', text: 'Iran & Iraq\nIran threatened Iraq.\nAgain.' }],
    ['escaped HTML description with entities',
      '<item><title>A &amp; B &#8217;s &#x2014; talks</title><description>&lt;div&gt;Serbia&amp;nbsp;signed &amp;amp; left.&lt;/div&gt;</description></item>',
      { title: 'A & B ’s — talks', text: 'A & B ’s — talks\nSerbia signed & left.' }],
    ['HTML entities that XML lacks', '<item><title>Caf&eacute;&nbsp;talks</title></item>', { title: 'Café talks', text: 'Café talks' }],
    ['content:encoded before description', '<item><description>Short.</description><content:encoded>&lt;p&gt;Long.&lt;/p&gt;</content:encoded></item>', { text: 'Long.' }],
    ['an empty content:encoded falls back to description', '<item><content:encoded></content:encoded><description>Short.</description></item>', { text: 'Short.' }],
    ['description only', '<item><description>Only the body.</description></item>', { id: 'f.rss#1', text: 'Only the body.' }],
    ['title split over lines', '<item><title>\n  Iran\n  and Iraq  </title></item>', { title: 'Iran and Iraq', text: 'Iran and Iraq' }],
    ['guid permalink as url', '<item><title>T</title><guid>https://x.org/a</guid></item>', { id: 'https://x.org/a', url: 'https://x.org/a' }],
    ['guid that is no permalink', '<item><title>T</title><guid isPermaLink="false">https://x.org/a</guid></item>', { id: 'https://x.org/a', url: undefined }],
    ['link as id without guid', '<item><title>T</title><link>https://x.org/b</link></item>', { id: 'https://x.org/b', url: 'https://x.org/b' }],
    ['no guid or link', '<item><title>T</title></item>', { id: 'f.rss#1', url: undefined }],
    ['RFC 822 date', '<item><title>T</title><pubDate>Tue, 30 Nov 2021 22:00:00 +0100</pubDate></item>', { date: '2021-11-30' }],
    ['dc:date when pubDate is unparsable', '<item><title>T</title><pubDate>soon</pubDate><dc:date>2021-11-29</dc:date></item>', { date: '2021-11-29' }],
    ['unparsable date is no date, not an error', '<item><title>T</title><pubDate>yesterday</pubDate></item>', { date: undefined }],
    ['raw (unescaped) HTML in a description', '<item><title>T</title><description><p>One<br>two</p></description></item>', { text: 'T\nOne\ntwo' }],
    ['comments and attributes with ">" inside', '<item><!-- <title>no</title> --><title lang="a>b">T</title></item>', { title: 'T' }],
  ])('%s', (_, items, expected) => {
    expectOneStory(parseFeed(rss(items), 'f.rss'), { source: 'Desk', ...expected });
  });

  it('an item with no text is a problem naming the item and its line; the others go on', () => {
    const xml = rss('\n<item><title>One</title></item>\n<item><title> </title><description><![CDATA[<p></p>]]></description></item>\n<item/>\n<item><title>Four</title></item>');
    expect(stories(parseFeed(xml, 'f.rss'))).toEqual([
      { id: 'f.rss#1', title: 'One', text: 'One', source: 'Desk' },
      { file: 'f.rss', line: 4, message: 'item 2: no title or description' },
      { file: 'f.rss', line: 5, message: 'item 3: no title or description' },
      { id: 'f.rss#4', title: 'Four', text: 'Four', source: 'Desk' },
    ]);
  });

  it('a channel with no title gives stories without a source', () => {
    expect(stories(parseFeed(rss('<item><title>T</title></item>', ''), 'f.rss'))).toEqual([{ id: 'f.rss#1', title: 'T', text: 'T' }]);
  });
});

describe('feeds: Atom', () => {
  it('reads entries: alternate link, published before updated, xhtml and html content', () => {
    expect(parseFeed(fixture('atom.xml'), 'atom.xml')).toEqual([
      { ok: true, story: {
        id: 'urn:uuid:entry-1', title: 'Turkey and Azerbaijan hold exercises', url: 'https://monitor.example.org/1', date: '2021-12-01',
        source: 'Balkan & Caucasus Monitor',
        text: 'Turkey and Azerbaijan hold exercises\nTurkey and Azerbaijan held joint military exercises near Baku.\nArmenia & Iran protested.',
      }, at: { file: 'atom.xml', line: 7 } },
      { ok: true, story: {
        id: 'urn:uuid:entry-2', title: 'Russia <criticises> NATO', url: 'https://monitor.example.org/2', date: '2021-11-29',
        source: 'Balkan & Caucasus Monitor', text: 'Russia <criticises> NATO\nMoscow accused the alliance of expansion .',
      }, at: { file: 'atom.xml', line: 17 } },
      { ok: false, problem: { file: 'atom.xml', line: 24, message: 'item 3: no title or description' } },
    ]);
  });

  it.each([
    ['first link with an href when none is alternate', '<entry><title>T</title><link rel="self" href="s"/><link rel="related" href="r"/></entry>', { id: 's', url: 's' }],
    ['a link without rel is the alternate', '<entry><title>T</title><link rel="self" href="s"/><link href="a"/></entry>', { url: 'a' }],
    ['summary when content is out of line', '<entry><title>T</title><content src="x.txt"/><summary>Sum.</summary></entry>', { text: 'T\nSum.' }],
    ['summary when content is not text', '<entry><title>T</title><content type="image/png">iVBOR</content><summary>Sum.</summary></entry>', { text: 'T\nSum.' }],
    ['text content keeps its angle brackets', '<entry><title>T</title><content type="text">a &lt;b&gt; c</content></entry>', { text: 'T\na <b> c' }],
    ['html title', '<entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; move</title></entry>', { title: 'Bold move' }],
    ['updated when nothing is published', '<entry><title>T</title><updated>2021-11-28T23:59:59-08:00</updated></entry>', { date: '2021-11-28' }],
    ['CDATA content', '<entry><title>T</title><content type="html"><![CDATA[<p>Iran &amp; Iraq</p>]]></content></entry>', { text: 'T\nIran & Iraq' }],
  ])('%s', (_, entries, expected) => {
    expectOneStory(parseFeed(atom(entries), 'f.atom'), { source: 'Atom Desk', ...expected });
  });

  it('a prefixed Atom feed is read too', () => {
    const xml = '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:id>1</a:id><a:title>T</a:title></a:entry></a:feed>';
    expect(stories(parseFeed(xml, 'p.atom'))).toEqual([{ id: '1', title: 'T', text: 'T', source: 'P' }]);
  });
});

describe('feeds: documents that are not (whole) feeds', () => {
  it('a truncated feed keeps the complete items and says which item is not closed', () => {
    const results = parseFeed(fixture('truncated.rss'), 'truncated.rss');
    expect(results.map((r) => (r.ok ? r.story.id : r.problem))).toEqual([
      'cw-1001',
      { file: 'truncated.rss', line: 17, message: 'truncated feed: item 2 is not closed' },
    ]);
  });

  it.each([
    ['cut inside a tag', '<rss><channel><item><title>A</title></item><item><title>B</title><link href="x', 'truncated feed: item 2 is not closed', 1],
    ['cut inside CDATA', '<rss><channel><item><title>A</title></item><item><description><![CDATA[<p>B', 'truncated feed: item 2 is not closed', 1],
    ['an item closed by </channel>', rss('<item><title>A</title></item><item><title>B</title>'), 'item 2 is not closed before </channel>', 1],
    ['cut between items', '<rss><channel><title>D</title><item><title>A</title></item>', 'truncated feed: <rss> is not closed', 1],
    ['cut inside an Atom entry', atom('<entry><title>A</title></entry><entry><title>B').replace('</feed>', ''), 'truncated feed: item 2 is not closed', 1],
  ])('%s', (_, xml, message, kept) => {
    const results = parseFeed(xml, 'f.xml');
    expect(results.filter((r) => r.ok)).toHaveLength(kept);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.problem.message)).toEqual([message]);
  });

  it.each([
    ['an XML document of another kind', fixture('not-a-feed.xml'), /^not an RSS or Atom feed/],
    ['an HTML page', '<!DOCTYPE html><html><body><p>Hi</p></body></html>', /^not an RSS or Atom feed/],
    ['plain text', 'Iran threatened Iraq.', /^not an RSS or Atom feed/],
    ['an empty document', '', /^not an RSS or Atom feed/],
    ['RSS without a channel', '<rss version="2.0"><item><title>T</title></item></rss>', /^not an RSS or Atom feed: <rss> has no <channel> element$/],
  ])('%s is one problem', (_, xml, message) => {
    const results = parseFeed(xml, 'x.xml');
    expect(results).toHaveLength(1);
    expect(!results[0]!.ok && results[0]!.problem).toMatchObject({ file: 'x.xml', message: expect.stringMatching(message) });
  });

  it('a feed with no items is no stories and no problem', () => {
    expect(parseFeed(rss(''), 'f.rss')).toEqual([]);
  });
});

describe('feeds: cost grows linearly', () => {
  const item = (i: number): string => `<item><title>Story ${i} &amp; more</title><link>https://x.org/${i}</link><guid>g${i}</guid>`
    + `<pubDate>Wed, 01 Dec 2021 10:00:00 GMT</pubDate><description><![CDATA[<p>Iran threatened to attack Iraq, officials said.</p><p>Talks went on.</p>]]></description></item>\n`;
  const feed = (bytes: number): string => {
    const parts: string[] = [];
    for (let i = 0, size = 0; size < bytes; i++) size += parts[parts.push(item(i)) - 1]!.length;
    return rss(parts.join(''));
  };
  const time = (xml: string): number => {
    const start = performance.now();
    parseFeed(xml, 'big.rss');
    return performance.now() - start;
  };

  it('a 10 MB feed takes about four times as long as a 2.5 MB one', () => {
    const small = feed(2_500_000);
    const big = feed(10_000_000);
    time(small);
    const a = Math.min(time(small), time(small));
    const b = time(big);
    expect(parseFeed(big, 'big.rss').length).toBeGreaterThan(30_000);
    expect(b / a).toBeLessThan(7);
  });

  const byChannel = 'item 1 is not closed before </channel>';
  const truncated = 'truncated feed: item 1 is not closed';
  it.each([
    ['bare "<"', '<'.repeat(10_000_000), byChannel],
    ['tags that never close', '<a '.repeat(3_000_000), byChannel],
    ['unbalanced quotes', '<a "'.repeat(2_500_000), byChannel],
    ['unclosed comments', '<!--'.repeat(2_500_000), truncated],
    ['unclosed CDATA', '<![CDATA['.repeat(1_000_000), truncated],
    ['stray end tags', '</a>'.repeat(2_500_000), byChannel],
    ['deep nesting', '<a>'.repeat(2_000_000), byChannel],
  ])('10 MB of %s in an item left open is found quickly, at the end of the document or at </channel>', (_, junk, closedMessage) => {
    const start = performance.now();
    const cut = parseFeed(`<rss><channel><item><title>T</title><description>${junk}`, 'junk.rss');
    const closed = parseFeed(rss(`<item><title>T</title><description>${junk}`), 'junk.rss');
    expect(performance.now() - start).toBeLessThan(10_000);
    expect([...cut, ...closed].map((r) => !r.ok && r.problem.message)).toEqual([truncated, closedMessage]);
  });
});
