import { decode } from 'html-entities';
import type { InputFormat, InputLocation, NormalizeResult, Story } from '../../types.js';

/** Where an input item was read, as problems name it: "file:line", or the file alone. */
export const located = (at: InputLocation): string => `${at.file}${at.line ? `:${at.line}` : ''}`;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The format of an input, from its name, or from its content when the name says nothing. */
export function detectFormat(name: string, head: string): InputFormat {
  const lower = name.toLowerCase();
  if (/\.(jsonl|ndjson)$/.test(lower)) return 'jsonl';
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  if (/\.(txt|text|md)$/.test(lower)) return 'text';
  const start = head.trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (/^<(!doctype|html|head|body|article|p|div)\b/i.test(start)) return 'html';
  return 'text';
}

/** A YYYY-MM-DD date from an ISO-like string, or undefined when it is not one. */
export function toIsoDate(value: string): string | undefined {
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${mo}-${d}`;
}

const BLOCK_TAGS = /<\/?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|title|figcaption|pre)\b[^<>]*>/gi;

const PAGE_PARTS = /<(\/?)(nav|aside|form|footer)\b[^<>]*>/gi;

/** The text without its closed PAGE_PARTS elements (each a line break), found in one pass: an unclosed one stays. */
function dropClosed(html: string): string {
  const open = new Map<string, number[]>();
  const cuts: [number, number][] = [];
  for (const m of html.matchAll(PAGE_PARTS)) {
    const name = m[2]!.toLowerCase();
    const starts = open.get(name) ?? open.set(name, []).get(name)!;
    if (!m[1]) starts.push(m.index);
    else if (starts.length) cuts.push([starts.pop()!, m.index + m[0].length]);
  }
  if (cuts.length === 0) return html;
  cuts.sort((a, b) => a[0] - b[0]);
  const kept: string[] = [];
  let at = 0;
  for (const [from, to] of cuts) {
    if (to <= at) continue;
    kept.push(html.slice(at, Math.max(at, from)), '\n');
    at = to;
  }
  kept.push(html.slice(at));
  return kept.join('');
}

/**
 * Visible text of an HTML document: scripts, styles and tags removed, entities decoded, blocks on their own lines.
 * A page's menus, sidebars, forms and footers are not the story: closed <nav>, <aside>, <form> and <footer> elements
 * go with their content. Unclosed comments, scripts and tags end at the end of the text.
 */
export function htmlToText(html: string): string {
  const body = dropClosed(html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template|svg)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' '))

    .replace(BLOCK_TAGS, '\n')
    .replace(/<[^<>]*>/g, ' ');
  return decode(body)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The title of an HTML document, if it has one. */
export function htmlTitle(html: string): string | undefined {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = m ? decode(m[1]!).replace(/\s+/g, ' ').trim() : '';
  return title || undefined;
}

export interface TextOptions {
  readonly id: string;
  readonly date?: string;
  readonly file: string;
}

/** A plain-text or HTML document as one story. */
export function normalizeDocument(content: string, format: 'text' | 'html', opts: TextOptions): NormalizeResult {
  const text = format === 'html' ? htmlToText(content) : content.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) return { ok: false, problem: { file: opts.file, message: 'no text to code (empty document)' } };
  const title = format === 'html' ? htmlTitle(content) : undefined;
  const story: Story = { id: opts.id, text, ...(opts.date ? { date: opts.date } : {}), ...(title ? { title } : {}) };
  return { ok: true, story, at: { file: opts.file } };
}

const OPTIONAL_STRING_FIELDS = ['title', 'url', 'source'] as const;

/**
 * One JSONL line as a story: {"id","text","date"?,"title"?,"url"?,"source"?}.
 * `published` is read when `date` is absent (as in many feeds); any ISO date-time is cut to its day.
 */
export function normalizeJsonLine(line: string, file: string, lineNo: number, defaultDate?: string): NormalizeResult | null {
  if (line.trim().length === 0) return null;
  const fail = (message: string): NormalizeResult => ({ ok: false, problem: { file, line: lineNo, message } });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a JSON object with a "text" field');
  const obj = value as Record<string, unknown>;
  if (typeof obj.text !== 'string') return fail(obj.text === undefined ? 'missing field "text"' : 'field "text" must be a string');
  if (obj.text.trim().length === 0) return fail('field "text" is empty');
  let id: string;
  if (obj.id === undefined || obj.id === null) id = `${file}:${lineNo}`;
  else if (typeof obj.id === 'string' || typeof obj.id === 'number') id = String(obj.id);
  else return fail('field "id" must be a string or a number');
  const rawDate = obj.date ?? obj.published;
  let date: string | undefined = defaultDate;
  if (rawDate !== undefined && rawDate !== null && rawDate !== '') {
    const field = obj.date !== undefined ? 'date' : 'published';
    if (typeof rawDate !== 'string') return fail(`field "${field}" must be a YYYY-MM-DD string`);
    date = toIsoDate(rawDate);
    if (!date) return fail(`field "${field}" is not a date: ${JSON.stringify(rawDate).slice(0, 40)}`);
  }
  const extra: Record<string, string> = {};
  for (const key of OPTIONAL_STRING_FIELDS) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return fail(`field "${key}" must be a string`);
    extra[key] = v;
  }
  const story: Story = { id, text: obj.text.replace(/\r\n?/g, '\n'), ...(date ? { date } : {}), ...extra };
  return { ok: true, story, at: { file, line: lineNo }, ...(obj.id === undefined || obj.id === null ? { derived: true as const } : {}) };
}
