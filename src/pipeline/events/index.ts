import type { ActorMention, CodedEvent, Model, PloverEventType, Sentence, Token, Trigger } from '../../types.js';
import { compose, governingFrames } from './frames.js';
import { findTriggers } from './match.js';
import { compound, findAgent, findObject, findSubject, isPassive, isSubjectPosition, opensGerund } from './roles.js';
import { findSpeechFrames, frameFor, type SpeechFrame } from './speech.js';

export { findSpeechFrames, frameFor, type SpeechFrame };

const WINDOW = 40;
/** Verbal acts: with no subject of their own inside a reporting clause, the speaker made them. */
const VERBAL = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);

export interface EventContext {
  /** Subject of the previous sentence, for a pronoun that opens this one. */
  readonly previousSubject: readonly ActorMention[];
}

const tokenText = (s: Sentence, t: Trigger): string => s.tokens.slice(t.start, t.end).map((x) => x.text).join(' ');

/** One entity per country and sector, keeping the most specific mention (a named person over a title). */
const dedupe = (list: readonly ActorMention[]): ActorMention[] => {
  const best = new Map<string, ActorMention>();
  const score = (m: ActorMention): number => (m.entity.identifier_text ? 2 : 0) + (m.entity.sector ? 1 : 0);
  for (const m of list) {
    const key = m.entity.code;
    const prev = best.get(key);
    if (!prev || score(m) > score(prev)) best.set(key, m);
  }
  return [...best.values()];
};

/**
 * "accused Russia of attacking", "thanked the Serbian government for sending": the party a verb names as its object
 * right before "of" or "for" does what the gerund after it names, not the clause's subject. Not a place after a
 * preposition: "arrested in Lebanon for collaborating".
 */
function namedDoer(t: readonly Token[], mentions: readonly ActorMention[], trigger: Trigger, excluded: ReadonlySet<ActorMention>): ActorMention | undefined {
  const prep = t[trigger.start - 1]?.lower;
  if ((prep !== 'of' && prep !== 'for') || !t[trigger.head]!.lower.endsWith('ing')) return undefined;
  const m = mentions.find((x) => x.end === trigger.start - 1 && !excluded.has(x) && !x.possessive);
  if (!m) return undefined;
  const before = t[m.start - 1]?.pos === 'DET' ? t[m.start - 2] : t[m.start - 1];
  return before?.pos === 'VERB' ? m : undefined;
}

/** How many of the `limit` tokens from `from` come before an "of" or "for" that opens a gerund ("of sending"). */
function beforeGerund(t: readonly Token[], from: number, limit: number): number {
  for (let k = from; k < Math.min(t.length - 1, from + limit); k++) if (opensGerund(t, k)) return k - from;
  return limit;
}

/** The outlets the sentence's speakers talk to ("told VOA", "said to Reuters"; not "said Mech Dara, a reporter, was freed"). */
function toldOutlets(t: readonly Token[], mentions: readonly ActorMention[], speech: readonly SpeechFrame[]): ActorMention[] {
  return speech.flatMap((f) => {
    const to = t[f.verbIndex + 1]?.lower === 'to';
    if (!to && t[f.verbIndex]!.lemma !== 'tell') return [];
    const outlet = mentions.find((m) => m.start === f.verbIndex + (to ? 2 : 1) && m.entity.sector === 'JRN');
    return outlet ? [outlet] : [];
  });
}

function roles(s: Sentence, mentions: readonly ActorMention[], trigger: Trigger, frames: readonly Trigger[], speech: readonly SpeechFrame[], told: readonly ActorMention[], ctx: EventContext) {
  const t = s.tokens;
  const verbStart = frames.length ? frames[frames.length - 1]!.start : trigger.start;
  const objectFrom = frames.length ? frames[frames.length - 1]!.end : trigger.head + 1;
  const frame = frameFor(speech, trigger.start);
  // Claimants are not parties: the clause that reports this event, and reporting clauses after it.
  const excluded = new Set<ActorMention>(frame ? frame.claimant : []);
  for (const f of speech) for (const m of f.claimant) if (m.start >= trigger.end) excluded.add(m);
  // Nor is an outlet a speaker talks to.
  for (const m of told) excluded.add(m);
  const passive = trigger.rule.spec.passive === true || (frames.length === 0 && isPassive(t, trigger.head));
  // A mention right before the trigger is its actor: "NATO peacekeeping troops", "Palestinian riots".
  const adjacent = mentions.find((m) => m.end === trigger.start && !excluded.has(m));
  const doer = adjacent ? undefined : namedDoer(t, mentions, trigger, excluded);
  const subject = adjacent
    ? { mentions: compound(adjacent, mentions, t, 'left'), via: `"${adjacent.entity.entity_text}" right before the trigger` }
    : doer
      ? { mentions: compound(doer, mentions, t, 'left'), via: `"${doer.entity.entity_text}", named as doing it ("${t[trigger.start - 1]!.text} ${t[trigger.head]!.text}")` }
      : findSubject(t, mentions, verbStart, excluded, ctx.previousSubject);
  let actor: readonly ActorMention[];
  let recipient: readonly ActorMention[];
  let why: string;
  if (passive) {
    actor = findAgent(t, mentions, trigger.end, WINDOW);
    // No "by" agent: the authority of the place or body named next acts ("was arrested in Lebanon", "was summoned to the ministry").
    // Not from inside what the subject is accused of: "was accused of sending weapons to Armenia".
    if (!actor.length && subject) actor = findObject(t, mentions, trigger.end, new Set([...excluded, ...(subject ? subject.mentions : [])]), { skipBy: false, limit: beforeGerund(t, trigger.end, 12) });
    recipient = subject ? subject.mentions : [];
    why = `passive: recipient ${subject ? subject.via : 'none'}, actor ${actor.length ? `"by ${actor[0]!.entity.entity_text}"` : 'unstated'}`;
  } else {
    actor = subject ? subject.mentions : [];
    const actorSet = new Set([...excluded, ...actor]);
    recipient = findObject(t, mentions, objectFrom, actorSet, { skipBy: true, limit: WINDOW });
    why = `actor ${subject ? subject.via : 'none'}; recipient ${recipient.length ? `first mention after the verb "${recipient[0]!.entity.entity_text}"` : 'none'}`;
  }
  if (trigger.rule.spec.swap) [actor, recipient] = [recipient, actor];
  const speakerFrame = trigger.rule.spec.speaker ? trigger : frames.find((f) => f.rule.spec.speaker);
  if (speakerFrame && frame && frame.claimant.length && subject) {
    actor = frame.claimant;
    recipient = subject.mentions;
    why = `obligation "${s.tokens[speakerFrame.start]!.text}": actor is the speaker "${frame.claimantText}", recipient ${subject.via}`;
  } else if (!actor.length && frame && frame.claimant.length && (frame.certainty === 'confirmed' || VERBAL.has(trigger.rule.spec.event))) {
    actor = frame.claimant;
    why = `actor is "${frame.claimantText}", who ${frame.verb} it; ` + why;
  }
  actor = dedupe(actor);
  const actorCodes = new Set(actor.map((m) => m.entity.code));
  recipient = dedupe(recipient);
  // A joint act ("X and Y agreed ... between X and Y") has every party as actor and no recipient.
  if (recipient.length && recipient.every((m) => actorCodes.has(m.entity.code)) && actor.length > 1) recipient = [];
  return { actor, recipient, why, subject };
}

/**
 * Stage 4: the events of one sentence. Rules fire on tokens; frames ("agreed to", "threatened to", "will",
 * "not") reshape the event they govern; roles come from clause position, voice and reporting clauses.
 */
export function codeEvents(s: Sentence, mentions: readonly ActorMention[], model: Model, ctx: EventContext): { events: CodedEvent[]; subject: readonly ActorMention[]; speech: readonly SpeechFrame[] } {
  // A NONE rule has taken its words from the rules it outranks; it codes nothing and governs nothing.
  const triggers = findTriggers(s, mentions, model).filter((x) => x.rule.spec.event !== 'NONE');
  if (triggers.length === 0) return { events: [], subject: firstSubject(s, mentions), speech: [] };
  const frameTriggers = triggers.filter((x) => x.rule.spec.frame);
  const eventTriggers = absorbObjects(triggers.filter((x) => !x.rule.spec.frame), triggers, s).filter((x) => !secondary(x, triggers, s));
  const speech = findSpeechFrames(s, mentions, model);
  const told = toldOutlets(s.tokens, mentions, speech);
  const used = new Set<Trigger>();
  const planned: { trigger: Trigger; frames: Trigger[] }[] = [];
  for (const trig of eventTriggers) {
    const frames = governingFrames(trig, frameTriggers, s.tokens, eventTriggers);
    frames.forEach((f) => used.add(f));
    planned.push({ trigger: trig, frames });
  }
  for (const f of frameTriggers) {
    if (used.has(f) || secondary(f, triggers, s)) continue;
    if (f.rule.spec.event === 'FRAME' && !(f.rule.spec.speaker && frameFor(speech, f.start)?.claimant.length)) continue;
    const outer = governingFrames(f, frameTriggers.filter((x) => x !== f && x.start < f.start), s.tokens, eventTriggers);
    outer.forEach((o) => used.add(o));
    planned.push({ trigger: f, frames: outer });
  }
  const events: CodedEvent[] = [];
  for (const { trigger, frames } of planned.sort((a, b) => a.trigger.start - b.trigger.start)) {
    const spec = trigger.rule.spec;
    const type = (spec.event === 'FRAME' ? 'REQUEST' : spec.event) as PloverEventType;
    const base = compose(type, spec.mode ? [spec.mode] : spec.event === 'FRAME' ? ['change'] : [], frames);
    const r = roles(s, mentions, trigger, frames, speech, told, ctx);
    const frameNames = frames.map((f) => `${f.rule.spec.frame}: "${tokenText(s, f)}"`);
    events.push({
      sentence: s, trigger, event: base.event, mode: base.mode, context: spec.context ?? [],
      actor: r.actor, recipient: r.recipient, negated: base.negated, hypothetical: base.hypothetical, frames: frameNames,
      reason: `${spec.reason}; ${r.why}`,
    });
  }
  return { events: mergeDuplicates(events), subject: firstSubject(s, mentions), speech };
}

const NOUNS = new Set(['NOUN', 'PROPN']);
/** Openers of clauses that give background or circumstance to the main event. */
const BACKGROUND = new Set(['after', 'before', 'when', 'while', 'because', 'since', 'although', 'though', 'whereas', 'until', 'following', 'amid', 'despite', 'during']);
const RELATIVE = new Set(['whom', 'which', 'who', 'where', 'whose']);
const PURPOSE = /^(?:to|aimed at|aiming at|in order to|so as to)$/;
/** Nouns whose "that" clause is the content of a request or statement. */
const CONTENT_NOUNS = new Set(['admission', 'acknowledgement', 'acknowledgment', 'apology', 'assurance', 'assurances', 'guarantee', 'guarantees', 'demand', 'demands', 'request', 'call', 'pledge', 'promise']);

/**
 * Events that only qualify the sentence's main event are not coded separately: purpose infinitives
 * ("visit ... to mediate", "staged demonstrations to demand"), non-restrictive relative clauses
 * (", whom they had taken hostage"), participle clauses (", saying he would welcome"), and background
 * clauses or phrases ("after two vehicles were hit", "following a government offensive").
 */
function secondary(e: Trigger, all: readonly Trigger[], s: Sentence): boolean {
  const t = s.tokens;
  const earlier = all.filter((x) => x !== e && x.end <= e.start);
  if (earlier.length === 0) return false;
  const prev = t[e.start - 1];
  const prev2 = e.start >= 2 ? `${t[e.start - 2]!.lower} ${prev?.lower}` : '';
  const reach = PURPOSE.test(prev2) ? 16 : 8;
  if (prev && (PURPOSE.test(prev.lower) || PURPOSE.test(prev2)) && earlier.some((x) => e.start - x.end <= reach && !x.rule.spec.frame)) {
    let ok = true;
    for (let k = Math.max(...earlier.map((x) => x.end)); k < e.start; k++) if (t[k]!.lower === ',' || t[k]!.lower === ';') ok = false;
    if (ok) return true;
  }
  if (prev?.lower === ',' && t[e.head]!.lower.endsWith('ing') && t[e.head]!.pos === 'VERB') return true;
  for (let k = e.start - 1; k >= Math.max(0, e.start - 12); k--) {
    const w = t[k]!.lower;
    if (w === ',' || w === ';') {
      const next = t[k + 1];
      // ", whom they had taken hostage"; ", saying he would welcome him".
      if (RELATIVE.has(next?.lower ?? '') || (next && next.pos === 'VERB' && next.lower.endsWith('ing') && k + 1 < e.start)) return true;
      break;
    }
    if (BACKGROUND.has(w) && earlier.some((x) => x.end <= k)) return true;
    // "demanded an admission that NKVD forces murdered ...": the content of a demand, not an event of its own.
    if (w === 'that' && k > 0 && CONTENT_NOUNS.has(t[k - 1]!.lower) && earlier.some((x) => x.end <= k)) return true;
  }
  return false;
}

/**
 * A noun event that is the object of a verb event is its content, not another event:
 * "rejected a proposal for a ceasefire", "acquire ... technology transfer". A "that" clause stays separate.
 */
function absorbObjects(events: readonly Trigger[], all: readonly Trigger[], s: Sentence): Trigger[] {
  const t = s.tokens;
  return events.filter((e) => {
    if (!NOUNS.has(t[e.head]!.pos)) return true;
    return !all.some((v) => {
      if (v === e || NOUNS.has(t[v.head]!.pos) || v.end > e.start || e.start - v.end > 10) return false;
      for (let k = v.end; k < e.start; k++) if (t[k]!.lower === 'that' || t[k]!.lower === ',' || t[k]!.lower === ';') return false;
      return true;
    });
  });
}

/** The same event type between the same parties, twice in one sentence, is one event. */
function mergeDuplicates(events: readonly CodedEvent[]): CodedEvent[] {
  const out: CodedEvent[] = [];
  const key = (e: CodedEvent): string => `${e.event}|${e.negated}|${e.actor.map((m) => m.entity.code).sort().join('+')}|${e.recipient.map((m) => m.entity.code).sort().join('+')}`;
  const seen = new Set<string>();
  for (const e of events) {
    const k = key(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

function firstSubject(s: Sentence, mentions: readonly ActorMention[]): readonly ActorMention[] {
  const m = mentions.find((x) => !x.possessive && x.entity.sector !== 'JRN' && isSubjectPosition(x, s.tokens));
  return m ? [m] : [];
}
