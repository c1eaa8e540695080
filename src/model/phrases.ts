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

interface TrieNode<T> {
  slots?: Slot<T>[];
  next?: Map<string, TrieNode<T>>;
}

/** A dictionary of multi-token phrases, walked token by token: no string building on the hot path. */
export class PhraseTable<T> implements PhraseIndex<T> {
  private readonly root = new Map<string, TrieNode<T>>();
  maxLen = 0;

  add(name: string, value: T): void {
    const tokens = nameTokens(name);
    if (tokens.length === 0) return;
    const trimmed = name.trim();
    const exact = /^[A-Z.]{2,5}$/.test(trimmed) && trimmed.replace(/\./g, '').length <= 4 ? trimmed : undefined;
    let level = this.root;
    let node: TrieNode<T> | undefined;
    for (const tok of tokens) {
      node = level.get(tok);
      if (!node) {
        node = {};
        level.set(tok, node);
      }
      node.next ??= new Map();
      level = node.next;
    }
    const slots = (node!.slots ??= []);
    if (!slots.some((x) => x.value === value)) slots.push(exact ? { value, exact } : { value });
    this.maxLen = Math.max(this.maxLen, tokens.length);
  }

  get = (phrase: string): readonly T[] | undefined => {
    let level: Map<string, TrieNode<T>> | undefined = this.root;
    let node: TrieNode<T> | undefined;
    for (const tok of phrase.split(' ')) {
      node = level?.get(tok);
      if (!node) return undefined;
      level = node.next;
    }
    return node?.slots?.map((x) => x.value);
  };

  /** Longest phrase starting at token `at`: its length and values, or undefined. */
  longestAt(tokens: readonly Token[], at: number): { len: number; values: readonly T[] } | undefined {
    let level: Map<string, TrieNode<T>> | undefined = this.root;
    let best: { len: number; values: readonly T[] } | undefined;
    for (let k = at; k < tokens.length && level; k++) {
      const node = level.get(tokens[k]!.lower);
      if (!node) break;
      if (node.slots) {
        const surface = k === at ? tokens[at]!.text : '';
        const values = node.slots.filter((x) => !x.exact || x.exact === surface).map((x) => x.value);
        if (values.length) best = { len: k - at + 1, values };
      }
      level = node.next;
    }
    return best;
  }
}
