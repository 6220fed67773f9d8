/**
 * Whether an incident is ready for its status: a `published` post-mortem
 * names its authors and holds none of the placeholder text `new` or `import`
 * wrote. That is an error once `published`, a warning while `in-review` (so
 * reviewers see what is left), and nothing for a `draft`, which is expected
 * to be unfinished.
 *
 * @example
 * checkReadiness({ status: 'published', summary: 'Describe what happened, the impact, and how it ended.' }, { file, source })
 * // → [schema/placeholder-text at summary, schema/no-authors at status]
 */
import { createDiagnostic, formatFieldPath, type Diagnostic, type FieldPath, type Severity } from '../diagnostics/diagnostic.js';
import { statusOrDefault } from '../incident/defaults.js';
import { isPlaceholderText } from '../incident/placeholders.js';
import { locatePath, nodeAtPath, spanOfRange, type YamlSource } from '../load/parse.js';

const READINESS_RULES: ReadonlySet<string> = new Set(['schema/placeholder-text', 'schema/no-authors']);

/** The rule ids of this check (lint shows them too). */
export function isReadinessRule(ruleId: string): boolean {
  return READINESS_RULES.has(ruleId);
}

const SEVERITY_BY_STATUS: Readonly<Record<string, Severity>> = { published: 'error', 'in-review': 'warning' };

export function checkReadiness(data: Record<string, unknown>, context: { file: string; source: YamlSource | null }): Diagnostic[] {
  const status = statusOrDefault(typeof data.status === 'string' ? data.status : null);
  const severity = SEVERITY_BY_STATUS[status];
  if (!severity) return [];
  const at = (path: FieldPath) => ({ file: context.file, severity, path: formatFieldPath(path), span: locatePath(context.source, path) });
  const found = placeholderPaths(data, []).map(({ path, text }) =>
    createDiagnostic({
      ...at(path),
      span: textSpan(context.source, path, text) ?? locatePath(context.source, path),
      ruleId: 'schema/placeholder-text',
      message: `\`${formatFieldPath(path)}\` still holds the placeholder text, but the post-mortem is \`${status}\``,
      expected: 'what actually happened, in your words',
      actual: `\`${text}\``,
      note: 'The placeholder comes from `postmortem new` (or `import`); replace it, or keep the incident `status: draft` until it is written.',
    }),
  );
  const authors = data.authors;
  if (!Array.isArray(authors) || authors.length === 0) {
    // Point at `authors:` when it is written (an empty list), else at the status that asks for them.
    const path = data.authors === undefined ? ['status'] : ['authors'];
    found.push(
      createDiagnostic({
        ...at(path),
        path: 'authors',
        ruleId: 'schema/no-authors',
        message: `The post-mortem is \`${status}\` but names no authors`,
        expected: 'authors: [the people who wrote it]',
        actual: data.authors === undefined ? 'no `authors`' : 'an empty list',
        note: 'Readers need to know whom to ask; list who wrote the post-mortem under `authors`.',
      }),
    );
  }
  return found;
}

type Found = { path: FieldPath; text: string };

/** Every string in `value` that is a placeholder left as written, with its path (`x-` keys are the user's own data). */
function placeholderPaths(value: unknown, path: FieldPath): Found[] {
  if (typeof value === 'string') return isPlaceholderText(value) ? [{ path, text: value.trim() }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholderPaths(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key.startsWith('x-') ? [] : placeholderPaths(item, [...path, key])));
}

/** The placeholder's own words in the file, past a block scalar's `>` header, when they are written on one line. */
function textSpan(source: YamlSource | null, path: FieldPath, text: string) {
  const range = source ? nodeAtPath(source, path)?.node.range : undefined;
  if (!source || !range) return null;
  const start = source.text.indexOf(text, range[0]);
  return start >= 0 && start < range[1] ? spanOfRange(source, start, start + text.length) : null;
}
