import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The wink-nlp instance, created once per process. */
export type Nlp = ReturnType<typeof winkNLP>;

/** wink-nlp for tokens and tags, plus Entente's own table of irregular forms for lemmas. */
export interface Tagger {
  readonly wink: Nlp;
  /** Base form of an irregular word ("said" → "say"); regular forms are matched by inflection. */
  readonly lemma: (lower: string) => string;
  /** Shortcut to wink's readDoc, for callers that only need wink's own analysis. */
  readonly readDoc: Nlp['readDoc'];
}

let instance: Nlp | undefined;

export function getNlp(lemmas: ReadonlyMap<string, string>): Tagger {
  instance ??= winkNLP(model);
  const wink = instance;
  return { wink, lemma: (lower) => lemmas.get(lower) ?? lower, readDoc: wink.readDoc.bind(wink) };
}
