/**
 * Picks the formatter for `--format`. Every formatter reads the one
 * diagnostic type; adding a format is adding a case here.
 */
import type { Diagnostic } from '../diagnostic.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** `--format` of validate and lint, as the CLI contract lists them. */
export const DIAGNOSTIC_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** The diagnostics as one string in `format`; `colour` only affects text. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, options: { colour?: boolean } = {}): string {
  switch (format) {
    case 'sarif':
      return formatSarif(diagnostics);
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    case 'text':
      return formatText(diagnostics, options);
  }
}
