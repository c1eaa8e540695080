import type { Model, Sentence } from '../../types.js';
import type { Draft } from './index.js';

const STATE_KINDS = new Set(['country', 'capital', 'territory', 'demonym', 'agent', 'leader', 'organization']);
const NON_STATE = new Set(['IGO', 'UNO', 'EUR', 'NGO', 'ISM', 'IMG', 'MNC']);

export interface LearnedName {
  readonly code: string;
  readonly sector?: string;
  readonly office?: string;
  readonly name: string;
}

/** Personal names seen with a resolved country, by full name and by unambiguous surname. */
export function learnNames(drafts: readonly Draft[]): ReadonlyMap<string, LearnedName> {
  const full = new Map<string, LearnedName>();
  const surnames = new Map<string, LearnedName | null>();
  for (const d of drafts) {
    if (!d.code || !d.identifier || d.kind === 'organization') continue;
    const name: LearnedName = { code: d.code, sector: d.sector, office: d.office, name: d.identifier };
    const key = d.identifier.toLowerCase();
    full.set(key, name);
    const parts = key.split(/\s+/);
    if (parts.length > 1) {
      const last = parts[parts.length - 1]!;
      const prev = surnames.get(last);
      surnames.set(last, prev === undefined || prev?.code === name.code ? name : null);
    }
  }
  for (const [k, v] of surnames) if (v && !full.has(k)) full.set(k, v);
  return full;
}

const firstCache = new WeakMap<ReadonlyMap<string, LearnedName>, Set<string>>();
/** First words of learned names, so most tokens are skipped at once. */
function firstWords(learned: ReadonlyMap<string, LearnedName>): Set<string> {
  let set = firstCache.get(learned);
  if (!set) {
    set = new Set([...learned.keys()].map((k) => k.split(' ')[0]!));
    firstCache.set(learned, set);
  }
  return set;
}

/**
 * Titled persons with no country get it from a learned name; learned names elsewhere in the
 * sentence become mentions. Titled persons that stay unresolved are dropped.
 */
export function resolveLearned(s: Sentence, drafts: readonly Draft[], learned: ReadonlyMap<string, LearnedName>, model: Model): Draft[] {
  const out: Draft[] = [];
  // A news outlet named in the sentence ("told VOA") says where the report ran, not whose people these are.
  const states = new Set(drafts.filter((d) => d.code && STATE_KINDS.has(d.kind) && /^[A-Z]{3}$/.test(d.code) && !NON_STATE.has(d.code) && d.sector !== 'JRN').map((d) => d.code));
  const only = states.size === 1 ? [...states][0]! : undefined;
  for (const d of drafts) {
    if (d.code) {
      out.push(d);
      continue;
    }
    const hit = d.identifier ? learned.get(d.identifier.toLowerCase()) : undefined;
    if (hit) out.push({ ...d, code: hit.code, reason: `${d.reason}: named with ${hit.code} elsewhere in the story` });
    else if (only) out.push({ ...d, code: only, reason: `${d.reason}: not in the leaders list; the one state the sentence names is ${only}` });
  }
  if (learned.size === 0) return out;
  const t = s.tokens;
  const firsts = firstWords(learned);
  const covered = (i: number): boolean => out.some((d) => i >= d.start && i < d.end);
  for (let i = 0; i < t.length; i++) {
    if (!firsts.has(t[i]!.lower) || !/^[A-Z]/.test(t[i]!.text) || covered(i)) continue;
    for (const len of [3, 2, 1]) {
      if (i + len > t.length) continue;
      const key = t.slice(i, i + len).map((x) => x.lower).join(' ');
      const hit = learned.get(key);
      if (!hit || model.actorIndex.longestAt(t, i)) continue;
      out.push({
        start: i, end: i + len, code: hit.code, sector: hit.sector, office: hit.office, identifier: hit.name, kind: 'title',
        reason: `"${key}" named as ${hit.name} (${hit.code}) elsewhere in the story`, possessive: t[i + len]?.lower === "'s", former: false,
      });
      i += len - 1;
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
