import type { ActorEntry, ActorMention, AgentEntry, Entity, LeaderEntry, Model, Sentence, Token } from '../../types.js';
import { learnNames, resolveLearned } from './names.js';

const MODIFIERS = new Set(['former', 'new', 'top', 'senior', 'junior', 'assistant', 'deputy', 'acting', 'then', 'current', 'outgoing', 'incoming', 'chief', 'first', 'vice', 'ex', 'interim', 'late', 'visiting', 'veteran', 'hardline', 'ousted', 'exiled', 'powerful']);
/** A determiner opens the noun phrase ending at `at`: "the (opposition) newspaper". */
function determined(t: readonly Token[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    if (t[k]!.pos === 'DET') return true;
    if (t[k]!.pos !== 'ADJ' && t[k]!.pos !== 'NOUN') return false;
  }
  return false;
}

/** Organs that stand for the state named in the sentence when they name none themselves. */
const BARE_AGENT_SECTORS = new Set(['GOV', 'MIL', 'COP', 'REB', 'OPP', 'LEG', 'JUD', 'PRM', 'SPY', 'CVL', 'UAF', 'JRN', 'EDU', 'LAB', 'REL', 'BUS']);

/** "presidents of Azerbaijan", "security forces in Guinea", "activists from the Fatah Party". */
const LINKS = new Set(['of', 'in', 'throughout', 'across']);
const KIND_RANK: Record<string, number> = { leader: 5, organization: 4, territory: 3, country: 3, capital: 2, demonym: 1 };

const isCapitalised = (t: Token): boolean => /^[A-Z\u00C0-\u024F]/.test(t.text);
const isName = (t: Token): boolean => (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'X' || t.pos === 'ADJ') && /^[A-Z\u00C0-\u024F][\p{L}'’-]*$/u.test(t.text);
const isPossessive = (t: Token | undefined): boolean => t !== undefined && (t.lower === "'s" || t.lower === "'");

interface Draft {
  start: number;
  end: number;
  code: string;
  sector?: string;
  other?: readonly string[];
  office?: string;
  identifier?: string;
  kind: ActorMention['kind'];
  reason: string;
  possessive: boolean;
  leader?: LeaderEntry;
  former: boolean;
}

/** Agent phrase at `at`: sector words such as "army", "defense minister", "presidency". */
function agentAt(tokens: readonly Token[], at: number, model: Model): { len: number; agent: AgentEntry } | undefined {
  if (at >= tokens.length) return undefined;
  const hit = model.agentIndex.longestAt(tokens, at);
  return hit ? { len: hit.len, agent: hit.values[0]! } : undefined;
}

/** A run of capitalised name tokens at `at` (at most 4), not itself an actor phrase. */
function nameRun(tokens: readonly Token[], at: number, model: Model): number {
  let n = 0;
  while (at + n < tokens.length && n < 4 && isName(tokens[at + n]!) && !model.agentIndex.longestAt(tokens, at + n) && !model.actorIndex.longestAt(tokens, at + n)) n++;
  return n;
}

const surface = (s: Sentence, a: number, b: number): string => s.text.slice(s.tokens[a]!.start - s.start, s.tokens[b - 1]!.end - s.start);

/** Extend a mention rightwards with "'s", modifiers, an agent phrase, ranks and a personal name. */
function extend(s: Sentence, d: Draft, model: Model): void {
  const t = s.tokens;
  let at = d.end;
  if (isPossessive(t[at])) {
    d.possessive = true;
    at++;
  }
  let probe = at;
  while (probe < t.length && probe - at < 3 && (MODIFIERS.has(t[probe]!.lower) || (t[probe]!.pos === 'ADJ' && !agentAt(t, probe, model)))) probe++;
  let agent = agentAt(t, probe, model);
  if (!agent) return;
  d.possessive = false;
  let first = true;
  while (agent) {
    if (first || d.sector === undefined) d.sector = agent.agent.sector;
    if (agent.agent.office && !d.office) d.office = agent.agent.office;
    first = false;
    probe += agent.len;
    d.end = probe;
    agent = agentAt(t, probe, model);
  }
  if (isPossessive(t[d.end])) {
    d.possessive = true;
    return;
  }
  const leader = model.leaderIndex.longestAt(t, d.end);
  if (leader) {
    d.leader = leader.values[0];
    d.identifier = leader.values[0]!.name;
    d.end += leader.len;
    return;
  }
  const n = nameRun(t, d.end, model);
  if (n > 0) {
    d.identifier = surface(s, d.end, d.end + n);
    d.end += n;
  }
  if (isPossessive(t[d.end])) d.possessive = true;
}

/** "presidents of Azerbaijan", "the army of Serbia", "a member of Bosnia and Herzegovina's presidency". */
function agentOfCountry(s: Sentence, at: number, model: Model): Draft | undefined {
  const t = s.tokens;
  const agent = agentAt(t, at, model);
  if (!agent) return undefined;
  let k = at + agent.len;
  const affiliated = t[k]?.lower === 'affiliated' || t[k]?.lower === 'loyal';
  if (affiliated) k++;
  const link = t[k]?.lower ?? '';
  // "drones from Turkey" is a supplier, not Turkey's military: only people come "from" a state or party.
  if (!(LINKS.has(link) || (affiliated && (link === 'with' || link === 'to')) || (link === 'from' && agent.agent.sector !== 'MIL'))) return undefined;
  k++;
  while (k < t.length && (t[k]!.lower === 'the' || (t[k]!.pos === 'ADJ' && !model.actorIndex.longestAt(t, k)))) k++;
  const hit = k < t.length ? model.actorIndex.longestAt(t, k) : undefined;
  if (!hit || !isCapitalised(t[k]!)) return undefined;
  const entry = hit.values[0]!;
  if (entry.kind === 'demonym' && !agentAt(t, k + hit.len, model)) return undefined;
  const d: Draft = {
    start: at, end: k + hit.len, code: entry.code, sector: agent.agent.sector, office: agent.agent.office,
    other: entry.other_sectors, kind: 'agent', reason: `agent "${surface(s, at, at + agent.len)}" of ${entry.kind} "${surface(s, k, k + hit.len)}"`,
    possessive: false, former: false,
  };
  if (isPossessive(t[d.end])) {
    const after = agentAt(t, d.end + 1, model);
    if (after) {
      d.end += 1 + after.len;
      d.sector = after.agent.sector;
    }
  }
  return d;
}

function draftFromEntry(s: Sentence, at: number, len: number, entry: ActorEntry): Draft {
  return {
    start: at, end: at + len, code: entry.code, sector: entry.sector ?? undefined, other: entry.other_sectors,
    identifier: entry.kind === 'organization' ? entry.identifier ?? surface(s, at, at + len) : undefined,
    kind: entry.kind, reason: `${entry.kind} "${surface(s, at, at + len)}" → ${entry.code}`, possessive: false, former: false,
  };
}

function draftFromLeader(s: Sentence, at: number, len: number, leader: LeaderEntry): Draft {
  return {
    start: at, end: at + len, code: leader.country, sector: leader.sector ?? 'GOV', office: leader.tenures[0]?.office,
    identifier: leader.name, kind: 'leader', reason: `leader "${leader.name}" (${leader.country}) from the leaders list`,
    possessive: false, leader, former: false,
  };
}

/** Mentions in one sentence, before names learned elsewhere in the story are applied. */
function sentenceMentions(s: Sentence, model: Model): Draft[] {
  const t = s.tokens;
  const out: Draft[] = [];
  let i = 0;
  while (i < t.length) {
    const tok = t[i]!;
    if (tok.pos === 'PUNCT' || tok.pos === 'DET' || tok.pos === 'ADP') {
      i++;
      continue;
    }
    const viaAgent = agentOfCountry(s, i, model);
    if (viaAgent) {
      extend(s, viaAgent, model);
      out.push(viaAgent);
      i = viaAgent.end;
      continue;
    }
    const leader = model.leaderIndex.longestAt(t, i);
    const actor = model.actorIndex.longestAt(t, i);
    let draft: Draft | undefined;
    if (leader && isCapitalised(tok) && (!actor || leader.len >= actor.len)) draft = draftFromLeader(s, i, leader.len, leader.values[0]!);
    else if (actor) {
      const entry = [...actor.values].sort((a, b) => (KIND_RANK[b.kind] ?? 0) - (KIND_RANK[a.kind] ?? 0))[0]!;
      if (!entry.code) {
        i += actor.len;
        continue;
      }
      const next = t[i + actor.len];
      const followedByActor = next !== undefined && (model.actorIndex.longestAt(t, i + actor.len) || model.leaderIndex.longestAt(t, i + actor.len)) && isCapitalised(next);
      if (entry.kind === 'demonym' && followedByActor) {
        i += actor.len;
        continue;
      }
      if (entry.kind === 'demonym' || isCapitalised(tok)) draft = draftFromEntry(s, i, actor.len, entry);
    } else {
      const agent = agentAt(t, i, model);
      const n = agent && agent.agent.office ? nameRun(t, i + agent.len, model) : 0;
      const head = agent ? t[i + agent.len - 1] : undefined;
      const next = t[i + (agent?.len ?? 0)];
      // Only a noun phrase's head: "the government", "rebels"; not "civilian personnel" or "10,000-member".
      const bareOk = agent !== undefined && head !== undefined && (head.pos === 'NOUN' || (head.pos === 'PROPN' && i === 0))
        && !(next && (next.pos === 'NOUN' || next.lower === '-')) && !(i > 0 && t[i - 1]!.lower === '-')
        && (/(s|men|people|police|military|militia|personnel|staff|clergy)$/.test(head.lower) || determined(t, i));
      if (agent && n === 0 && bareOk && BARE_AGENT_SECTORS.has(agent.agent.sector) && !isPossessive(t[i + agent.len])) {
        // "Rebels released 12 hostages in northern Mali": an organ with no country of its own, resolved later.
        draft = {
          start: i, end: i + agent.len, code: '', sector: agent.agent.sector, office: agent.agent.office, kind: 'agent',
          reason: `"${surface(s, i, i + agent.len)}" with no country of its own`, possessive: false, former: false,
        };
      } else if (agent && n > 0) {
        // A titled person whose country is not yet known: "Minister Madat Guliyev".
        draft = {
          start: i, end: i + agent.len + n, code: '', sector: agent.agent.sector, office: agent.agent.office,
          identifier: surface(s, i + agent.len, i + agent.len + n), kind: 'title', reason: `titled official "${surface(s, i, i + agent.len + n)}"`,
          possessive: isPossessive(t[i + agent.len + n]), former: false,
        };
      }
    }
    if (!draft) {
      i++;
      continue;
    }
    draft.former = i > 0 && (t[i - 1]!.lower === 'former' || t[i - 1]!.lower === 'ex');
    if (draft.kind !== 'leader' && draft.kind !== 'title') extend(s, draft, model);
    else if (isPossessive(t[draft.end])) draft.possessive = true;
    if (draft.kind === 'capital' && draft.end === i + 1 && i > 0 && /^(in|at|to|from|near|into|outside|around|via)$/.test(t[i - 1]!.lower)) draft.kind = 'territory';
    out.push(draft);
    i = Math.max(draft.end, i + 1);
  }
  return out;
}

/**
 * An ethnic group named where it lives belongs to that state: "ethnic Albanians in Serbia",
 * "the Albanians of southern Serbia" are people of Serbia, not of Albania.
 */
function residence(s: Sentence, drafts: Draft[]): Draft[] {
  const t = s.tokens;
  const places = drafts.filter((d) => (d.kind === 'country' || d.kind === 'territory') && d.start > 0 && /^(in|of)$/.test(t[d.start - 1]!.lower) || (d.kind === 'country' && d.start > 1 && /^(in|of)$/.test(t[d.start - 2]!.lower) && t[d.start - 1]!.pos === 'ADJ'));
  return drafts.map((d) => {
    if (d.kind !== 'demonym' || (d.sector && d.sector !== 'CVL')) return d;
    const ethnic = d.start > 0 && t[d.start - 1]!.lower === 'ethnic';
    const of = places.find((p) => p.start > d.end && p.start <= d.end + 3);
    const where = of ?? (ethnic ? places.find((p) => p.start > d.end) : undefined);
    if (!where || where.code === d.code) return d;
    return { ...d, code: where.code, reason: `${d.reason}, living in ${where.code} ("${s.tokens[where.start]!.text}")` };
  });
}

function toMention(s: Sentence, d: Draft): ActorMention {
  const entity: Entity = {
    code: d.code,
    ...(d.sector ? { sector: d.sector } : {}),
    ...(d.other && d.other.length ? { other_sectors: d.other } : {}),
    entity_text: surface(s, d.start, d.end),
    ...(d.office ? { office: d.office } : {}),
    ...(d.identifier ? { identifier_text: d.identifier } : {}),
  };
  const kind = d.kind === 'capital' && d.sector === undefined ? 'capital' : d.kind;
  return {
    start: d.start, end: d.end, charStart: s.tokens[d.start]!.start, charEnd: s.tokens[d.end - 1]!.end,
    entity, kind, possessive: d.possessive, reason: d.reason + (d.former ? ' (described as former)' : ''),
    ...(d.leader ? { tenures: d.leader.tenures } : {}),
  };
}

/**
 * Stage 3: every actor mention of a story, resolved to PLOVER entities.
 * Names seen with a country anywhere in the story ("Azerbaijani Defense Industry Minister Madat Guliyev")
 * resolve their bare or titled repetitions ("Minister Madat Guliyev") elsewhere in it.
 */
export function findActors(sentences: readonly Sentence[], model: Model): readonly (readonly ActorMention[])[] {
  const drafts = sentences.map((s) => residence(s, sentenceMentions(s, model)));
  const learned = learnNames(drafts.flat());
  return sentences.map((s, k) => resolveLearned(s, drafts[k]!, learned, model).map((d) => toMention(s, d)));
}

export type { Draft };
