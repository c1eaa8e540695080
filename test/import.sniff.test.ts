/** A file given with the wrong --format is told once, by its first non-blank line (src/import/sniff.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../src/import/index.js';
import { refusal } from '../src/import/sniff.js';
import type { Dataset } from '../src/types.js';

describe('import: a file of another format is told by its first line', () => {
  const first = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'samples', name), 'utf8').split('\n')[0]!;
  const gdelt = first('gdelt.export.CSV');
  const icews = first('icews.tab');
  const polecat = first('polecat.tab');
  const plover = first('plover.jsonl');
  const TRY = (name: string, format: string): string => `: is this ${name}? (try --format ${format})`;
  it.each([
    ['gdelt', gdelt, null],
    ['gdelt', icews, `a header row, not a GDELT events export (tab-separated rows, no header)${TRY('ICEWS', 'icews')}`],
    ['gdelt', polecat, `a header row, not a GDELT events export (tab-separated rows, no header)${TRY('POLECAT', 'polecat')}`],
    ['gdelt', plover, `JSON, not a GDELT events export (tab-separated rows, no header)${TRY('PLOVER JSONL', 'plover')}`],
    ['gdelt', 'GLOBALEVENTID\tSQLDATE', null],
    ['gdelt', '0-0\t0-1\t0-2', null],
    ['icews', icews, null],
    ['icews', gdelt, `no "Event ID", "Event Date", "CAMEO Code" or "Source Name" column in the header${TRY('GDELT', 'gdelt')}`],
    ['icews', polecat, `no "CAMEO Code" or "Source Name" column in the header${TRY('POLECAT', 'polecat')}`],
    ['icews', 'Event ID\tEvent Date\tCAMEO Code\tSource Name', null],
    ['polecat', polecat, null],
    ['polecat', icews, `no "Event Type" or "Actor Name" column in the header${TRY('ICEWS', 'icews')}`],
    ['polecat', 'event id\tStory Date\tEvent Type\tActor Country', null],
    ['polecat', 'Event ID\tEvent Type', 'no "Event Date" or "Actor Name" column in the header'],
    ['plover', plover, null],
    ['plover', '[', "a JSON array, not JSON lines (one record a line; jq -c '.[]' converts it)"],
    ['plover', ` [${plover}]`, "a JSON array, not JSON lines (one record a line; jq -c '.[]' converts it)"],
    ['plover', polecat, `tab-separated, not JSON lines (one PLOVER record a line)${TRY('POLECAT', 'polecat')}`],
    ['plover', gdelt, `tab-separated, not JSON lines (one PLOVER record a line)${TRY('GDELT', 'gdelt')}`],
    ['plover', '{"id": "r1", "date": ', null],
  ] as [Dataset, string, string | null][])('--format %s, first line %j', (format, line, want) => expect(refusal(FORMATS[format], line)).toBe(want));
});

