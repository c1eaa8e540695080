import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** An error the client caused or should know about: it becomes `{error, detail}` with its status. */
export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly error: string, readonly detail: string, readonly extra: Record<string, unknown> = {}) {
    super(detail);
  }
}

export const badRequest = (detail: string, extra?: Record<string, unknown>): ApiError => new ApiError(400, 'bad request', detail, extra);
export const notFound = (detail: string, extra?: Record<string, unknown>): ApiError => new ApiError(404, 'not found', detail, extra);

/** Zod issues as one readable line: "query.limit: Too big: expected number to be <=1000; body.text: ...". */
export function describeIssues(where: string, error: { readonly issues: readonly z.core.$ZodIssue[] }): string {
  return error.issues.map((i) => {
    const at = [where, ...i.path.map(String)].join('.');
    // One of several shapes: say what was wrong with the closest one (fewest complaints).
    if (i.code === 'invalid_union' && i.errors.length) {
      const closest = [...i.errors].sort((a, b) => a.length - b.length)[0]!;
      if (closest.length) return describeIssues(at, { issues: closest });
    }
    return `${at}: ${i.message}`;
  }).join('; ');
}

export function errorBody(c: Context, status: ContentfulStatusCode, error: string, detail: string, extra: Record<string, unknown> = {}): Response {
  return c.json({ error, detail, ...extra }, status);
}

/** Anything thrown: an ApiError as itself, an unknown error as a 500 that names no internals. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return errorBody(c, err.status, err.error, err.detail, err.extra);
  const sqlite = (err as { code?: string }).code;
  if (sqlite === 'SQLITE_FULL') return errorBody(c, 507, 'insufficient storage', 'the store is full: nothing was written');
  if (sqlite === 'SQLITE_BUSY') {
    c.header('Retry-After', '5');
    return errorBody(c, 503, 'busy', 'the store is busy with another writer (an import or ingest): nothing was written; try again');
  }
  process.stderr.write(`entente serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
  return errorBody(c, 500, 'internal error', 'the server failed to answer this request; nothing was written');
}
