import { z } from 'zod';
import type { Route } from './route.js';

const ERROR = { $ref: '#/components/schemas/Error' };

const jsonSchema = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/** Path or query parameters of a route, from its schema. */
function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  const s = jsonSchema(schema) as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return { name, in: where, required: where === 'path' || (s.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

const response = (description: string) => ({ description, content: { 'application/json': { schema: ERROR } } });

/** The OpenAPI 3.1 document of every route: inputs from their Zod schemas, answers as described by each route. */
export function openApi(routes: readonly Route[], version: string, token: boolean): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { doc } of routes) {
    const errors: Record<string, unknown> = { 400: response('bad input: malformed JSON or a parameter out of range; `detail` says which'), 500: response('the server failed; nothing was written') };
    if (doc.method === 'post') {
      errors[413] = response('the body is larger than the limit');
      if (token) errors[401] = response('missing or wrong `Authorization: Bearer` token');
    }
    for (const [status, when] of Object.entries(doc.errors ?? {})) errors[status] = response(when);
    const ok = Object.fromEntries(Object.entries(doc.responses).map(([status, description]) => [status, { description, content: { 'application/json': { schema: { type: 'object' } } } }]));
    const body = doc.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body) } } } }
      : doc.raw ? { requestBody: { required: true, content: { [doc.raw]: { schema: { type: 'string', format: 'binary' } } } } } : {};
    (paths[doc.path] ??= {})[doc.method] = {
      tags: [doc.tag], summary: doc.summary, ...(doc.description ? { description: doc.description } : {}),
      operationId: `${doc.method}${doc.path.replace(/^\/api/, '').replace(/[{}]/g, '').replace(/\/(\w)/g, (_, ch: string) => ch.toUpperCase())}`,
      parameters: [...parameters('path', doc.params), ...parameters('query', doc.query)],
      ...body,
      responses: { ...ok, ...errors },
      ...(doc.method === 'post' && token ? { security: [{ bearer: [] }] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Entente API', version,
      description: 'Sourced PLOVER events from news text: code text, store stories, query events and the analytics of pairs of states. Types named in responses are those of src/types.ts.',
    },
    paths,
    components: {
      schemas: { Error: { type: 'object', required: ['error', 'detail'], properties: { error: { type: 'string' }, detail: { type: 'string' } } } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the value of ENTENTE_TOKEN; required by every POST when the server has one' } },
    },
  };
}
