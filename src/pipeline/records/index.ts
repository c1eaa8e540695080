import type {
  ActorMention, Attribution, CodedEvent, DateResolution, Entity, Model, Place, PloverRecord, QuadCode, Size, Stance, Story,
} from '../../types.js';

const ASSAULT_MODES: readonly (readonly [string, string])[] = [
  ['suicide', 'suicide-attack'], ['cbrn', 'unconventional'], ['dronewords', 'drone'], ['aerial', 'aerial'],
  ['heavy', 'heavy-weapons'], ['explosive', 'explosives'], ['firearm', 'firearms'], ['primitive', 'primitive'],
];

/** The coder's name in every record's `coder` field. */
export const CODER_NAME = 'entente';

/** ASSAULT modes from weapon words in the sentence, when the rule gave none. */
function assaultModes(e: CodedEvent, model: Model): string[] {
  if (e.event !== 'ASSAULT' || e.mode.length) return [...e.mode];
  const words = new Set(e.sentence.tokens.map((t) => t.lower));
  for (const [cls, mode] of ASSAULT_MODES) {
    const list = model.lexicon.classes.get(cls)!;
    for (const w of words) if (list.has(w)) return [mode];
  }
  return [];
}

/** Leaders carry their tenures: the record says whether they were in office at the event's date. */
function withTenure(m: ActorMention, date: string | null, end: string | undefined): Entity {
  if (!m.tenures) return m.entity;
  const last = end ?? date;
  const covering = date && last ? m.tenures.find((t) => t.from <= last && (t.to === null || t.to >= date)) : undefined;
  const shown = covering ?? m.tenures[m.tenures.length - 1]!;
  const inOffice = date ? covering !== undefined : null;
  const formerNow = inOffice === false && m.reason.includes('former');
  return {
    ...m.entity,
    ...(formerNow ? { sector: 'ELI' } : {}),
    office: shown.office,
    tenure: { from: shown.from, to: shown.to, in_office_at_event: inOffice },
  };
}

export interface RecordParts {
  readonly story: Story;
  readonly event: CodedEvent;
  readonly ordinal: number;
  readonly date: DateResolution;
  readonly place: Place | null;
  readonly size: Size | null;
  readonly attribution: Attribution;
  readonly stance: { readonly stance: Stance; readonly reason: string };
  readonly model: Model;
}

/** Stage 6: one PLOVER record with the current manual's field names, evidence and reasons. */
/**
 * A ban one state imposes on another's people or firms reduces relations: SANCTION, not domestic COERCE.
 * "The EU banned Belarusian airlines", "Australia banned Huawei".
 */
function foreignBan(e: RecordParts['event']): RecordParts['event'] {
  if (e.event !== 'COERCE' || !e.mode.includes('restrict') || e.actor.length === 0 || e.recipient.length === 0) return e;
  const actors = new Set(e.actor.map((m) => m.entity.code));
  if (e.recipient.some((m) => actors.has(m.entity.code))) return e;
  return { ...e, event: 'SANCTION', mode: ['discontinue'], reason: `${e.reason}; a ban on another state's people or firms is a SANCTION` };
}

export function toRecord(p: RecordParts): PloverRecord {
  const { story, model, date } = p;
  const e = foreignBan(p.event);
  const tables = model.plover;
  const mode = assaultModes(e, model);
  const context = [...new Set([...e.context, ...(e.event === 'AID' && e.sentence.tokens.some((t) => model.lexicon.classes.get('arms')!.has(t.lower) && t.lower !== 'military') ? ['military'] : [])])];
  const scaleKey = mode.length ? `${e.event}:${mode[0]}` : e.event;
  const trig = e.trigger;
  const s = e.sentence;
  const eventText = s.text.slice(s.tokens[trig.start]!.start - s.start, s.tokens[trig.end - 1]!.end - s.start);
  return {
    id: `${story.id}-${s.index + 1}-${p.ordinal}`,
    story_id: story.id,
    date: date.date,
    ...(date.enddate ? { enddate: date.enddate } : {}),
    date_precision: date.precision,
    actor: e.actor.map((m) => withTenure(m, date.date, date.enddate)),
    recipient: e.recipient.map((m) => withTenure(m, date.date, date.enddate)),
    event: e.event,
    mode,
    context,
    quad_code: tables.quad[e.event] as QuadCode,
    event_scale: tables.scale[scaleKey] ?? tables.scale[e.event]!,
    event_text: eventText,
    event_loc: p.place,
    size: p.size,
    text: s.text,
    text_info: { sequence: s.index, start: s.start, end: s.end },
    attribution: p.attribution,
    negated: e.negated,
    stance: p.stance.stance,
    reason: {
      rule: trig.rule.id,
      tokens: eventText,
      why: e.reason,
      frames: e.frames,
      actor: e.actor.map((m) => m.reason),
      recipient: e.recipient.map((m) => m.reason),
      date: date.reason,
      attribution: p.attribution.reason,
      stance: p.stance.reason,
      ...(p.place ? { place: p.place.reason } : {}),
      ...(p.size?.reason ? { size: p.size.reason } : {}),
    },
    coder: { name: CODER_NAME, version: model.version },
  };
}
