/**
 * Turns the bytes of one YAML file into plain data plus the parsed document,
 * which keeps every node's source range so that any later problem (schema,
 * lint, sync) can be mapped back to a line and column. Bad input never
 * throws: it becomes diagnostics, and `data` is null when nothing can be trusted.
 *
 * @example
 * const { data, source, diagnostics } = parseYamlSource('incident.yaml', bytes);
 */
import { isAlias, isMap, isPair, isScalar, LineCounter, parseAllDocuments, visit, YAMLError } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { createDiagnostic, type Diagnostic, type FieldPath, type SourceSpan } from './diagnostic.js';

/** Files above this are refused before parsing (the contract says 10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Aliases are allowed, but their expansion is bounded (yaml's own guard). */
export const MAX_ALIAS_COUNT = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlSource {
  file: string;
  /** The text that was parsed: BOM removed, line endings as in the file. */
  text: string;
  hasBom: boolean;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface LoadResult {
  /** The plain value, or null when the file could not be read safely. */
  data: unknown;
  /** Present whenever the text could be parsed as YAML, even with errors. */
  source: YamlSource | null;
  diagnostics: Diagnostic[];
}

export function parseYamlSource(file: string, input: string | Uint8Array): LoadResult {
  const decoded = typeof input === 'string' ? { text: input } : decodeUtf8(file, input);
  if ('diagnostic' in decoded) return { data: null, source: null, diagnostics: [decoded.diagnostic] };
  const hasBom = decoded.text.startsWith('\uFEFF');
  const text = hasBom ? decoded.text.slice(1) : decoded.text;
  if (text.length > MAX_FILE_BYTES) {
    return { data: null, source: null, diagnostics: [tooLarge(file, text.length)] };
  }

  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (!Array.isArray(documents)) {
    return { data: null, source: null, diagnostics: [emptyFile(file)] };
  }
  const [document, second] = documents;
  if (!document) return { data: null, source: null, diagnostics: [emptyFile(file)] };
  const source: YamlSource = { file, text, hasBom, document, lineCounter };
  const diagnostics: Diagnostic[] = [];
  if (second) {
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'schema/multi-document',
        message: `Found ${documents.length} YAML documents; an incident file holds exactly one`,
        span: spanOfRange(source, second.range[0], second.range[0] + 3),
        expected: 'one document',
        actual: `${documents.length} documents`,
        note: 'Split each incident into a file of its own, or remove the `---` separator.',
      }),
    );
  }
  for (const error of document.errors) diagnostics.push(yamlErrorDiagnostic(source, error));
  diagnostics.push(...forbiddenKeyDiagnostics(source));
  if (diagnostics.length > 0) return { data: null, source, diagnostics };
  if (document.contents === null) return { data: null, source, diagnostics: [emptyFile(file)] };

  try {
    return { data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), source, diagnostics };
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past the bound.
    const message = error instanceof Error ? error.message : String(error);
    return {
      data: null,
      source,
      diagnostics: [
        createDiagnostic({
          file,
          ruleId: 'schema/alias-limit',
          message: `YAML aliases expand too far (${message})`,
          expected: `at most ${MAX_ALIAS_COUNT} alias expansions`,
          note: 'Write the repeated values out instead of nesting aliases.',
        }),
      ],
    };
  }
}

function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  if (bytes.byteLength > MAX_FILE_BYTES) return { diagnostic: tooLarge(file, bytes.byteLength) };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      diagnostic: createDiagnostic({
        file,
        ruleId: 'schema/binary',
        message: `This looks like a binary file (a NUL byte at offset ${nul}), not YAML text`,
        expected: 'UTF-8 text',
      }),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(at, 0));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return {
      diagnostic: createDiagnostic({
        file,
        ruleId: 'schema/encoding',
        message: 'The file is not valid UTF-8',
        span: { line, column },
        expected: 'UTF-8 text',
        note: 'Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`).',
      }),
    };
  }
}

function tooLarge(file: string, size: number): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: 'schema/file-too-large',
    message: `The file is ${size} bytes; incident files are limited to ${MAX_FILE_BYTES} bytes`,
    expected: `at most ${MAX_FILE_BYTES} bytes`,
    actual: `${size} bytes`,
  });
}

function emptyFile(file: string): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: 'schema/empty',
    message: 'The file is empty; an incident file is a YAML mapping',
    expected: 'a mapping with `title`, `date`, `severity`, …',
    note: 'Run `postmortem new "Title"` for a filled-in starting point.',
  });
}

function yamlErrorDiagnostic(source: YamlSource, error: YAMLError): Diagnostic {
  const duplicate = error.code === 'DUPLICATE_KEY';
  return createDiagnostic({
    file: source.file,
    ruleId: duplicate ? 'schema/duplicate-key' : 'schema/yaml-syntax',
    message: duplicate ? 'Duplicate key: each key may appear once in a mapping' : error.message.split('\n')[0] ?? 'YAML syntax error',
    span: spanOfRange(source, error.pos[0], error.pos[1]),
    note: duplicate ? 'Remove or rename one of the two keys.' : undefined,
  });
}

function forbiddenKeyDiagnostics(source: YamlSource): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(source.document, {
    Pair(_, pair) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) {
        found.push(
          createDiagnostic({
            file: source.file,
            ruleId: 'schema/forbidden-key',
            message: `The key \`${key.value}\` is not allowed`,
            span: spanOfNode(source, key),
            note: 'Keys that name JavaScript object internals are refused to keep parsing safe.',
          }),
        );
      }
    },
  });
  return found;
}

/** Line and column (1-based) of a character range in the parsed text. */
export function spanOfRange(source: Pick<YamlSource, 'lineCounter'>, start: number, end: number): SourceSpan {
  const from = source.lineCounter.linePos(start);
  const to = source.lineCounter.linePos(Math.max(end, start));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

export function spanOfNode(source: Pick<YamlSource, 'lineCounter'>, node: Node | Pair): SourceSpan | null {
  const range = isPair(node) ? (node.key as Node | null)?.range : node.range;
  if (!range) return null;
  return spanOfRange(source, range[0], range[1]);
}

/**
 * The node at a field path, or the nearest ancestor that exists, so a missing
 * field is reported where it should have been written.
 */
export function nodeAtPath(source: YamlSource, path: FieldPath): { node: Node; exact: boolean } | null {
  let current: unknown = source.document.contents;
  for (let i = 0; i < path.length; i++) {
    const next = childOf(current, path[i]!);
    if (next === undefined) return isNode(current) ? { node: current, exact: false } : null;
    current = next;
  }
  return isNode(current) ? { node: current, exact: true } : null;
}

/** The key node of the last segment of a path (for unknown or misplaced keys). */
export function keyNodeAtPath(source: YamlSource, path: FieldPath): Node | null {
  const parent = nodeAtPath(source, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!parent?.exact || !isMap(parent.node) || last === undefined) return null;
  const pair = parent.node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
  return pair && isNode(pair.key) ? pair.key : null;
}

/** Where to point for a field path: its value, or its key, or the closest parent. */
export function locatePath(source: YamlSource | null, path: FieldPath, options: { key?: boolean } = {}): SourceSpan | null {
  if (!source) return null;
  if (options.key) {
    const key = keyNodeAtPath(source, path);
    if (key) return spanOfNode(source, key);
  }
  const found = nodeAtPath(source, path);
  if (!found) return { line: 1, column: 1 };
  if (!found.exact && path.length > 0) {
    // Point at the key that owns the parent mapping rather than its whole body.
    const parentKey = keyNodeAtPath(source, path.slice(0, -1));
    if (parentKey) return spanOfNode(source, parentKey);
  }
  return spanOfNode(source, found.node);
}

function childOf(node: unknown, segment: string | number): unknown {
  const resolved = isAlias(node) ? undefined : node;
  if (isMap(resolved)) {
    const pair = resolved.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? (pair.value ?? undefined) : undefined;
  }
  if (resolved && typeof segment === 'number' && typeof resolved === 'object' && 'items' in resolved) {
    const items = (resolved as { items: unknown[] }).items;
    return items[segment];
  }
  return undefined;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
