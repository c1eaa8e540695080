/**
 * node dist/scripts/generate.js --format gdelt|icews|polecat|plover --rows N --out FILE [--seed 1]
 *
 * Writes a large synthetic file in a dataset's layout, for import benchmarks: a skewed mix of countries with
 * some frequent dyads, dates over ten years (2015-2024), CAMEO codes across all 20 roots. The same seed gives
 * the same file. Rows are streamed in batches and the writer waits when the stream asks it to.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { gdeltRow, icewsHeader, icewsRow, ploverRow, polecatHeader, polecatRow, world, type SynthEvent } from './synth.js';

const WRITERS: Readonly<Record<string, { header?: () => string; row: (e: SynthEvent) => string }>> = {
  gdelt: { row: gdeltRow },
  icews: { header: icewsHeader, row: icewsRow },
  polecat: { header: polecatHeader, row: polecatRow },
  plover: { row: ploverRow },
};

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: node dist/scripts/generate.js --format gdelt|icews|polecat|plover --rows N --out FILE [--seed 1]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const format = option(args, 'format') ?? usage('--format is required');
  const writer = WRITERS[format] ?? usage(`unknown format "${format}"`);
  const rows = Number(option(args, 'rows') ?? usage('--rows is required'));
  if (!Number.isInteger(rows) || rows < 0) usage('--rows must be a whole number');
  const out = option(args, 'out') ?? usage('--out is required');
  const seed = Number(option(args, 'seed') ?? '1');
  if (!Number.isInteger(seed)) usage('--seed must be a whole number');

  const started = Date.now();
  const next = world(seed);
  const stream = createWriteStream(out);
  if (writer.header) stream.write(`${writer.header()}\n`);
  const batch = 2000;
  for (let done = 0; done < rows; done += batch) {
    const lines: string[] = [];
    for (let i = done; i < Math.min(rows, done + batch); i++) lines.push(writer.row(next()));
    if (!stream.write(`${lines.join('\n')}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  process.stderr.write(`${rows} ${format} rows to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`generate: ${(err as Error).message}\n`);
  process.exit(1);
});
