/**
 * Safety checks on a parsed YAML document, run before it becomes plain data:
 * duplicate keys, keys that would reach JavaScript object internals
 * (`__proto__`, `constructor`), nesting deeper than any incident needs, and
 * aliases that name no anchor. One linear walk, so a 5 MB file stays cheap
 * (yaml's own `uniqueKeys` check is quadratic in the size of a mapping).
 *
 * @example
 * const problems = checkDocumentStructure(source); // [] for an ordinary incident
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { RuleId } from '../diagnostics/catalogue.js';
import { createDiagnostic, formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { spanOfNode } from './locate.js';
import type { YamlSource } from './source.js';

/** Keys that name JavaScript object internals; refused so no parse can pollute prototypes. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Incidents nest four levels deep; anything past this is refused rather than risking the stack. */
export const MAX_NESTING_DEPTH = 64;

/**
 * Every structural problem of the document, in document order.
 *
 * @example
 * checkDocumentStructure(parsed('a: 1\na: 2\n')) // → [schema/duplicate-key at 2:1]
 */
export function checkDocumentStructure(source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  // The ancestors of the node being walked (document, collections, pairs), as yaml's visitor would pass them;
  // one array pushed and popped instead of a frozen copy per node, which made this walk cost a tenth of the parse.
  const ancestors: unknown[] = [source.document];
  const report = (container: Node, node: Node, ruleId: RuleId, message: string, note: string, key?: string, related?: Related) => {
    const span = spanOfNode(source, node);
    // A too-deep collection's end is not worth showing; its start is where the nesting goes wrong.
    const shown = span && ruleId === 'schema/too-deep' ? { line: span.line, column: span.column } : span;
    // A too-deep path would be a long run of `[0]`; the line and column say more.
    const segments = ruleId === 'schema/too-deep' ? [] : fieldPathOf(ancestors, container);
    if (key !== undefined) segments.push(key);
    const path = segments.length > 0 ? formatFieldPath(segments) : undefined;
    const at = related ? spanOfNode(source, related.node) : null;
    const cause = related ? { file: source.file, line: at?.line ?? null, column: at?.column ?? null, message: related.message } : undefined;
    found.push(createDiagnostic({ file: source.file, ruleId, message, span: shown, note, path, cause }));
  };
  let tooDeep = false;
  const walk = (node: unknown, depth: number): void => {
    if (isAlias(node)) {
      const target = node.resolve(source.document);
      if (target === undefined) {
        report(
          node,
          node,
          'schema/unknown-alias',
          `The alias \`*${node.source}\` names no anchor defined before it`,
          `Define \`&${node.source}\` on an earlier value, or write the value out.`,
        );
      } else if (contains(target, node)) {
        // `a: &a [*a]` would become a value that contains itself, which no later stage can print or compare.
        report(
          node,
          node,
          'schema/recursive-alias',
          `The alias \`*${node.source}\` is inside the value it refers to`,
          'Write the value out; a value cannot contain itself.',
        );
      }
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    if (depth >= MAX_NESTING_DEPTH) {
      const brackets = isMap(node) ? 'indentation' : 'brackets';
      if (!tooDeep)
        report(
          node,
          node,
          'schema/too-deep',
          `The YAML nests more than ${MAX_NESTING_DEPTH} levels deep`,
          `An incident file needs only a few levels; check the ${brackets}.`,
        );
      tooDeep = true;
      return;
    }
    if (isMap(node)) checkKeys(node, (at, ruleId, message, note, key, related) => report(node, at, ruleId, message, note, key, related));
    ancestors.push(node);
    for (const item of node.items) {
      if (isPair(item)) {
        ancestors.push(item);
        walk(item.key, depth + 1);
        walk(item.value, depth + 1);
        ancestors.pop();
      } else {
        walk(item, depth + 1);
      }
    }
    ancestors.pop();
  };
  walk(source.document.contents, 0);
  return found;
}

/** A second place of the problem (the first of two duplicate keys), shown as the diagnostic's `cause`. */
type Related = { node: Node; message: string };
type Report = (node: Node, ruleId: RuleId, message: string, note: string, key?: string, related?: Related) => void;

/**
 * The field path (`action_items[0].owner`) of a node, from the visitor's
 * ancestors: a pair adds its key, a list the index of the item on the way down.
 *
 * @example
 * fieldPathOf([document, map, pairOfTimeline, seq], firstEntry) // → ['timeline', 0]
 */
export function fieldPathOf(ancestors: readonly unknown[], node: unknown): Array<string | number> {
  const chain = [...ancestors, node];
  const segments: Array<string | number> = [];
  for (const [index, ancestor] of chain.entries()) {
    if (isPair(ancestor) && isScalar(ancestor.key) && ancestor.key !== chain[index + 1]) segments.push(String(ancestor.key.value));
    else if (isSeq(ancestor)) {
      const position = ancestor.items.indexOf(chain[index + 1] as never);
      if (position !== -1) segments.push(position);
    }
  }
  return segments;
}

function checkKeys(map: YAMLMap, report: Report): void {
  const seen = new Map<string, Node>();
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key)) {
      if (isCollection(key) || isAlias(key))
        report(key, 'schema/complex-key', 'A key must be plain text, not a list, mapping or alias', 'Write the key as a single word such as `title`.');
      continue;
    }
    // Keys are compared as the plain data will hold them: `1` and `"1"` collide.
    const name = String(key.value);
    if (FORBIDDEN_KEYS.has(name)) {
      report(
        key,
        'schema/forbidden-key',
        `The key \`${name}\` is not allowed`,
        'Keys that name JavaScript object internals are refused to keep parsing safe.',
        name,
      );
    } else if (seen.has(name)) {
      // Where the first one is travels as the cause (`see: 2:1` in text), so the note only says what to do.
      report(
        key,
        'schema/duplicate-key',
        `Duplicate key \`${name}\`: each key may appear once in a mapping`,
        `Keep one \`${name}:\`: merge this value into the first one and delete this one, or rename one of the two keys.`,
        name,
        { node: seen.get(name)!, message: `the first \`${name}\`` },
      );
      continue;
    }
    seen.set(name, key);
  }
}

function contains(outer: Node, inner: Node): boolean {
  const [a, b] = [outer.range, inner.range];
  return Boolean(a && b && a[0] <= b[0] && b[1] <= a[2]);
}
