import { isCoded, type AnyRecord, type PloverRecord } from '../types.js';

/** The sentence an event was coded from, or for an imported row the text its dataset gives. */
export const sentenceOf = (r: AnyRecord): string => (isCoded(r) ? r.text : r.text ?? r.event_text) ?? '(no sentence: imported row)';

/** Who claims a coded event in an evidence list: the claimant the sentence names, else the story itself. */
export const claimantOf = (r: PloverRecord): string => r.attribution.claimant_text ?? 'the story itself';
