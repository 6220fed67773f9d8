/**
 * The shapes every stage after loading shares: the positioned YAML source and
 * the result of loading one file, with the loader's bounds. Types and
 * constants only, so `parse.ts`, `safety.ts` and `locate.ts` can all depend on
 * them without depending on each other in a cycle.
 */
import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Files above this are refused before parsing, whatever the config says: the
 * contract wants any accepted file to build in bounded memory, and a build of
 * a 4 MiB file peaked at 341–371 MB of RSS, under the 512 MB bound, where
 * 10 MiB took about 700 MB (`BENCH_FILE_KIB=4096 npm run bench -- file-size`,
 * and 10240).
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Aliases are allowed, but their expansion is bounded (yaml's own guard). */
export const MAX_ALIAS_COUNT = 100;

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
