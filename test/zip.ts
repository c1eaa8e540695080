import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A zip archive of `entries` (a name ending in "/" is a folder), deflated: what a dataset download looks like, built
 * here from the published layout (PKWARE APPNOTE 4.3) so that tests need no zip tool.
 */
export function zip(entries: readonly (readonly [name: string, content: string])[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const raw = Buffer.from(content);
    const data = raw.length ? deflateRawSync(raw) : raw;
    const method = raw.length ? 8 : 0;
    const nameBytes = Buffer.from(name);
    // The local header (from byte 14) and the central directory entry (from byte 16) share these fields.
    const shared = (header: Buffer, at: number): Buffer => {
      header.writeUInt16LE(20, at - 10);
      header.writeUInt16LE(method, at - 6);
      header.writeUInt32LE(crc32(raw), at);
      header.writeUInt32LE(data.length, at + 4);
      header.writeUInt32LE(raw.length, at + 8);
      header.writeUInt16LE(nameBytes.length, at + 12);
      return header;
    };
    const local = shared(Buffer.alloc(30), 14);
    local.writeUInt32LE(0x04034b50, 0);
    const central = shared(Buffer.alloc(46), 16);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(name.endsWith('/') ? 0x10 : 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
