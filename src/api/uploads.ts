import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetFileError, isCompressed, openDataset } from '../import/files.js';
import { ApiError, badRequest } from './errors.js';

/** One file of an uploaded dataset, whole, with the name kept as its provenance. */
export interface UploadedPart {
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * The files of an uploaded dataset body: itself, or, for a gzip or zip body, what it holds, opened as `entente
 * import` opens files (src/import/files.ts). What it holds counts against `limit` as the body itself does: the
 * server imports an upload in memory, in one transaction.
 */
export async function uploadedParts(raw: Buffer, file: string, limit: number): Promise<UploadedPart[]> {
  if (!isCompressed(raw)) return [{ name: file, bytes: raw }];
  const dir = mkdtempSync(join(tmpdir(), 'entente-upload-'));
  try {
    const path = join(dir, 'upload');
    writeFileSync(path, raw);
    let opened;
    try {
      opened = await openDataset(path);
    } catch (err) {
      if (err instanceof DatasetFileError) throw badRequest(`${file}: ${err.message}`);
      throw err;
    }
    try {
      const out: UploadedPart[] = [];
      let total = 0;
      for (const part of opened.parts) {
        const name = file + part.name.slice(path.length);
        const chunks: Buffer[] = [];
        try {
          for await (const chunk of await part.open()) {
            total += (chunk as Buffer).length;
            if (total > limit) {
              throw new ApiError(413, 'payload too large', `${file} holds more than ${Math.round(limit / 1024)} KB once decompressed: import it with \`entente import\``);
            }
            chunks.push(chunk as Buffer);
          }
        } catch (err) {
          if (err instanceof ApiError) throw err;
          if (err instanceof DatasetFileError) throw badRequest(`${name}: ${err.message}`);
          throw badRequest(`${name}: the file is damaged or ends early (${(err as Error).message}): nothing imported`);
        }
        out.push({ name, bytes: Buffer.concat(chunks) });
      }
      return out;
    } finally {
      await opened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
