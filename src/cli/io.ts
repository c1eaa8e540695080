import type { InputProblem } from '../types.js';

/** The CLI's only contact with the process: where text goes. Tests pass their own. */
export interface Io {
  /** Resolves when the text may be followed by more (stdout back-pressure). */
  readonly out: (s: string) => void | Promise<void>;
  readonly err: (s: string) => void;
  readonly stdoutIsTTY: boolean;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

export function reportProblem(io: Io, p: InputProblem): void {
  io.err(`entente: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
}
