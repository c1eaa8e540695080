import { z } from 'zod';
import { allCountries } from '../../import/countries.js';
import { DatasetFileError } from '../../import/files.js';
import { FORMATS } from '../../import/index.js';
import { splitLines } from '../../import/lines.js';
import { DatasetReader } from '../../import/reader.js';
import type { Dataset, InputProblem, Model, Store } from '../../types.js';
import { badRequest } from '../errors.js';
import { route, type Route } from '../route.js';
import { uploadedParts } from '../uploads.js';

const datasets = Object.keys(FORMATS) as [Dataset, ...Dataset[]];

/**
 * One dataset file, all in one transaction with its clustering: a failure leaves the store as it was. A gzip or zip
 * body is opened first (src/api/uploads.ts); each file a zip holds is one import. Malformed rows are skipped and
 * counted, as by `entente import`; a file of another format is refused whole.
 */
async function importFile(store: Store, format: Dataset, file: string, raw: Buffer, limit: number) {
  const problems: InputProblem[] = [];
  let reported = 0;
  const parts = (await uploadedParts(raw, file, limit)).map((part) => {
    const reader = new DatasetReader(FORMATS[format], part.name, (p) => {
      if (reported++ < 50) problems.push(p);
    });
    try {
      return { name: part.name, reader, events: splitLines(part.bytes, 1).flatMap((line) => reader.read(line) ?? []) };
    } catch (err) {
      if (err instanceof DatasetFileError) throw badRequest(`${part.name}: ${err.message}: nothing imported`);
      throw err;
    }
  });
  // As `entente import` says of an empty file: nothing to import, and no import recorded.
  const empty = parts.filter((p) => p.reader.empty);
  if (empty.length) throw badRequest(`${empty.map((p) => p.name).join(', ')}: empty file: nothing to import`);
  return store.transaction(() => {
    const total = { rows: 0, imported: 0, skipped: 0, duplicates: 0, passed: 0 };
    for (const { name, reader, events } of parts) {
      const id = store.beginImport(format, name);
      const r = store.putImported(id, events);
      const counts = { rows: reader.rows, imported: r.inserted, skipped: reader.skipped, duplicates: r.duplicates };
      store.finishImport(id, counts);
      for (const k of ['rows', 'imported', 'skipped', 'duplicates'] as const) total[k] += counts[k];
      total.passed += reader.passed;
    }
    const clustered = store.recluster('new');
    store.refreshTallies();
    return { file, format, ...total, files: parts.map((p) => p.name), clusters: clustered.clusters, problems };
  });
}

export function adminRoutes(store: Store, model: Model, importBytes: number): Route[] {
  return [
    route({
      method: 'get', path: '/api/health', tag: 'store', summary: 'Whether the server and its store answer',
      responses: { 200: '{ok: true, version}: the store answered a query' },
    }, () => {
      store.dataVersion();
      return { ok: true, version: model.version };
    }),
    route({
      method: 'get', path: '/api/stats', tag: 'store', summary: 'What the store holds (as `entente stats`)', cached: true,
      responses: { 200: 'StoreStats' },
    }, () => store.stats()),
    route({
      method: 'get', path: '/api/states', tag: 'store', summary: 'States by name, for pickers and autocompletion', cached: true,
      query: z.object({ q: z.string().trim().max(100).optional().describe('part of a name or code') }),
      responses: { 200: '{states: {code, name}[]}' },
    }, ({ query }) => {
      const q = query.q?.toLowerCase();
      const all = [...allCountries()].sort((a, b) => a.name.localeCompare(b.name));
      return { states: q ? all.filter((s) => s.name.toLowerCase().includes(q) || s.code.toLowerCase() === q) : all };
    }),
    route({
      method: 'post', path: '/api/import', tag: 'store', summary: 'Import one dataset file (POLECAT, ICEWS, GDELT 1.0 or 2.0 events, PLOVER JSONL)',
      description: 'The body is the file itself, plain, gzipped or zipped as downloaded (each file a zip holds is imported). It is imported in one transaction with its clustering: an error leaves the store as it was. Malformed rows are skipped and counted, as by `entente import`; a file of another format (its first line tells) is refused with 400.',
      query: z.object({
        format: z.enum(datasets).describe(datasets.join(', ')),
        file: z.string().trim().min(1).max(300).default('upload').describe('the file name, kept as provenance'),
      }),
      raw: 'application/octet-stream', maxBytes: importBytes,
      responses: {
        200: 'nothing new: every row was a duplicate or skipped (the same answer as for 201)',
        201: '{file, format, rows, imported, skipped, duplicates, passed, files (those imported: the file, or those its zip holds), clusters, problems (the first 50)}',
      },
    }, async ({ query, raw, c }) => {
      if (raw.length === 0) throw badRequest('the body is empty: send the dataset file');
      const result = await importFile(store, query.format, query.file, raw, importBytes);
      return c.json(result, result.imported ? 201 : 200);
    }),
  ];
}
