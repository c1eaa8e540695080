/** The analytics as a library: pure functions over acts, and the same questions asked of a store. */
export { inWindow, isDated, spanOf, toActs } from './acts.js';
export { alignmentOf, CERTAINTY_WEIGHT, supportKind, weightOf } from './classify.js';
export { adversariesIn, crises, DEFAULT_CRISIS_RULE, detectCrises, givenCrisis, knownCrises, strongestAdversary, type CrisisRule } from './crises.js';
export { compare, reliability, type CompareOptions } from './compare.js';
export { sayDoGap, type GapOptions } from './gap.js';
export { network, toGraphML, type NetworkOptions } from './network.js';
export { declaredPartners, partnershipTest, verdictOf, type TestOptions } from './partners.js';
export { periodOf, periodsBetween } from './periods.js';
export { resolveState, stateCode, type StateLookup } from './states.js';
export { tallyActs, timeline } from './timeline.js';
export { AnalysisError, citedEvents, evidenceEvents, askCompare, askCrises, askDyad, askGap, askNetwork, askTest, type Knowledge, type TestQuestion } from './ask.js';
