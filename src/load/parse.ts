/**
 * Turns the bytes of one YAML file into plain data plus the parsed document,
 * which keeps every node's source range so that any later problem (schema,
 * lint, sync) can be mapped back to a line and column. Bad input never
 * throws: it becomes diagnostics, and `data` is null when nothing can be trusted.
 *
 * @example
 * const { data, source, diagnostics } = parseYamlSource('incident.yaml', bytes);
 */
import { isAlias, LineCounter, parseAllDocuments, visit, YAMLError } from 'yaml';
import type { Document, Node } from 'yaml';
import { createDiagnostic, formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkDocumentStructure, fieldPathOf } from './safety.js';
import { spanOfNode, spanOfRange } from './locate.js';
import { explainYamlMistake } from './yaml-mistakes.js';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES, type LoadResult, type YamlSource } from './source.js';

export { MAX_ALIAS_COUNT, MAX_FILE_BYTES } from './source.js';
export { keyNodeAtPath, locatePath, nodeAtPath, spanOfNode, spanOfRange } from './locate.js';

export type { LoadResult, YamlSource } from './source.js';

/**
 * Parses one file. YAML 1.2 core schema always, even under a `%YAML 1.1`
 * directive, so `10:03` stays the text "10:03" and `yes` stays "yes".
 *
 * @example
 * parseYamlSource('a.yaml', 'title: x\n').data // → { title: 'x' }
 */
export function parseYamlSource(file: string, input: string | Uint8Array): LoadResult {
  const decoded = typeof input === 'string' ? { text: input } : decodeUtf8(file, input);
  if ('diagnostic' in decoded) return { data: null, source: null, diagnostics: [decoded.diagnostic] };
  const hasBom = decoded.text.startsWith('\uFEFF');
  const text = hasBom ? decoded.text.slice(1) : decoded.text;
  if (text.length > MAX_FILE_BYTES) return { data: null, source: null, diagnostics: [fileTooLarge(file, text.length)] };
  const nul = text.indexOf('\0');
  if (nul !== -1) return { data: null, source: null, diagnostics: [binaryFile(file, nul)] };

  const lineCounter = new LineCounter();
  // uniqueKeys is off because yaml's check is quadratic; safety.ts does it in one pass.
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false, version: '1.2', schema: 'core' });
  const [document] = documents;
  if (!document) return { data: null, source: null, diagnostics: [emptyFile(file)] };
  const source: YamlSource = { file, text, hasBom, document, lineCounter };
  const diagnostics: Diagnostic[] = [];
  if (documents.length > 1) diagnostics.push(multiDocument(source, documents));
  // yaml reports one mistake once per colon (`title: a: b: c` gives two): one diagnostic per line and message.
  const seen = new Set<string>();
  // A tab used as indentation confuses the parser for the rest of the block: the errors it raises
  // after it are that one mistake again in other words, so only the tab lines are reported.
  const tabbed = document.errors.some((error) => error.code === 'TAB_AS_INDENT');
  for (const error of tabbed ? document.errors.filter((e) => e.code === 'TAB_AS_INDENT') : document.errors) {
    const diagnostic = yamlErrorDiagnostic(source, error);
    const key = `${diagnostic.line}\n${diagnostic.message}`;
    if (!seen.has(key)) diagnostics.push(diagnostic);
    seen.add(key);
  }
  if (document.errors.length === 0) diagnostics.push(...checkDocumentStructure(source));
  if (diagnostics.length > 0) return { data: null, source, diagnostics };
  if (document.contents === null) return { data: null, source, diagnostics: [emptyFile(file)] };
  const loaded = toPlainData(source);
  // `~`, `null` or an empty `---` document parse to a null value: as empty as no text at all.
  if (loaded.data == null && loaded.diagnostics.length === 0) return { data: null, source, diagnostics: [emptyFile(file)] };
  return loaded;
}

function toPlainData(source: YamlSource): LoadResult {
  try {
    return { data: source.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), source, diagnostics: [] };
  } catch (error) {
    // yaml throws when aliases expand past the bound (the "billion laughs" attack).
    const message = error instanceof Error ? error.message : String(error);
    const diagnostic = createDiagnostic({
      file: source.file,
      ruleId: 'schema/alias-limit',
      message: `YAML aliases expand too far (${message})`,
      ...firstAlias(source),
      expected: `at most ${MAX_ALIAS_COUNT} alias expansions`,
      note: 'Write the repeated values out instead of nesting aliases.',
    });
    return { data: null, source, diagnostics: [diagnostic] };
  }
}

/** Where the first alias is, with its field path: the place to start writing values out. */
function firstAlias(source: YamlSource): { span: ReturnType<typeof spanOfNode>; path: string | undefined } {
  let first: { node: Node; ancestors: readonly unknown[] } | null = null;
  visit(source.document, {
    Alias(_, alias, ancestors) {
      first = { node: alias, ancestors };
      return visit.BREAK;
    },
  });
  const found = first as { node: Node; ancestors: readonly unknown[] } | null;
  if (found === null || !isAlias(found.node)) return { span: null, path: undefined };
  const segments = fieldPathOf(found.ancestors, found.node);
  return { span: spanOfNode(source, found.node), path: segments.length > 0 ? formatFieldPath(segments) : undefined };
}

function multiDocument(source: YamlSource, documents: readonly Document.Parsed[]): Diagnostic {
  const start = documents[1]!.range[0];
  return createDiagnostic({
    file: source.file,
    ruleId: 'schema/multi-document',
    message: `Found ${documents.length} YAML documents; an incident file holds exactly one`,
    span: spanOfRange(source, start, start + 3),
    expected: 'one document',
    actual: `${documents.length} documents`,
    note: 'Split each incident into a file of its own, or remove the `---` separator.',
  });
}

// One decoder for every file: a non-streaming decode() starts afresh, and a new decoder per file was measurable over 10,000.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes strict UTF-8. On bad bytes the diagnostic gives the line and
 * column of the first one, found by decoding ever longer prefixes (streaming
 * mode, so a character cut at the prefix end does not count as an error).
 */
/**
 * The one UTF-8 decoder: bytes → text, or a diagnostic that says where the
 * first bad byte is. Refuses files over the size bound and binary files (a NUL
 * byte). A BOM is kept in the text; callers strip it.
 *
 * @example
 * decodeUtf8('notes.md', bytes) // → { text: '# Notes…' } or { diagnostic: schema/encoding at 3:7 }
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { diagnostic: Diagnostic } {
  if (bytes.byteLength > MAX_FILE_BYTES) return { diagnostic: fileTooLarge(file, bytes.byteLength) };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { diagnostic: binaryFile(file, nul) };
  try {
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    let before = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, offset));
    const line = before.split('\n').length;
    before = before.slice(before.lastIndexOf('\n') + 1);
    const column = before.length + 1;
    return {
      diagnostic: createDiagnostic({
        file,
        ruleId: 'schema/encoding',
        message: `The file is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0') ?? '??'} at offset ${offset})`,
        span: { line, column },
        expected: 'UTF-8 text',
        note: 'Save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`).',
      }),
    };
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0; // valid(low) holds
  let high = bytes.byteLength; // valid(high) fails (or fails only on a cut final character)
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (valid(middle)) low = middle;
    else high = middle;
  }
  return startOfCutCharacter(bytes, low) ?? low;
}

/** The prefix may end inside a multi-byte character that the next byte broke: the error starts at its lead byte. */
function startOfCutCharacter(bytes: Uint8Array, end: number): number | null {
  let lead = end - 1;
  while (lead >= 0 && end - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  const first = bytes[lead];
  if (first === undefined || first < 0xc0) return null;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2;
  return end - lead < length ? lead : null;
}

/**
 * A file past the size limit: the configured one (`max_file_bytes`, checked
 * before reading) or the loader's own ceiling, which no config raises.
 */
export function fileTooLarge(file: string, size: number, limit: number = MAX_FILE_BYTES): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: 'schema/file-too-large',
    message: `The file is ${size} bytes; incident files are limited to ${limit} bytes`,
    expected: `at most ${limit} bytes`,
    actual: `${size} bytes`,
    note: limit < MAX_FILE_BYTES ? `Raise \`max_file_bytes\` in postmortem.config.yaml if a real incident needs more (up to ${MAX_FILE_BYTES}).` : undefined,
  });
}

function binaryFile(file: string, offset: number): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: 'schema/binary',
    message: `This looks like a binary file (a NUL byte at offset ${offset}), not YAML text`,
    expected: 'UTF-8 text',
  });
}

function emptyFile(file: string): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: 'schema/empty-file',
    message: 'The file is empty; an incident file is a YAML mapping',
    expected: 'a mapping with `title`, `date`, `severity`, …',
    note: 'Run `postmortem new "Title"` for a filled-in starting point.',
  });
}

function yamlErrorDiagnostic(source: YamlSource, error: YAMLError): Diagnostic {
  const first = error.message.split('\n')[0] ?? 'YAML syntax error';
  const tooDeep = /call stack/i.test(first);
  const mistake = tooDeep ? null : explainYamlMistake(source.text, error);
  return createDiagnostic({
    file: source.file,
    ruleId: tooDeep ? 'schema/too-deep' : 'schema/yaml-syntax',
    message: tooDeep ? 'The YAML nests too deeply to read' : (mistake?.message ?? first),
    span: spanOfRange(source, error.pos[0], error.pos[1]),
    note: tooDeep ? 'An incident file needs only a few levels; check the brackets and indentation.' : mistake?.hint,
  });
}
