/**
 * Writes sync results into incident files: reads the file fresh, splices the
 * edits (`sync/write-back.ts`) and writes atomically, keeping the BOM and
 * line endings. Batched per file, since parsing a large incident for every
 * created issue would cost more than the requests.
 */
import { readFile } from 'node:fs/promises';
import { parseYamlSource } from '../load/parse.js';
import { spliceItemFields, type ItemEdit } from '../sync/write-back.js';
import { writeFileSafely } from './workspace.js';

/** Reads the file fresh, applies the edits and writes it atomically (BOM and line endings kept). */
export async function writeItemFields(absolutePath: string, displayPath: string, edits: readonly ItemEdit[]): Promise<void> {
  const bytes = await readFile(absolutePath);
  const loaded = parseYamlSource(displayPath, bytes);
  if (!loaded.source || loaded.diagnostics.length > 0) throw new Error(`${displayPath} no longer parses; nothing was written`);
  const text = spliceItemFields(loaded.source, edits);
  // Checked on the bytes: a TextDecoder drops the BOM before the loader could see it.
  const hasBom = loaded.source.hasBom || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  await writeFileSafely(absolutePath, (hasBom ? '\uFEFF' : '') + text);
}

export interface WriteBackBuffer {
  /** Queues an edit; `now` writes the file at once (a status must reach the YAML before the marker records it). */
  add(absolutePath: string, displayPath: string, edit: ItemEdit, now: boolean): Promise<void>;
  /** Writes every queued edit. */
  flush(): Promise<void>;
}

/**
 * Collects write-backs per file and writes each file once per batch: parsing a
 * large incident for every created issue would cost more than the requests.
 * Losing a batch to a crash is harmless, since the next run finds every issue
 * by its marker and writes the numbers back then.
 */
export function createWriteBackBuffer(batchSize = 25): WriteBackBuffer {
  const pending = new Map<string, { displayPath: string; edits: ItemEdit[] }>();
  async function flushFile(absolutePath: string): Promise<void> {
    const entry = pending.get(absolutePath);
    if (!entry) return;
    pending.delete(absolutePath);
    await writeItemFields(absolutePath, entry.displayPath, entry.edits);
  }
  return {
    async add(absolutePath, displayPath, edit, now) {
      const entry = pending.get(absolutePath) ?? { displayPath, edits: [] };
      entry.edits.push(edit);
      pending.set(absolutePath, entry);
      if (now || entry.edits.length >= batchSize) await flushFile(absolutePath);
    },
    async flush() {
      const errors: string[] = [];
      for (const file of [...pending.keys()]) await flushFile(file).catch((error: unknown) => errors.push(`${file}: ${error instanceof Error ? error.message : String(error)}`));
      if (errors.length > 0) throw new Error(`write-back failed: ${errors.join('; ')}`);
    },
  };
}
