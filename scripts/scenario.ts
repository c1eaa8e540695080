/**
 * node dist/scripts/scenario.js --seed 1 --out world.jsonl [--truth truth.json] [--noise-only] [--states N] [--years N] [--noise N]
 *
 * Writes the scenario world of scripts/scenario-world.ts as PLOVER JSONL, for `entente import --format plover`,
 * and its ground truth (planted crisis windows, partner verdicts and say-do gaps) as JSON. docs/scenario.md.
 */
import { writeFileSync } from 'node:fs';
import { buildWorld, toPloverLine, type WorldOptions } from './scenario-world.js';

const USAGE = 'usage: node dist/scripts/scenario.js --seed N --out FILE [--truth FILE] [--noise-only] [--states N] [--years N] [--noise N]';

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function usage(message: string): never {
  process.stderr.write(`scenario: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function whole(args: readonly string[], name: string): number | undefined {
  const v = option(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) usage(`--${name} must be a whole number, not "${v}"`);
  return n;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seed = whole(args, 'seed') ?? usage('--seed is required');
  const out = option(args, 'out') ?? usage('--out is required');
  const truthFile = option(args, 'truth');
  const opts: WorldOptions = { seed, states: whole(args, 'states'), years: whole(args, 'years'), noiseOnly: args.includes('--noise-only'), noisePerMonth: whole(args, 'noise') };
  let world: ReturnType<typeof buildWorld>;
  try {
    world = buildWorld(opts);
  } catch (err) {
    usage((err as Error).message);
  }
  writeFileSync(out, world.events.map((e) => `${toPloverLine(e)}\n`).join(''));
  if (truthFile) writeFileSync(truthFile, `${JSON.stringify(world.truth, null, 2)}\n`);
  const t = world.truth;
  process.stderr.write(`${world.events.length} events among ${t.states.length} states, ${t.from} to ${t.to}, to ${out}: `
    + `${t.crises.length} crises, ${t.verdicts.length} partner verdicts, ${t.gaps.length} gaps planted${truthFile ? ` (truth in ${truthFile})` : ''}\n`);
  for (const c of t.crises) process.stderr.write(`  ${c.focal} vs ${c.adversary} ${c.from} to ${c.to}\n`);
}

main();
