import { decode } from 'html-entities';
import type { NormalizeResult, Story } from '../../types.js';
import { htmlToText, toIsoDate } from './index.js';

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds into stories, with a small scanner instead of an XML parser:
 * one left-to-right pass over the tags (indexOf and character loops, no backtracking patterns),
 * lenient about the HTML that feeds embed, strict about an item that the document cuts off.
 */

const ATOM_NS = 'http://www.w3.org/2005/Atom';
type FeedKind = 'rss' | 'rdf' | 'atom';

/** The root element; `prefix` is "atom:" when the Atom elements carry one, else "". */
interface Root { readonly kind: FeedKind; readonly name: string; readonly prefix: string }
/** A start or end tag: [start, end) in the document, `attrs` the raw attribute text. */
interface Tag { readonly name: string; readonly close: boolean; readonly selfClose: boolean; readonly start: number; readonly end: number; readonly attrs: string }
/** A child element of an item: `inner` is the raw markup between its start and end tags. */
interface Field { readonly name: string; readonly attrs: ReadonlyMap<string, string>; readonly inner: string }
/** An item (or entry), numbered from 1, with the line it starts on; `cutBy` names the end tag that closed it before its own. */
interface RawItem { readonly n: number; readonly line: number; readonly fields: Field[]; readonly cutBy?: string }

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;

/** The index just past `token` at or after `from`, or -1 when the document ends first. */
function after(s: string, token: string, from: number): number {
  const at = s.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

/** Past a <!DOCTYPE ...> declaration, internal subset included; -1 when it is not closed. */
function skipDeclaration(s: string, from: number): number {
  let depth = 0;
  for (let k = from + 2; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 91) depth++;
    else if (c === 93) depth--;
    else if (c === 62 && depth <= 0) return k + 1;
  }
  return -1;
}

/**
 * Where a tag whose name ends at `from` closes ('>' outside quotes), -1 when the document ends first,
 * -2 when a '<' shows the '<' that opened it was text. A quote left open ends at the first '>' inside it.
 */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  let gtInQuote = -1;
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (quote) {
      if (c === quote) {
        quote = 0;
        gtInQuote = -1;
      } else if (c === 62 && gtInQuote < 0) gtInQuote = k;
      else if (c === 60) return gtInQuote >= 0 ? gtInQuote : -2;
    } else if (c === 62) return k;
    else if (c === 34 || c === 39) quote = c;
    else if (c === 60) return -2;
  }
  return gtInQuote >= 0 ? gtInQuote : -1;
}

/** Past a comment, CDATA section, processing instruction or declaration that starts at `lt`; -1 when it is not closed. */
function skipMarkup(s: string, lt: number): number {
  if (s.startsWith('<!--', lt)) return after(s, '-->', lt + 4);
  if (s.startsWith('<![CDATA[', lt)) return after(s, ']]>', lt + 9);
  return s.startsWith('<?', lt) ? after(s, '?>', lt + 2) : skipDeclaration(s, lt);
}

/** Every start and end tag from `from` on, skipping comments, CDATA, processing instructions and declarations. False when the document ends inside markup. */
function scanTags(s: string, from: number, visit: (tag: Tag) => void): boolean {
  let i = from;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) return true;
    const c = s.charCodeAt(lt + 1);
    if (c === 33 || c === 63) {
      i = skipMarkup(s, lt);
      if (i < 0) return false;
      continue;
    }
    const close = c === 47;
    const nameStart = close ? lt + 2 : lt + 1;
    let j = nameStart;
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
    const end = j === nameStart || !isNameStart(s.charCodeAt(nameStart)) ? -2 : tagEnd(s, j);
    if (end === -1) return false;
    if (end === -2) {
      i = lt + 1; // a '<' in text, not a tag
      continue;
    }
    const selfClose = !close && s.charCodeAt(end - 1) === 47;
    visit({ name: s.slice(nameStart, j), close, selfClose, start: lt, end: end + 1, attrs: s.slice(j, selfClose ? end - 1 : end) });
    i = end + 1;
  }
  return true;
}

/** Attributes of a start tag, values entity-decoded. */
function parseAttrs(src: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  const take = (more: (c: number) => boolean): string => {
    const from = i;
    while (i < src.length && more(src.charCodeAt(i))) i++;
    return src.slice(from, i);
  };
  while (i < src.length) {
    take((c) => isSpace(c) || c === 47);
    const name = take((c) => !isSpace(c) && c !== 61 && c !== 47);
    take(isSpace);
    if (src.charCodeAt(i) !== 61) {
      if (name) out.set(name, '');
      continue;
    }
    i++;
    take(isSpace);
    const q = src.charCodeAt(i);
    const quoted = q === 34 || q === 39;
    if (quoted) i++;
    const value = take(quoted ? (c) => c !== q : (c) => !isSpace(c));
    if (quoted) i++;
    if (name) out.set(name, decode(value));
  }
  return out;
}

/** The root element, when it is one of a feed's (after the XML declaration, comments and doctype). */
function feedRoot(s: string): Root | undefined {
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (!s.startsWith('<!', i) && !s.startsWith('<?', i)) break;
    i = skipMarkup(s, i);
    if (i < 0) return undefined;
  }
  if (s[i] !== '<') return undefined;
  let j = i + 1;
  while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
  const name = s.slice(i + 1, j);
  const colon = name.indexOf(':');
  const local = name.slice(colon + 1);
  if (local === 'rss') return { kind: 'rss', name, prefix: '' };
  if (local === 'RDF') return { kind: 'rdf', name, prefix: '' };
  const gt = s.indexOf('>', j);
  const startTag = s.slice(j, gt < 0 ? s.length : gt);
  if (local === 'feed' && startTag.includes(ATOM_NS)) return { kind: 'atom', name, prefix: name.slice(0, colon + 1) };
  return undefined;
}

/** True when a document's first bytes are an RSS 2.0, RDF or Atom feed's. */
export function isFeed(head: string): boolean {
  return feedRoot(head) !== undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC822 = /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4}|\d{2})(?!\d)/i;

/**
 * A feed date (RFC 822 "Wed, 02 Oct 2002 13:00:00 GMT", or ISO 8601 / W3C-DTF) as YYYY-MM-DD, the calendar
 * day as the feed wrote it (no time-zone shift). Undefined when it is neither.
 */
export function feedDate(value: string): string | undefined {
  const v = value.trim().slice(0, 80);
  const m = RFC822.exec(v);
  const month = m ? MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) : -1;
  if (!m || month < 0) return toIsoDate(v);
  const year = m[3]!.length === 2 ? `${Number(m[3]) < 50 ? '20' : '19'}${m[3]}` : m[3]!;
  return toIsoDate(`${year}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
}

/** Character data of raw XML content: CDATA sections kept as they are, entities decoded elsewhere. */
function unwrap(raw: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = raw.indexOf('<![CDATA[', i);
    if (open < 0) return out + decode(raw.slice(i));
    out += decode(raw.slice(i, open));
    const close = raw.indexOf(']]>', open + 9);
    if (close < 0) return out + raw.slice(open + 9);
    out += raw.slice(open + 9, close);
    i = close + 3;
  }
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
const lines = (s: string): string => s.split('\n').map(oneLine).filter((l) => l.length > 0).join('\n');

/** A field's text: Atom's type="xhtml" is markup, "html" escaped markup, "text" plain; untyped fields are HTML when `asHtml` (bodies), else plain (titles, links, ids). */
function fieldText(f: Field, asHtml: boolean): string {
  const type = f.attrs.get('type') ?? '';
  if (type === 'xhtml') return htmlToText(f.inner);
  const text = unwrap(f.inner);
  if (type === 'html' || type === 'text/html') return htmlToText(text);
  if (type === 'text' || type === 'text/plain') return lines(text);
  return asHtml ? htmlToText(text) : lines(text);
}

const inline = (f: Field | undefined): string => (f ? oneLine(fieldText(f, false)) : '');

/** False for Atom content that is elsewhere (src="...") or not text (type="image/png"). */
const textual = (f: Field): boolean => !f.attrs.has('src') && /^(|text|html|xhtml|text\/.*|.*[+/]xml)$/.test(f.attrs.get('type') ?? '');

function toStory(item: RawItem, file: string, kind: FeedKind, source: string | undefined): NormalizeResult {
  if (item.cutBy) return { ok: false, problem: { file, line: item.line, message: `item ${item.n} is not closed before </${item.cutBy}>` } };
  const get = (name: string): Field | undefined => item.fields.find((f) => f.name === name);
  const title = inline(get('title'));
  /** The first of the fields that gives a value. */
  const firstOf = (names: readonly string[], value: (f: Field) => string | undefined): string | undefined => {
    for (const f of names.map(get)) {
      const v = f && value(f);
      if (v) return v;
    }
    return undefined;
  };
  const body = firstOf(['content:encoded', 'content', 'description', 'summary'], (f) => (textual(f) ? fieldText(f, true) : undefined)) ?? '';
  if (!title && !body) return { ok: false, problem: { file, line: item.line, message: `item ${item.n}: no title or description` } };
  const links = item.fields.filter((f) => f.name === 'link');
  const atomLink = links.find((f) => f.attrs.has('href') && (f.attrs.get('rel') ?? 'alternate') === 'alternate') ?? links.find((f) => f.attrs.has('href'));
  const guid = get('guid');
  const permalink = guid && guid.attrs.get('isPermaLink') !== 'false' ? oneLine(unwrap(guid.inner)) : '';
  const url = (kind === 'atom' ? atomLink?.attrs.get('href') : inline(get('link')) || (/^https?:\/\//.test(permalink) ? permalink : '')) || undefined;
  const given = oneLine(unwrap((kind === 'atom' ? get('id') : guid)?.inner ?? '')) || url;
  const id = given || `${file}#${item.n}`;
  const date = firstOf(['pubDate', 'published', 'dc:date', 'updated', 'dcterms:issued', 'dcterms:modified'], (f) => feedDate(unwrap(f.inner)));
  const story: Story = { id, text: title && body ? `${title}\n${body}` : title || body, ...(date ? { date } : {}), ...(title ? { title } : {}) };
  return { ok: true, story: { ...story, ...(url ? { url } : {}), ...(source ? { source } : {}) }, at: { file, line: item.line }, ...(given ? {} : { derived: true as const }) };
}

/**
 * Each RSS <item> or Atom <entry> of a feed as a story (or a problem naming the item and its line).
 * A document that is no feed is one problem; a feed cut off inside an item keeps the complete items before it,
 * then says which item is not closed. An item closed by another end tag (</channel>) is a problem, not a story.
 */
export function parseFeed(xml: string, file: string): NormalizeResult[] {
  const root = feedRoot(xml);
  if (!root) return [{ ok: false, problem: { file, message: 'not an RSS or Atom feed (no <rss>, <rdf:RDF> or Atom <feed> root element)' } }];
  const itemName = root.kind === 'atom' ? 'entry' : 'item';
  const stack: { name: string; innerStart: number; attrs: string }[] = [];
  const open = new Map<string, number>();
  const items: RawItem[] = [];
  let item: RawItem | undefined;
  let itemDepth = -1;
  let sawChannel = false;
  let source: string | undefined;
  let line = 1;
  let lineFrom = 0;
  /** The 1-based line of `pos`, counted on from the last call (positions only grow). */
  const lineAt = (pos: number): number => {
    for (let nl = xml.indexOf('\n', lineFrom); nl >= 0 && nl < pos; nl = xml.indexOf('\n', lineFrom)) {
      line++;
      lineFrom = nl + 1;
    }
    return line;
  };
  const local = (name: string): string => (root.prefix && name.startsWith(root.prefix) ? name.slice(root.prefix.length) : name);
  const closed = (depth: number, name: string, attrs: string, innerStart: number, innerEnd: number, cutBy?: string): void => {
    if (item && depth === itemDepth) {
      items.push(cutBy ? { ...item, cutBy } : item);
      item = undefined;
      itemDepth = -1;
    } else if (item && depth === itemDepth + 1) {
      item.fields.push({ name, attrs: parseAttrs(attrs), inner: xml.slice(innerStart, innerEnd) });
    } else if (!item && name === 'title' && source === undefined) {
      const parent = stack[depth - 1]?.name;
      if (parent === 'channel' || (root.kind === 'atom' && depth === 1)) source = inline({ name, attrs: parseAttrs(attrs), inner: xml.slice(innerStart, innerEnd) }) || undefined;
    }
  };
  const complete = scanTags(xml, 0, (tag) => {
    const name = local(tag.name);
    if (tag.close) {
      if (!open.get(name)) return;
      for (let top = stack.pop(); top; top = stack.pop()) {
        open.set(top.name, open.get(top.name)! - 1);
        closed(stack.length, top.name, top.attrs, top.innerStart, tag.start, top.name === name ? undefined : name);
        if (top.name === name) break;
      }
      return;
    }
    if (name === 'channel') sawChannel = true;
    if (name === itemName && !item) {
      item = { n: items.length + 1, line: lineAt(tag.start), fields: [] };
      itemDepth = stack.length;
    }
    if (tag.selfClose) return closed(stack.length, name, tag.attrs, tag.end, tag.end);
    stack.push({ name, innerStart: tag.end, attrs: tag.attrs });
    open.set(name, (open.get(name) ?? 0) + 1);
  });
  if (root.kind !== 'atom' && !sawChannel) return [{ ok: false, problem: { file, message: `not an RSS or Atom feed: <${root.name}> has no <channel> element` } }];
  const results = items.map((raw) => toStory(raw, file, root.kind, source));
  if (item) results.push({ ok: false, problem: { file, line: item.line, message: `truncated feed: item ${item.n} is not closed` } });
  else if (stack.length > 0 || (!complete && open.size === 0)) results.push({ ok: false, problem: { file, message: `truncated feed: <${root.name}> is not closed` } });
  return results;
}
