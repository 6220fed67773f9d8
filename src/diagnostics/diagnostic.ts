/**
 * The one problem type shared by validation (`schema/…`), lint (`blame/…`,
 * `structure/…`) and sync (`sync/…`). Every formatter (text, JSON, GitHub
 * workflow commands, SARIF) reads this shape and nothing else, so a rule only
 * has to say what it found once.
 *
 * @example
 * const d = createDiagnostic({
 *   file: 'postmortems/2024-01-15-checkout.yaml',
 *   ruleId: 'schema/required',
 *   message: 'Missing required field `title`',
 * });
 */
import { ruleEntry, type RuleId } from './catalogue.js';
export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column, as editors and GitHub annotations count them. */
export interface SourceSpan {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * A second place that explains a diagnostic: the first of two duplicate ids,
 * the earlier timeline entry an entry is out of order with.
 */
export interface DiagnosticCause {
  /** A file path, like `Diagnostic.file`. */
  file: string;
  line: number | null;
  column: number | null;
  /** What is at that place, in a few words. */
  message: string;
}

export interface Diagnostic {
  /** Always the path of one file (never a list of paths or an incident id); a related place goes in `cause`. */
  file: string;
  /** `null` for a problem with the whole file (unreadable, binary, …). */
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  severity: Severity;
  ruleId: string;
  message: string;
  /** Field path counted from 0, as in `timeline[3].time`; null when none applies. */
  path: string | null;
  /** Suggested rewrites or replacement values, best first. */
  suggestions: string[];
  /** What was expected and what was found, when the rule can say. */
  expected?: string;
  actual?: string;
  /** A hint on how to fix it. */
  note?: string;
  /** Where the rule is documented. */
  url?: string;
  /** A related place, when the problem involves two. */
  cause?: DiagnosticCause;
}

export type DiagnosticInit = Partial<Omit<Diagnostic, 'ruleId'>> &
  Pick<Diagnostic, 'file' | 'message'> & {
    /** Only ids of the catalogue compile. */
    ruleId: RuleId;
    span?: SourceSpan | null;
  };

/** Fills the defaults so that rules only state what they know; the docs URL comes from the catalogue. */
export function createDiagnostic(init: DiagnosticInit): Diagnostic {
  const { span, ...rest } = init;
  const diagnostic: Diagnostic = {
    file: rest.file,
    line: span?.line ?? rest.line ?? null,
    column: span?.column ?? rest.column ?? null,
    endLine: span?.endLine ?? rest.endLine ?? null,
    endColumn: span?.endColumn ?? rest.endColumn ?? null,
    severity: rest.severity ?? 'error',
    ruleId: rest.ruleId,
    message: rest.message,
    path: rest.path ?? null,
    suggestions: rest.suggestions ?? [],
  };
  if (rest.expected !== undefined) diagnostic.expected = rest.expected;
  if (rest.actual !== undefined) diagnostic.actual = rest.actual;
  if (rest.note !== undefined) diagnostic.note = rest.note;
  const url = rest.url ?? ruleEntry(rest.ruleId)?.url;
  if (url !== undefined) diagnostic.url = url;
  if (rest.cause !== undefined) diagnostic.cause = rest.cause;
  return diagnostic;
}

/** Path segments as used by the YAML document, rendered as `timeline[3].time`. */
export type FieldPath = ReadonlyArray<string | number>;

export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Orders diagnostics by file, then position, so every output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const lineA = a.line ?? 0;
  const lineB = b.line ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  const columnA = a.column ?? 0;
  const columnB = b.column ?? 0;
  if (columnA !== columnB) return columnA - columnB;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
