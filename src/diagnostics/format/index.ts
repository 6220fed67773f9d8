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

export interface FormatOptions {
  /** Colours for a terminal (text only). */
  colour?: boolean;
  /** Where the docs the diagnostics name are, as the reader sees them ("node_modules/postmortems/docs/"); `docs/` when left out. */
  docsFolder?: string;
}

/** The diagnostics as one string in `format`; `colour` only affects text. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, options: FormatOptions = {}): string {
  const shown = options.docsFolder && options.docsFolder !== 'docs/' ? diagnostics.map((d) => relocateDocs(d, options.docsFolder!)) : diagnostics;
  switch (format) {
    case 'sarif':
      return formatSarif(shown);
    case 'json':
      return formatJson(shown);
    case 'github':
      return formatGithub(shown);
    case 'text':
      return formatText(shown, options);
  }
}

/** "docs/format.md", "docs/rules.md#schemarequired", not inside a longer path ("src/docs/x.md"). */
const DOCS_PATH = /(?<![\w./-])docs\/(?=[\w-]+\.md)/g;

/** The diagnostic with its links and "see docs/…" pointers moved to `folder`. */
function relocateDocs(diagnostic: Diagnostic, folder: string): Diagnostic {
  const move = (text: string) => text.replace(DOCS_PATH, folder);
  const moved: Diagnostic = { ...diagnostic, message: move(diagnostic.message), suggestions: diagnostic.suggestions.map(move) };
  if (diagnostic.url !== undefined) moved.url = move(diagnostic.url);
  if (diagnostic.expected !== undefined) moved.expected = move(diagnostic.expected);
  if (diagnostic.note !== undefined) moved.note = move(diagnostic.note);
  return moved;
}
