/**
 * Streams a log file from disk in chunks, decompressing gzip on the way
 * (by its magic bytes, whatever the name), so a log of any size is read
 * with memory bounded by the chunk size. The timeline scanner splits the
 * chunks into lines.
 *
 * @example
 * for await (const chunk of diskLogReader('/repo').readChunks('logs/orders.jsonl.gz')) scanner.push(chunk);
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { LogReader } from '../workflows/timeline.js';

/** Large reads: the scan is a byte search, so fewer, bigger chunks are faster. */
const CHUNK_BYTES = 1024 * 1024;

export function diskLogReader(root: string): LogReader {
  return {
    async *readChunks(file) {
      const absolute = path.resolve(root, file);
      const gzip = await isGzip(absolute);
      const stream = createReadStream(absolute, { highWaterMark: CHUNK_BYTES });
      const source = gzip ? stream.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : stream;
      // A failed read must end the gunzip side too, or the loop would wait forever.
      if (gzip) stream.on('error', (error) => source.destroy(error));
      for await (const chunk of source) yield chunk as Buffer;
    },
  };
}

async function isGzip(absolute: string): Promise<boolean> {
  const handle = await open(absolute, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
