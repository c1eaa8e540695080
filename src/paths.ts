/** Where the package's own files are: its root and its data/ tables. Light: no language model is loaded. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Conflict } from './types.js';

let root: string | undefined;

/** The package root: the nearest folder above this module with a package.json (works from src/ and dist/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('entente: cannot find the package root');
    dir = up;
  }
  root = dir;
  return dir;
}

/** Read and parse one JSON table from the package's data/ folder. */
export function readDataJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(packageRoot(), 'data', name), 'utf8')) as T;
}

/** The conflicts table (data/conflicts.json, or another data folder's): the analytics need it without the model. */
export function loadConflicts(dataDir = join(packageRoot(), 'data')): Conflict[] {
  const path = join(dataDir, 'conflicts.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Conflict[]) : [];
}
