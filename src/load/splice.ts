/**
 * Edits a YAML file by the source ranges of its nodes instead of
 * re-serialising the document, so comments, key order, quoting and folded
 * text stay exactly as written and a diff shows only what changed. The edited
 * text is parsed again and compared with the intended data before anyone
 * writes it. Used by sync's write-back and by any stage that adds to a file.
 *
 * @example
 * const text = applySplices(source.text, [{ at: 10, end: 12, text: '42' }]);
 * verifySplicedText(source.file, text, expectedData); // throws when it would not read back as intended
 */
import { parseYamlSource } from './parse.js';
import type { LoadResult } from './source.js';

/** Replace `text[at, end)` with `text`; `at === end` inserts. */
export interface Splice {
  at: number;
  end: number;
  text: string;
}

/** The text with every splice applied; splices must not overlap (applied from the end backwards). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.at - a.at)) result = result.slice(0, splice.at) + splice.text + result.slice(splice.end);
  return result;
}

/**
 * Throws unless `text` parses cleanly to `expected` (key order ignored), so the
 * caller writes nothing then. The re-parse is returned: it is the file as it
 * will be, and a caller holding a cache of loaded files keeps it.
 */
export function verifySplicedText(file: string, text: string, expected: unknown): LoadResult {
  const check = parseYamlSource(file, text);
  if (check.diagnostics.length > 0 || canonicalJson(check.data) !== canonicalJson(expected)) {
    throw new Error('the edited YAML would not read back as intended; nothing was written');
  }
  return check;
}

/** JSON with sorted keys: inserted keys change the order, not the meaning. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The line ending a file already uses, so inserted lines match it. */
export function lineEnding(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** A scalar as YAML: plain when it reads back as the same string, single-quoted otherwise (`'123'`, `'true'`). */
export function formatScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain = /^[A-Za-z][A-Za-z0-9_-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}
