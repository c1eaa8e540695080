import { describe, expect, it } from 'vitest';
import { findActors } from '../src/pipeline/actors/index.js';
import { parseActorFile, UserFileError } from '../src/model/user-files.js';
import { splitSentences } from '../src/pipeline/sentences/index.js';
import { model } from './helpers.js';

const codesIn = (text: string): string[] => findActors(splitSentences({ id: 'n', text }, model().nlp), model()).flat().map((m) => m.entity.code);

describe('actors: what is not an actor', () => {
  it.each([
    ['Let us go there.', 'USA'],
    ['They may win.', 'UNO'],
    ['The turkey was served at dinner.', 'TUR'],
    ['We met at 5 pm.', 'GBR'],
  ])('%s has no %s', (text, code) => {
    expect(codesIn(text)).not.toContain(code);
  });

  it('an unknown titled name with no state in the sentence is left out', () => {
    expect(codesIn('Minister John Doe spoke.')).toEqual([]);
  });

  it.each([
    ['actors:\n  - names: [X]\n    code: xx\n', /actors\[0\]\.code/],
    ['leaders:\n  - name: A\n    country: SRB\n    tenures: [{office: president, from: 2020}]\n', /leaders\[0\]\.tenures\[0\]\.from/],
    ['unknown: 1\n', /unrecognized|Unrecognized/],
    ['actors: [', /cannot parse/],
  ])('a bad actor file names the field: %j', (text, message) => {
    expect(() => parseActorFile(text, 'bad.yaml')).toThrow(UserFileError);
    expect(() => parseActorFile(text, 'bad.yaml')).toThrow(message);
  });
});
