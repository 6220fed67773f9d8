/**
 * Maps field paths and YAML nodes back to line and column, so that every
 * problem found on plain data (schema, rules, lint, sync) can point at the
 * place in the file where it has to be fixed. Re-exported by `parse.ts`.
 *
 * @example
 * locatePath(source, ['timeline', 3, 'time']) // → { line: 31, column: 11, endLine: 31, endColumn: 18 }
 */
import { isAlias, isMap, isPair, isScalar } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { FieldPath, SourceSpan } from '../diagnostics/diagnostic.js';
import type { YamlSource } from './source.js';

type Positioned = Pick<YamlSource, 'lineCounter'> & { text?: string };

/**
 * Line and column (1-based) of a character range in the parsed text. When
 * the text is known, trailing whitespace is left out, so a block scalar
 * (`summary: >`) ends on its last word rather than at the next key.
 *
 * @example
 * spanOfRange(source, 0, 5) // → { line: 1, column: 1, endLine: 1, endColumn: 6 }
 */
export function spanOfRange(source: Positioned, start: number, end: number): SourceSpan {
  let last = Math.max(end, start);
  if (source.text !== undefined) {
    while (last > start && /\s/.test(source.text[last - 1] ?? '')) last--;
  }
  const from = source.lineCounter.linePos(start);
  const to = source.lineCounter.linePos(last);
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/**
 * The span of a node (for a pair: of its key), or null for a node that was
 * made up rather than parsed.
 *
 * @example
 * spanOfNode(source, document.get('title', true)!)
 */
export function spanOfNode(source: Positioned, node: Node | Pair): SourceSpan | null {
  const range = isPair(node) ? (node.key as Node | null)?.range : node.range;
  if (!range) return null;
  return spanOfRange(source, range[0], range[1]);
}

/**
 * The node at a field path, or the deepest ancestor that exists (with the
 * number of path segments it covers), so that a missing field can be
 * reported where it should have been written.
 *
 * @example
 * nodeAtPath(source, ['impact', 'description']) // → { node, exact: true, depth: 2 }
 */
export function nodeAtPath(source: YamlSource, path: FieldPath): { node: Node; exact: boolean; depth: number } | null {
  let current: unknown = source.document.contents;
  for (let i = 0; i < path.length; i++) {
    const next = childOf(current, path[i]!);
    if (next === undefined) return isNode(current) ? { node: current, exact: false, depth: i } : null;
    current = next;
  }
  return isNode(current) ? { node: current, exact: true, depth: path.length } : null;
}

/**
 * The key node of the last segment of a path (for unknown or misplaced keys).
 *
 * @example
 * keyNodeAtPath(source, ['sumary']) // the `sumary` key, to underline the typo
 */
export function keyNodeAtPath(source: YamlSource, path: FieldPath): Node | null {
  const last = path[path.length - 1];
  if (last === undefined) return null;
  const parent = nodeAtPath(source, path.slice(0, -1));
  if (!parent?.exact || !isMap(parent.node)) return null;
  const pair = parent.node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
  return pair && isNode(pair.key) ? pair.key : null;
}

/**
 * Where to point for a field path: its key (with `key`), else its value; for
 * a missing field, the key of its deepest existing ancestor (`root_cause:`
 * for a missing `root_cause.immediate`), else that ancestor's first position.
 *
 * @example
 * locatePath(source, ['root_cause', 'immediate']) // → the `root_cause` key when `immediate` is missing
 */
export function locatePath(source: YamlSource | null, path: FieldPath, options: { key?: boolean } = {}): SourceSpan | null {
  if (!source) return null;
  if (options.key) {
    const key = keyNodeAtPath(source, path);
    if (key) return spanOfNode(source, key);
  }
  const found = nodeAtPath(source, path);
  if (!found) return { line: 1, column: 1 };
  if (found.exact) return spanOfNode(source, found.node);
  const ownerKey = found.depth > 0 ? keyNodeAtPath(source, path.slice(0, found.depth)) : null;
  const target = ownerKey ? spanOfNode(source, ownerKey) : spanOfNode(source, found.node);
  // A missing field inside a list entry or the document has no key to underline: point at where it starts.
  if (!ownerKey && target) return { line: target.line, column: target.column };
  return target;
}

function childOf(node: unknown, segment: string | number): unknown {
  if (isAlias(node)) return undefined;
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? (pair.value ?? undefined) : undefined;
  }
  if (typeof segment === 'number' && typeof node === 'object' && node !== null && 'items' in node) {
    const items = (node as { items: unknown[] }).items;
    return items[segment];
  }
  return undefined;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
