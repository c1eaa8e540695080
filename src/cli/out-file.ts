import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Failure } from './io.js';

/** Why a file could not be written, in words; other errors keep Node's message. */
const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist', ENOTDIR: 'a part of its path is not a folder', EISDIR: 'it is a folder',
  EACCES: 'permission denied', EROFS: 'the file system is read-only', ENOSPC: 'no space left on the device',
};

export interface OutFile {
  write(s: string): Promise<void>;
  /** Flush and close; throws if writing failed at any point. */
  close(): Promise<void>;
}

/** Open `path` for writing before anything is read; a failure to write it, now or later, is a Failure naming it and why. */
export async function openOutFile(path: string): Promise<OutFile> {
  const stream = createWriteStream(path);
  let failed: NodeJS.ErrnoException | undefined;
  stream.on('error', (err) => (failed ??= err));
  const check = (): void => {
    if (failed) throw new Failure(`cannot write ${path}: ${WHY[failed.code ?? ''] ?? failed.message}`, { cause: failed });
  };
  await once(stream, 'ready').catch(() => undefined);
  check();
  return {
    async write(s) {
      check();
      if (!stream.write(s)) await once(stream, 'drain').catch(() => undefined);
      check();
    },
    async close() {
      if (!stream.closed) await new Promise<void>((resolve) => stream.once('close', resolve).end());
      check();
    },
  };
}
