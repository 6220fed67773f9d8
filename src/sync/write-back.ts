/**
 * Writes sync results (`id:`, `issue:`, `status:`) into an incident file
 * without disturbing anything else: the source is spliced at the YAML nodes'
 * ranges, so comments, key order, quoting and folded text stay exactly as
 * written and a diff shows only the changed scalars. The result is parsed
 * again and compared with the intended data before anything is written.
 *
 * @example
 * const text = spliceItemFields(source, [{ actionId: 'add-test', index: 0, fields: { issue: 42 } }]);
 */
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { parseYamlSource, type YamlSource } from '../load/parse.js';
import { writeFileSafely } from '../workspace.js';

export type WritableField = 'id' | 'issue' | 'status';

export interface ItemEdit {
  /** Found by id first (robust to reordering), else by position. */
  actionId: string | null;
  index: number;
  fields: Partial<Record<WritableField, string | number>>;
}

interface Splice {
  at: number;
  end: number;
  text: string;
}

/** The new text (without BOM) with every edit applied; throws when the file cannot be edited safely. */
export function spliceItemFields(source: YamlSource, edits: readonly ItemEdit[]): string {
  const eol = source.text.includes('\r\n') ? '\r\n' : '\n';
  const items = source.document.get('action_items', true);
  if (!isSeq(items)) throw new Error('`action_items` is not a list');
  const splices: Splice[] = [];
  const expected = structuredClone(source.document.toJS()) as { action_items: Array<Record<string, unknown>> };
  for (const edit of mergeEdits(edits)) {
    const position = findItem(items.items, edit);
    const node = items.items[position];
    if (!isMap(node)) throw new Error(`action_items[${edit.index}] is not a mapping`);
    splices.push(...itemSplices(source.text, node, edit.fields, eol));
    Object.assign(expected.action_items[position]!, edit.fields);
  }
  let text = source.text;
  for (const splice of splices.sort((a, b) => b.at - a.at)) text = text.slice(0, splice.at) + splice.text + text.slice(splice.end);
  const check = parseYamlSource(source.file, text);
  if (check.diagnostics.length > 0 || canonical(check.data) !== canonical(expected)) {
    throw new Error('the edited YAML would not read back as intended; nothing was written');
  }
  return text;
}

/** Edits of one item become one edit, so a key is never inserted twice. */
function mergeEdits(edits: readonly ItemEdit[]): ItemEdit[] {
  const merged = new Map<string, ItemEdit>();
  for (const edit of edits) {
    const key = edit.actionId ?? `#${edit.index}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, fields: { ...seen.fields, ...edit.fields } } : { ...edit, fields: { ...edit.fields } });
  }
  return [...merged.values()];
}

/** JSON with sorted keys: inserted keys change the order, not the meaning. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function findItem(items: readonly unknown[], edit: ItemEdit): number {
  if (edit.actionId !== null) {
    const byId = items.findIndex((node) => isMap(node) && String((node as YAMLMap).get('id')) === edit.actionId);
    if (byId !== -1) return byId;
  }
  if (edit.index >= items.length) throw new Error(`action_items[${edit.index}] no longer exists`);
  return edit.index;
}

function itemSplices(text: string, node: YAMLMap, fields: ItemEdit['fields'], eol: string): Splice[] {
  const pairs = node.items as Array<Pair<unknown, unknown>>;
  const first = pairs[0];
  const last = pairs[pairs.length - 1];
  if (!first || !last || !isScalar(first.key) || !first.key.range) throw new Error('an action item without keys cannot be edited');
  const keyStart = first.key.range[0];
  const indent = ' '.repeat(keyStart - lineStart(text, keyStart));
  const splices: Splice[] = [];
  const appended: string[] = [];
  for (const [field, value] of Object.entries(fields) as Array<[WritableField, string | number]>) {
    const pair = pairs.find((p) => isScalar(p.key) && p.key.value === field);
    const rendered = formatScalar(value);
    if (pair && isScalar(pair.value) && pair.value.range) {
      splices.push({ at: pair.value.range[0], end: pair.value.range[1], text: rendered });
    } else if (pair) {
      throw new Error(`\`${field}\` is not a plain value`);
    } else if (field === 'id') {
      // The id goes first, where a reader looks for it.
      splices.push({ at: keyStart, end: keyStart, text: node.flow ? `id: ${rendered}, ` : `id: ${rendered}${eol}${indent}` });
    } else {
      appended.push(`${field}: ${rendered}`);
    }
  }
  if (appended.length > 0) splices.push(appendSplice(text, last, indent, appended, eol, node.flow === true));
  return splices;
}

/** New keys go after the item's last value: past a block scalar, or at the end of the last value's line. */
function appendSplice(text: string, last: Pair<unknown, unknown>, indent: string, lines: string[], eol: string, flow: boolean): Splice {
  const value = (last.value ?? last.key) as { range?: [number, number, number] } | null;
  const end = value?.range?.[1];
  if (end === undefined) throw new Error('cannot find the end of the action item');
  if (flow) return { at: end, end, text: lines.map((line) => `, ${line}`).join('') };
  if (text[end - 1] === '\n') return { at: end, end, text: lines.map((line) => `${indent}${line}${eol}`).join('') };
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  else if (text[lineEnd - 1] === '\r') lineEnd -= 1;
  return { at: lineEnd, end: lineEnd, text: lines.map((line) => `${eol}${indent}${line}`).join('') };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Plain when it reads back as the same string; quoted otherwise (`'123'`, `'true'`). */
function formatScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain = /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

/** Reads the file fresh, applies the edits and writes it atomically (BOM and line endings kept). */
export async function writeItemFields(absolutePath: string, displayPath: string, edits: readonly ItemEdit[]): Promise<void> {
  const { readFile } = await import('node:fs/promises');
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
