import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { located } from '../pipeline/normalize/index.js';
import type { InputProblem } from '../types.js';

/** The CLI's only contact with the process: where text goes. Tests pass their own. */
export interface Io {
  /** Resolves when the text may be followed by more (stdout back-pressure). */
  readonly out: (s: string) => void | Promise<void>;
  readonly err: (s: string) => void;
  readonly stdoutIsTTY: boolean;
}

/** Commander collector for repeatable options: --rules a.yaml --rules b.yaml. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** A flag's value if it is one of `allowed`; otherwise a usage error that lists them ("--format must be a, b or c"). */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, not "${value}"`);
  return value as T;
}

/** Something the command could not do that is not the caller's mistake (an output file it cannot write): exit code 1. */
export class Failure extends Error {}

export function reportProblem(io: Io, p: InputProblem): void {
  io.err(`entente: ${located(p)}: ${p.message}\n`);
}

/** Problems listed one by one for each file; the rest are counted. */
const LISTED_PROBLEMS = 50;

/**
 * Reports problems, the first LISTED_PROBLEMS of each file one by one: a wrong kind of file would otherwise print a
 * line for each of its lines. `flush()` says how many more each file had (`what`: "problems", "malformed rows").
 */
export function problemReporter(io: Io, what: string): { report: (p: InputProblem) => void; flush: () => void } {
  const counts = new Map<string, number>();
  return {
    report(p) {
      const n = (counts.get(p.file) ?? 0) + 1;
      counts.set(p.file, n);
      if (n <= LISTED_PROBLEMS) reportProblem(io, p);
    },
    flush() {
      for (const [file, n] of counts) if (n > LISTED_PROBLEMS) reportProblem(io, { file, message: `${n - LISTED_PROBLEMS} more ${what}, not listed` });
      counts.clear();
    },
  };
}

/**
 * Streaming keeps memory flat only if garbage is collected: V8 collects the old generation lazily, and wink-nlp's
 * per-document arrays live there. Every so often, when the heap has grown past `limitMb`, collect it.
 */
export function memoryGuard(limitMb = 160, every = 50): () => void {
  let gc: (() => void) | undefined;
  try {
    const v8 = createRequire(import.meta.url)('node:v8') as { setFlagsFromString(flags: string): void };
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    gc = undefined;
  }
  let n = 0;
  return () => {
    if (!gc || ++n % every !== 0) return;
    if (process.memoryUsage().heapUsed > limitMb * 1e6) gc();
  };
}
