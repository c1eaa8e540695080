/**
 * npm start: build the dashboard when it is missing or older than its sources, then serve it with the API on the
 * store (./entente.db by default; an empty store first gets the seed article). Arguments go to `entente serve`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { packageRoot } from '../src/model/load.js';

const root = packageRoot();
const built = join(root, 'dist', 'web', 'index.html');

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

const web = join(root, 'web');
const stale = !existsSync(built) || (existsSync(web) && newest(web) > statSync(built).mtimeMs);
if (stale) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) process.stderr.write('entente: the dashboard is not built and vite is not installed (npm install): serving the API only\n');
  else {
    process.stderr.write('entente: building the dashboard (vite build web)…\n');
    const r = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.stderr.write('entente: the dashboard build failed: serving the API only\n');
  }
}
process.exitCode = await main(['serve', ...process.argv.slice(2)]);
