/** Entente as a library: the model, the pipeline and its stages, and every contract. */
export { loadModel, type ModelOptions } from './model/load.js';
export { parseActorFile, parseRuleFile, UserFileError } from './model/user-files.js';
export { codeStory, type CodeOptions, type CodedStory } from './pipeline/index.js';
export { detectFormat, htmlToText, normalizeDocument, normalizeJsonLine } from './pipeline/normalize/index.js';
export { splitSentences } from './pipeline/sentences/index.js';
export { findActors } from './pipeline/actors/index.js';
export { codeEvents } from './pipeline/events/index.js';
export { resolveDate } from './pipeline/attributes/dates.js';
export { findPlace } from './pipeline/attributes/places.js';
export { extractSize } from './pipeline/attributes/sizes.js';
export { attribute, stanceOf } from './pipeline/attributes/attribution.js';
export { toRecord } from './pipeline/records/index.js';
export { scoreGold, parseGold } from './eval/score.js';
export type * from './types.js';
export * from './analysis/index.js';
