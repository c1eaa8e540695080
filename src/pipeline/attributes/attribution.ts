import type { ActorMention, Attribution, Certainty, Model, Sentence, Stance } from '../../types.js';
import { frameFor, type SpeechFrame } from '../events/speech.js';

const HEDGE_WINDOW = 6;
const EVIDENCE = /\b(?:information|evidence|proof|intelligence) that\b/i;
const OPINION_MARKS = /\?|\b(?:I|we|our|us|my)\b/;
const HISTORICAL = /\b(?:in the past|historically|for (?:many )?(?:decades|centuries)|in the (?:19|18)\d0s|during (?:the )?(?:cold war|world war)|decades ago|centuries ago)\b/i;

/**
 * Who claims an event and how certain the claim is: the reporting clause that covers the trigger, refined by
 * hedges ("possibly", "reportedly") near the trigger and by evidence frames ("said it had information that").
 */
export function attribute(s: Sentence, trigger: number, speech: readonly SpeechFrame[], actors: readonly ActorMention[], model: Model): Attribution {
  const frame = frameFor(speech, trigger);
  const t = s.tokens;
  const hedges = model.lexicon.classes.get('hedge')!;
  const alleged = model.lexicon.classes.get('allegedly')!;
  let certainty: Certainty = 'asserted';
  let why = 'stated in the story\'s own voice';
  if (frame) {
    certainty = frame.certainty;
    why = frame.claimantText ? `reporting clause "${frame.claimantText} ${frame.verb}"` : `reporting clause "${frame.verb}" (claimant unnamed)`;
    const claimantCodes = frame.claimant.map((m) => m.entity.code);
    const media = frame.claimant.some((m) => m.entity.sector === 'JRN');
    if (certainty === 'asserted' && (media || !claimantCodes.some((c) => actors.some((a) => a.entity.code === c)))) certainty = 'reported';
    const between = s.text.slice(t[Math.min(frame.verbIndex, trigger)]!.start - s.start, t[Math.max(frame.verbIndex, trigger)]!.end - s.start);
    if (EVIDENCE.test(between)) {
      certainty = 'alleged';
      why += ', claimed as evidence';
    }
  }
  for (let k = Math.max(0, trigger - HEDGE_WINDOW); k < Math.min(t.length, trigger + HEDGE_WINDOW); k++) {
    const w = t[k]!.lower;
    if (alleged.has(w)) {
      certainty = 'alleged';
      why += `; "${t[k]!.text}"`;
      break;
    }
    if (hedges.has(w) && certainty !== 'denied') {
      certainty = 'hedged';
      why += `; hedged by "${t[k]!.text}"`;
      break;
    }
  }
  const claimant = frame?.claimant[0]?.entity ?? null;
  return { claimant, claimant_text: frame ? frame.claimantText || null : null, verb: frame ? frame.verb : null, certainty, reason: why };
}

/** Whether a sentence reports news, gives opinion, or recounts history, so analysts can leave the latter out. */
export function stanceOf(s: Sentence, hasSpeech: boolean, model: Model): { stance: Stance; reason: string } {
  const historical = HISTORICAL.exec(s.text);
  if (historical) return { stance: 'historical', reason: `historical marker "${historical[0]}"` };
  if (!hasSpeech) {
    const opinion = model.lexicon.classes.get('opinion')!;
    const cue = s.tokens.find((t) => opinion.has(t.lower) && (t.lower !== 'us' || t.text === 'us'));
    const mark = OPINION_MARKS.exec(s.text);
    if (cue || mark) return { stance: 'opinion', reason: `opinion marker "${cue ? cue.text : mark![0]}" in an unattributed sentence` };
  }
  return { stance: 'report', reason: 'reported event' };
}
