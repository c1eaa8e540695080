import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli as run, scratchDir } from './cli-helpers.js';

const { dir } = scratchDir('entente-store-errors-');
const db = join(dir, 'seed.db');

beforeAll(() => {
  expect(run(['ingest', '--db', db, '--date', '2021-12-01', join(ROOT, 'examples', 'azerbaijan-serbia-partnership.txt')]).code).toBe(0);
});

describe('a missing store is refused, not created', () => {
  it.each([
    [['events']], [['search', 'Armenia']], [['stats']], [['export']], [['check']], [['backup', join(dir, 'never.db')]],
    [['recode']], [['cluster']], [['dyad', 'SRB', 'ARM']], [['network']],
  ])('%j --db missing.db', (args) => {
    const missing = join(dir, `missing-${args[0]}.db`);
    const r = run([...args, '--db', missing]);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toBe(`entente: no store at ${missing}: ingest stories or import a dataset first (entente ingest FILE, entente import --format F FILE), or give --db\n`);
    expect(existsSync(missing)).toBe(false);
  });
});
