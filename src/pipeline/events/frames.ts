import type { FrameKind, PloverEventType, Token, Trigger } from '../../types.js';

const COOPERATIVE = new Set<PloverEventType>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'AGREE', 'RETREAT', 'CONCEDE']);
/** Future material conflict is a threat; an announced deployment (MOBILIZE) is the deployment. */
const MATERIAL_CONFLICT = new Set<PloverEventType>(['ASSAULT', 'COERCE', 'PROTEST']);
/** Tokens that may sit between a frame and what it governs: "agreed in principle on Saturday to provide". */
const BRIDGE_POS = new Set(['ADV', 'AUX', 'PART', 'PRON', 'ADP', 'SCONJ', 'DET', 'NUM', 'PROPN', 'NOUN', 'ADJ', 'VERB']);
/** Words that open a new clause: a frame does not reach past them. */
const CLAUSE_OPENERS = new Set(['after', 'before', 'when', 'while', 'because', 'since', 'as', 'if', 'unless', 'whether', 'although', 'though', 'but', 'which', 'who', 'whom', 'whose', 'where', 'despite', 'amid', 'following', 'until', 'whereas']);
const MAX_BRIDGE = 8;

export interface Composition {
  readonly event: PloverEventType;
  readonly mode: readonly string[];
  readonly negated: boolean;
  /** Governed by a condition or possibility ("if", "could", "the right to"): not an event. */
  readonly hypothetical: boolean;
  readonly frames: readonly Trigger[];
}

const threatMode = (type: PloverEventType, mode: readonly string[]): string[] => {
  if (type === 'ASSAULT' || type === 'MOBILIZE') return ['violence'];
  if (type === 'SANCTION') return mode.includes('expel') ? ['expel'] : ['relations'];
  if (type === 'COERCE') return mode.includes('arrest') ? ['arrest'] : mode.includes('seize') ? ['territory'] : ['restrict'];
  if (type === 'PROTEST') return ['restrict'];
  return [];
};

const requestMode = (type: PloverEventType): string[] => {
  if (type === 'AID' || type === 'COOPERATE' || type === 'SUPPORT') return ['assist'];
  if (type === 'CONSULT') return ['meet'];
  if (type === 'RETREAT' || type === 'CONCEDE') return ['yield'];
  return ['change'];
};

/** How one frame changes the event it governs. */
function apply(kind: FrameKind, type: PloverEventType, mode: readonly string[], negated: boolean): { type: PloverEventType; mode: readonly string[]; negated: boolean } {
  switch (kind) {
    case 'negation':
      return { type, mode, negated: !negated };
    case 'promise':
    case 'future':
      if (negated && COOPERATIVE.has(type)) return { type: 'REJECT', mode: requestMode(type), negated: false };
      if (COOPERATIVE.has(type)) return { type: 'AGREE', mode: [], negated };
      if (MATERIAL_CONFLICT.has(type) || (kind === 'promise' && type === 'MOBILIZE')) return { type: 'THREATEN', mode: threatMode(type, mode), negated };
      return { type, mode, negated };
    case 'threat':
      return { type: 'THREATEN', mode: threatMode(type, mode), negated };
    case 'refuse':
      return { type: 'REJECT', mode: requestMode(type), negated };
    case 'demand':
      return { type: 'REQUEST', mode: requestMode(type), negated };
    case 'attempt':
    case 'hypothetical':
      return { type, mode, negated };
  }
}

/**
 * The frames that govern an event trigger, nearest first: "said it would not accept" → [not, would].
 * A frame governs when it ends at most a few bridging tokens before the trigger (or the previous frame).
 */
export function governingFrames(event: Trigger, frames: readonly Trigger[], tokens: readonly Token[], blockers: readonly Trigger[]): Trigger[] {
  const out: Trigger[] = [];
  let pos = event.start;
  for (;;) {
    let best: Trigger | undefined;
    for (const f of frames) {
      if (out.includes(f) || f.end > pos || pos - f.end > MAX_BRIDGE) continue;
      let ok = true;
      for (let k = f.end; k < pos && ok; k++) {
        const tk = tokens[k]!;
        if (CLAUSE_OPENERS.has(tk.lower) || (!BRIDGE_POS.has(tk.pos) && tk.lower !== 'to' && tk.lower !== ',' && tk.lower !== 'that')) ok = false;
      }
      if (ok) ok = !blockers.some((b) => b !== event && b.start >= f.end && b.end <= pos);
      if (ok && (!best || f.end > best.end)) best = f;
    }
    if (!best) return out;
    out.push(best);
    pos = best.start;
  }
}

/** Apply governing frames, nearest first, to an event's type and mode. */
export function compose(type: PloverEventType, mode: readonly string[], frames: readonly Trigger[]): Composition {
  let state = { type, mode, negated: false };
  for (const f of frames) state = apply(f.rule.spec.frame!, state.type, state.mode, state.negated);
  const hypothetical = frames.some((f) => f.rule.spec.frame === 'hypothetical');
  return { event: state.type, mode: state.mode, negated: state.negated, hypothetical, frames };
}
