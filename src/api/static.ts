import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=UTF-8', '.js': 'text/javascript; charset=UTF-8', '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=UTF-8',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Entente</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>Entente</h1>
<p>The dashboard has not been built. Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it when needed) and reload.</p>
<p>The API answers at <a href="/api/health">/api/health</a>; its description is <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

/** A file of the built dashboard inside `root`, or null (a path that leaves the folder is never served). */
async function fileIn(root: string, urlPath: string): Promise<string | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, rel));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/** Serves the built dashboard: hashed assets cached for good, index.html always revalidated. */
export function dashboard(root: string) {
  const base = normalize(root);
  return async (c: Context): Promise<Response> => {
    const path = (await fileIn(base, c.req.path)) ?? (extname(c.req.path) ? null : await fileIn(base, '/index.html'));
    if (!path) {
      if (!extname(c.req.path) || c.req.path.endsWith('.html')) return c.html(NOT_BUILT, 503);
      return c.text('not found', 404);
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const immutable = path.includes(`${sep}assets${sep}`);
    return c.body(new Uint8Array(await readFile(path)), 200, {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}
