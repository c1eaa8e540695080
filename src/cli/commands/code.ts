import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadModel } from '../../model/load.js';
import { parseActorFile, parseRuleFile } from '../../model/user-files.js';
import { toIsoDate } from '../../pipeline/normalize/index.js';
import { codeStory } from '../../pipeline/index.js';
import type { PloverRecord } from '../../types.js';
import { openInput, readInput } from '../input.js';
import { explain, tableRow, TABLE_HEADER, type OutputFormat } from '../output.js';
import { collect, memoryGuard, UsageError, reportProblem, type Io } from '../io.js';
import { counted } from '../words.js';

interface CodeFlags {
  date?: string;
  format?: string;
  explain?: boolean;
  actors?: string[];
  rules?: string[];
  includeNegated?: boolean;
  stats?: boolean;
}

/** Build the model with the user's extension files; their errors are usage errors naming the file and field. */
export function modelFromFlags(flags: { actors?: string[]; rules?: string[] }) {
  const actorFiles = (flags.actors ?? []).map((f) => parseActorFile(read(f), f));
  const ruleFiles = (flags.rules ?? []).map((f) => parseRuleFile(read(f), f));
  return loadModel({ actorFiles, ruleFiles });
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

export async function runCode(inputs: string[], flags: CodeFlags, io: Io): Promise<number> {
  const format = (flags.format ?? (io.stdoutIsTTY || flags.explain ? 'table' : 'jsonl')) as OutputFormat;
  if (!['jsonl', 'json', 'table'].includes(format)) throw new UsageError(`--format must be jsonl, json or table, not "${flags.format}"`);
  if (flags.date !== undefined && !toIsoDate(flags.date)) throw new UsageError(`--date must be a YYYY-MM-DD date, not "${flags.date}"`);
  const started = performance.now();
  const model = modelFromFlags(flags);
  const guard = memoryGuard();
  let stories = 0;
  let failures = 0;
  let count = 0;
  const all: PloverRecord[] = [];
  if (format === 'table' && !flags.explain) await io.out(TABLE_HEADER + '\n');
  for (const name of inputs.length ? inputs : ['-']) {
    const opened = openInput(name);
    if ('problem' in opened) {
      failures++;
      reportProblem(io, opened.problem);
      continue;
    }
    for await (const item of readInput(name, opened.stream, { date: flags.date })) {
      if (!item.ok) {
        failures++;
        reportProblem(io, item.problem);
        continue;
      }
      stories++;
      guard();
      const coded = codeStory(item.story, model, { includeNegated: flags.includeNegated });
      count += coded.records.length;
      if (flags.explain && format !== 'json' && format !== 'jsonl') {
        await io.out(`== ${item.story.id}${item.story.date ? ` (${item.story.date})` : ' (no publication date)'}: ${counted(coded.records.length, 'event')}\n${explain(coded)}\n`);
        continue;
      }
      if (format === 'json') all.push(...coded.records);
      else {
        const line = format === 'jsonl' ? (r: PloverRecord) => JSON.stringify(r) + '\n' : (r: PloverRecord) => tableRow(r) + '\n';
        // Small stories in one write; a huge one record by record, so no giant string is built.
        for (let k = 0; k < coded.records.length; k += 200) await io.out(coded.records.slice(k, k + 200).map(line).join(''));
      }
    }
  }
  if (format === 'json') await io.out(JSON.stringify(all, null, 2) + '\n');
  if (format === 'table') io.err(`${counted(count, 'event')}${failures ? `, ${counted(failures, 'input problem')}` : ''}\n`);
  if (flags.stats) {
    const seconds = (performance.now() - started) / 1000;
    io.err(`entente: ${counted(stories, 'story', 'stories')}, ${counted(count, 'event')}, ${counted(failures, 'problem')} in ${seconds.toFixed(1)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  }
  return failures ? 1 : 0;
}

export function registerCode(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('code')
    .description('code news text into PLOVER events (.txt, .html, .jsonl or standard input)')
    .argument('[inputs...]', 'files to code; "-" or nothing reads standard input')
    .option('--date <YYYY-MM-DD>', 'publication date for plain text and HTML (JSONL stories carry their own)')
    .option('--format <format>', 'jsonl, json or table (default: table on a terminal, jsonl when piped)')
    .option('--explain', 'print why each event was coded: rule, tokens, roles, date, claim')
    .option('--actors <file>', 'extra actors, leaders and agents (YAML or JSON, see docs/extending.md); repeatable', collect, [])
    .option('--rules <file>', 'extra event rules (YAML or JSON, see docs/rules.md); repeatable', collect, [])
    .option('--include-negated', 'keep negated events, flagged "negated": true')
    .option('--stats', 'print stories, events, time and peak memory to standard error at the end')
    .action(async (inputs: string[], flags: CodeFlags) => done(await runCode(inputs, flags, io)));
}
