import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { scoreGold, parseGold } from '../../eval/score.js';
import { codeStory } from '../../pipeline/index.js';
import { modelFromFlags } from './code.js';
import { collect, UsageError, type Io } from '../io.js';

interface EvalFlags {
  gold?: string;
  verbose?: boolean;
  format?: string;
  actors?: string[];
  rules?: string[];
}

export async function runEval(flags: EvalFlags, io: Io): Promise<number> {
  if (!flags.gold) throw new UsageError('eval needs --gold FILE (PLOVER gold-standard JSON)');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(flags.gold, 'utf8'));
  } catch (err) {
    throw new UsageError(`${flags.gold}: cannot read gold file (${(err as Error).message})`);
  }
  const gold = parseGold(raw, flags.gold);
  const model = modelFromFlags(flags);
  const t0 = performance.now();
  const coded = gold.map((g) => ({ gold: g, records: codeStory({ id: g.id, text: g.text, ...(g.date ? { date: g.date } : {}) }, model).records }));
  const seconds = (performance.now() - t0) / 1000;
  const result = scoreGold(coded);
  if (flags.format === 'json') {
    await io.out(JSON.stringify({ ...result, seconds }) + '\n');
    return 0;
  }
  if (flags.verbose) for (const m of result.misses) await io.out(m + '\n');
  const lines = [
    `gold sentences          ${result.stories} (${result.gold_events} gold events)`,
    `type recall             ${result.type_recall.toFixed(3)}`,
    `triple recall           ${result.triple_recall.toFixed(3)}`,
    `wrong-type share        ${result.share_sentences_with_wrong_type.toFixed(3)}`,
    `events per sentence     ${result.events_per_positive_sentence.toFixed(3)}`,
    `coding time             ${seconds.toFixed(2)} s`,
    `per type                ${Object.entries(result.per_type).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  ];
  await io.out(lines.join('\n') + '\n');
  return 0;
}

export function registerEval(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('eval')
    .description('score the coder against gold sentences in the PLOVER gold-standard format')
    .requiredOption('--gold <file>', 'gold file: a JSON array of {id, text, event, source[], target[]} records')
    .option('--verbose', 'list every miss with what was coded instead')
    .option('--format <format>', 'table (default) or json')
    .option('--actors <file>', 'extra actors (see docs/extending.md); repeatable', collect, [])
    .option('--rules <file>', 'extra rules (see docs/rules.md); repeatable', collect, [])
    .action(async (flags: EvalFlags) => done(await runEval(flags, io)));
}
