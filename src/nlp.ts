import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The wink-nlp instance, created once per process. */
export type Nlp = ReturnType<typeof winkNLP>;

let instance: Nlp | undefined;

export function getNlp(): Nlp {
  instance ??= winkNLP(model);
  return instance;
}
