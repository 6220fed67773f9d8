/**
 * Sync results (`id:`, `issue:`, `status:`) as edits of an incident's text,
 * spliced at the YAML nodes' ranges (`load/splice.ts`) so that nothing else
 * in the file changes. Pure: `io/write-back.ts` reads and writes the file.
 *
 * @example
 * const text = spliceItemFields(source, [{ actionId: 'add-test', index: 0, fields: { issue: 42 } }]);
 */
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { LoadResult, YamlSource } from '../load/source.js';
import { applySplices, formatScalar, lineEnding, lineStart, verifySplicedText, type Splice } from '../load/splice.js';

export type WritableField = 'id' | 'issue' | 'status';

export interface ItemEdit {
  /** Found by id first (robust to reordering), else by position. */
  actionId: string | null;
  index: number;
  fields: Partial<Record<WritableField, string | number>>;
}

/** The new text (without BOM) with every edit applied; throws when the file cannot be edited safely. */
export function spliceItemFields(source: YamlSource, edits: readonly ItemEdit[]): string {
  return editItemFields(source, edits).text;
}

/** The same, with the verifying re-parse of the new text (the file as it will be once written). */
export function editItemFields(source: YamlSource, edits: readonly ItemEdit[]): { text: string; loaded: LoadResult } {
  const eol = lineEnding(source.text);
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
  const text = applySplices(source.text, splices);
  return { text, loaded: verifySplicedText(source.file, text, expected) };
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
