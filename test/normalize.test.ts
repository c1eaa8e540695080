import { describe, expect, it } from 'vitest';
import { detectFormat, htmlToText, normalizeDocument, normalizeJsonLine, toIsoDate } from '../src/pipeline/normalize/index.js';

describe('normalize: formats', () => {
  it.each([
    ['a.jsonl', 'x', 'jsonl'],
    ['a.ndjson', 'x', 'jsonl'],
    ['page.html', 'x', 'html'],
    ['note.txt', '{"id":1}', 'text'],
    ['-', '{"id":"1","text":"x"}', 'jsonl'],
    ['-', '<!DOCTYPE html><html>', 'html'],
    ['-', 'Serbia said on Monday.', 'text'],
  ])('%s with head %j is %s', (name, head, format) => {
    expect(detectFormat(name, head)).toBe(format);
  });
});

describe('normalize: HTML', () => {
  it.each([
    ['<p>Serbia &amp; Azerbaijan</p><p>signed.</p>', 'Serbia & Azerbaijan\nsigned.'],
    ['<html><head><style>p{}</style><script>var x=1</script><title>T</title></head><body><div>One<br>Two</div></body></html>', 'T\nOne\nTwo'],
    ['<!-- hidden --><p>Shown&nbsp;text</p>', 'Shown text'],
    // A page's menu, sidebar, form and footer are not the story.
    ['<body><nav><a href="/">Home</a> | <a href="/about">About</a></nav><header><h1>Talks in Baku</h1></header><article><p>Turkey praised Azerbaijan.</p>'
      + '<aside>Most read: Iran threatens Iraq</aside></article><form><input> Subscribe</form><footer>© 2021 Wire</footer></body>', 'Talks in Baku\nTurkey praised Azerbaijan.'],
    // An unclosed one is kept rather than taking the rest of the page with it.
    ['<nav>Home<p>Serbia signed.</p>', 'Home\nSerbia signed.'],
    ['<footer>A<nav>B<nav>C</nav></nav>D</footer><p>Serbia signed.</p>', 'Serbia signed.'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps the title of an HTML document', () => {
    const r = normalizeDocument('<title>Headline</title><p>Body.</p>', 'html', { id: 'x', file: 'f.html' });
    expect(r.ok && r.story.title).toBe('Headline');
  });

  it('an empty document is a problem, not a story', () => {
    const r = normalizeDocument('<p>  </p>', 'html', { id: 'x', file: 'f.html' });
    expect(r.ok).toBe(false);
  });
});

describe('normalize: JSONL lines', () => {
  it.each([
    ['{"id":"a","text":"Serbia signed.","date":"2021-12-01"}', { id: 'a', text: 'Serbia signed.', date: '2021-12-01' }, {}],
    ['{"id":7,"text":"T","published":"2025-03-14 20:30:26Z"}', { id: '7', text: 'T', date: '2025-03-14' }, {}],
    // No id: one is made from the file and line, and the story says so.
    ['{"text":"T","title":"H","url":"u","source":"s"}', { id: 'f.jsonl:3', text: 'T', title: 'H', url: 'u', source: 's' }, { derived: true }],
  ])('%s is a story', (line, story, derived) => {
    const r = normalizeJsonLine(line, 'f.jsonl', 3);
    expect(r).toEqual({ ok: true, story, at: { file: 'f.jsonl', line: 3 }, ...derived });
  });

  it.each([
    ['{"id":"a"', /not valid JSON/],
    ['[1,2]', /JSON object/],
    ['{"id":"a","title":"no text"}', /missing field "text"/],
    ['{"id":"a","text":42}', /"text" must be a string/],
    ['{"id":"a","text":"   "}', /"text" is empty/],
    ['{"id":"a","text":"T","date":"yesterday"}', /"date" is not a date/],
    ['{"id":"a","text":"T","date":"2021-02-30"}', /"date" is not a date/],
    ['{"id":{},"text":"T"}', /"id" must be/],
    ['{"id":"a","text":"T","url":5}', /"url" must be a string/],
  ])('%s is a problem naming the line (%s)', (line, message) => {
    const r = normalizeJsonLine(line, 'f.jsonl', 9);
    expect(r && !r.ok && r.problem).toMatchObject({ file: 'f.jsonl', line: 9 });
    expect(r && !r.ok && r.problem.message).toMatch(message);
  });

  it('a blank line is skipped', () => {
    expect(normalizeJsonLine('   ', 'f', 1)).toBeNull();
  });

  it('the --date default applies only when the story has none', () => {
    const r = normalizeJsonLine('{"text":"T"}', 'f', 1, '2020-01-01');
    expect(r?.ok && r.story.date).toBe('2020-01-01');
  });
});

describe('normalize: dates', () => {
  it.each([
    ['2021-12-01', '2021-12-01'],
    ['2021-12-01T10:00:00Z', '2021-12-01'],
    ['2021-13-01', undefined],
    ['01/12/2021', undefined],
  ])('%s → %s', (input, out) => {
    expect(toIsoDate(input)).toBe(out);
  });
});
