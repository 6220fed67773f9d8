/**
 * Checks the template overrides of a user's templates folder before anything
 * renders with them: a Handlebars syntax error becomes a diagnostic naming the
 * template file, line and column (instead of an "internal error" mid-build),
 * and an override whose name matches no built-in template, which would be
 * ignored silently (`partials/timelin.hbs`), gets a warning with the nearest
 * name. Pure: the files come in as text.
 *
 * @example
 * checkTemplateOverrides([{ name: 'partials/timelin.hbs', file: 'templates/partials/timelin.hbs', text: '' }], ['report.hbs', 'partials/timeline.hbs'])
 * // → [warning build/unknown-template: … did you mean `partials/timeline.hbs`?]
 */
import Handlebars from 'handlebars';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';

export interface TemplateFile {
  /** The name inside the templates folder, forward slashes: `report.hbs`, `partials/timeline.hbs`, `report/tracker.hbs`. */
  name: string;
  /** The file as shown to the user (relative to the root). */
  file: string;
  text: string;
}

/** Syntax errors (errors) and unknown names (warnings) of the user's templates, in file order. */
export function checkTemplateOverrides(files: readonly TemplateFile[], builtInNames: readonly string[]): Diagnostic[] {
  const known = new Set(builtInNames);
  return files.flatMap((template) => (known.has(template.name) ? syntaxDiagnostics(template) : [unknownTemplate(template, builtInNames)]));
}

function unknownTemplate(template: TemplateFile, builtInNames: readonly string[]): Diagnostic {
  const guess = closest(template.name, builtInNames);
  return createDiagnostic({
    file: template.file,
    ruleId: 'build/unknown-template',
    severity: 'warning',
    message: `\`${template.name}\` matches no built-in template, so it is not used${guess ? `; did you mean \`${guess}\`?` : ''}`,
    expected: `one of ${builtInNames.map((name) => `\`${name}\``).join(', ')}`,
    actual: `\`${template.name}\``,
    suggestions: guess ? [guess] : [],
    note: 'An override replaces the built-in template of the same name; rename the file, or delete it.',
  });
}

function syntaxDiagnostics(template: TemplateFile): Diagnostic[] {
  try {
    Handlebars.parse(template.text);
    return [];
  } catch (error) {
    const { line, column, message } = parseErrorPosition(error);
    return [
      createDiagnostic({
        file: template.file,
        ruleId: 'build/template-syntax',
        span: line === null ? null : { line, column: column ?? 1 },
        message: `Handlebars syntax error in \`${template.name}\`: ${message}`,
        note: 'Fix the template (every `{{#block}}` needs its `{{/block}}`, every `{{` its `}}`), or delete the file to use the built-in one.',
      }),
    ];
  }
}

const UNEXPECTED: Readonly<Record<string, string>> = {
  EOF: 'the template ends inside a `{{ … }}` or a block',
  INVALID: 'unexpected text inside `{{ … }}`',
  CLOSE: 'unexpected `}}`',
};

/** Handlebars' own parser state, read right after a failed parse (it keeps the failing token's place). */
interface LexerState {
  Parser?: { lexer?: { yylloc?: { first_line?: number; first_column?: number } } };
}

/**
 * Line and column (1-based) of a Handlebars parse error, and its message on
 * one line. Mismatched blocks carry `lineNumber`/`column` (0-based column);
 * grammar errors only say "on line N" in their text, so the place comes from
 * the lexer's location of the token it failed on.
 */
function parseErrorPosition(error: unknown): { line: number | null; column: number | null; message: string } {
  const thrown = error as { message?: unknown; lineNumber?: unknown; column?: unknown };
  const text = typeof thrown.message === 'string' ? thrown.message : String(error);
  if (typeof thrown.lineNumber === 'number') {
    return { line: thrown.lineNumber, column: typeof thrown.column === 'number' ? thrown.column + 1 : null, message: text.replace(/ - \d+:\d+$/, '') };
  }
  const line = /on line (\d+)/.exec(text);
  const location = (Handlebars as unknown as LexerState).Parser?.lexer?.yylloc;
  const sameLine = line && location?.first_line === Number(line[1]) && typeof location.first_column === 'number';
  // The parser lists every token it would accept; the one it got says more to a template author.
  const got = /got '([A-Z_]+)'$/.exec(text)?.[1];
  const summary = text
    .split('\n')[0]!
    .replace(/ on line \d+[.:]?\s*/, ': ')
    .replace(/:\s*$/, '');
  return {
    line: line ? Number(line[1]) : null,
    column: sameLine ? location.first_column! + 1 : null,
    message: got ? `${summary}: ${UNEXPECTED[got] ?? `unexpected \`${got}\``}` : summary,
  };
}
