import type { PhraseIndex, Token } from '../types.js';
import { foldQuotes } from '../pipeline/sentences/index.js';

/**
 * Tokenise a dictionary name the way wink-nlp tokenises running text, lower-cased:
 * hyphens and closing punctuation split off, abbreviations with inner dots ("u.s.") kept whole.
 */
export function nameTokens(name: string): string[] {
  const out: string[] = [];
  for (const raw of foldQuotes(name.toLowerCase()).split(/\s+/)) {
    if (!raw) continue;
    const parts = raw.split(/(-)/).filter(Boolean);
    for (let part of parts) {
      const trailing: string[] = [];
      while (/[,;:!?()"]$/.test(part)) {
        trailing.unshift(part.slice(-1));
        part = part.slice(0, -1);
      }
      while (/^[("]/.test(part)) {
        out.push(part[0]!);
        part = part.slice(1);
      }
      if (part.endsWith('.') && !part.slice(0, -1).includes('.') && part.length > 1) {
        out.push(part.slice(0, -1), '.');
      } else if (/'s$/.test(part) && part.length > 2) {
        out.push(part.slice(0, -2), "'s");
      } else if (part) out.push(part);
      out.push(...trailing);
    }
  }
  return out;
}

interface Slot<T> {
  readonly value: T;
  /** Short all-capitals names ("US", "UN") must match their case exactly. */
  readonly exact?: string;
}

export class PhraseTable<T> implements PhraseIndex<T> {
  private readonly map = new Map<string, Slot<T>[]>();
  /** First token → longest phrase that starts with it. */
  private readonly firsts = new Map<string, number>();
  maxLen = 0;

  add(name: string, value: T): void {
    const tokens = nameTokens(name);
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    const trimmed = name.trim();
    const exact = /^[A-Z.]{2,5}$/.test(trimmed) && trimmed.replace(/\./g, '').length <= 4 ? trimmed : undefined;
    const list = this.map.get(key) ?? [];
    if (!list.some((s) => s.value === value)) list.push(exact ? { value, exact } : { value });
    this.map.set(key, list);
    this.firsts.set(tokens[0]!, Math.max(this.firsts.get(tokens[0]!) ?? 0, tokens.length));
    this.maxLen = Math.max(this.maxLen, tokens.length);
  }

  get = (phrase: string): readonly T[] | undefined => this.map.get(phrase)?.map((s) => s.value);

  /** Longest phrase starting at token `at`: its length and values, or undefined. */
  longestAt(tokens: readonly Token[], at: number): { len: number; values: readonly T[] } | undefined {
    const first = tokens[at]!.lower;
    const limit = this.firsts.get(first);
    if (limit === undefined) return undefined;
    const max = Math.min(limit, tokens.length - at);
    for (let len = max; len >= 1; len--) {
      let key = first;
      for (let k = 1; k < len; k++) key += ' ' + tokens[at + k]!.lower;
      const slots = this.map.get(key);
      if (!slots) continue;
      const surface = len === 1 ? tokens[at]!.text : '';
      const values = slots.filter((s) => !s.exact || s.exact === surface).map((s) => s.value);
      if (values.length) return { len, values };
    }
    return undefined;
  }
}
