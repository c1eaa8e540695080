import type { Tagger } from '../../nlp.js';
import type { Sentence, Story, Token } from '../../types.js';

/** Curly quotes and apostrophes fold to straight ones for matching; offsets stay on the original text. */
const QUOTES = /[\u2018\u2019\u02bc\u201c\u201d\u201e\u00ab\u00bb]/;

export function foldQuotes(s: string): string {
  if (!QUOTES.test(s)) return s;
  return s.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"');
}

/**
 * Stage 2: split a story into sentences of tagged tokens with character offsets.
 * One wink-nlp pass over the whole text; offsets come from wink's lossless tokens. Lemmas are the base form
 * of irregular words only: rules and word classes match regular inflections themselves.
 * A line break always ends a sentence: headings and paragraphs have no final stop.
 */
export function splitSentences(story: Story, tagger: Tagger): readonly Sentence[] {
  const its = tagger.wink.its;
  const doc = tagger.wink.readDoc(story.text);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const tags = tokens.out(its.pos) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const text = story.text;
  const starts: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i]!.length;
    const found = text.startsWith(values[i]!, cursor) ? cursor : text.indexOf(values[i]!, cursor);
    starts[i] = found < 0 ? cursor : found;
    cursor = starts[i]! + values[i]!.length;
  }
  const sentences: Sentence[] = [];
  const push = (list: Token[]): void => {
    if (list.length === 0) return;
    const start = list[0]!.start;
    const end = list[list.length - 1]!.end;
    sentences.push({ index: sentences.length, text: text.slice(start, end), start, end, tokens: list });
  };
  doc.sentences().each((s: { out(f: unknown): unknown }) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    let list: Token[] = [];
    for (let t = first; t <= last; t++) {
      const value = values[t]!;
      const blank = value.trim() === '';
      if (list.length > 0 && (spaces[t]!.includes('\n') || (blank && value.includes('\n')))) {
        push(list);
        list = [];
      }
      if (blank) continue;
      const lower = foldQuotes(value.toLowerCase());
      list.push({
        i: list.length,
        text: value,
        lower,
        lemma: tagger.lemma(lower),
        pos: tags[t]!,
        start: starts[t]!,
        end: starts[t]! + value.length,
        spaced: spaces[t]!.length > 0,
      });
    }
    push(list);
  });
  return sentences;
}
