/**
 * Collects sync's write-backs per file and writes each file once per batch:
 * parsing a large incident for every created issue would cost more than the
 * requests. Losing a batch to a crash is harmless, since the next run finds
 * every issue by its marker and writes the numbers back then.
 *
 * @example
 * const buffer = createWriteBackBuffer((file, edits) => yamlFiles.edit(file, (s) => editItemFields(s, edits)));
 * await buffer.add('postmortems/a.yaml', { actionId: 'add-test', index: 0, fields: { issue: 42 } }, false);
 * await buffer.flush();
 */
import type { ItemEdit } from '../sync/write-back.js';

export interface WriteBackBuffer {
  /** Queues an edit; `now` writes the file at once (a status must reach the YAML before the marker records it). */
  add(file: string, edit: ItemEdit, now: boolean): Promise<void>;
  /** Writes every queued edit; rejects with every file's failure after trying them all. */
  flush(): Promise<void>;
}

export function createWriteBackBuffer(write: (file: string, edits: readonly ItemEdit[]) => Promise<void>, batchSize = 25): WriteBackBuffer {
  const pending = new Map<string, ItemEdit[]>();
  async function flushFile(file: string): Promise<void> {
    const edits = pending.get(file);
    if (!edits) return;
    pending.delete(file);
    await write(file, edits);
  }
  return {
    async add(file, edit, now) {
      const edits = pending.get(file) ?? [];
      edits.push(edit);
      pending.set(file, edits);
      if (now || edits.length >= batchSize) await flushFile(file);
    },
    async flush() {
      const errors: string[] = [];
      for (const file of [...pending.keys()])
        await flushFile(file).catch((error: unknown) => errors.push(`${file}: ${error instanceof Error ? error.message : String(error)}`));
      if (errors.length > 0) throw new Error(`write-back failed: ${errors.join('; ')}`);
    },
  };
}
