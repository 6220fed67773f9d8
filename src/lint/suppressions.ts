/**
 * Suppression comments: a way to say "this finding is understood" in the
 * file itself, so that it is reviewed with the text. A suppression that
 * suppresses nothing is itself reported, so stale ones do not pile up.
 *
 * YAML:     `# postmortem-disable-next-line blame/judgement`
 *           `# postmortem-disable [rules]` … `# postmortem-enable [rules]`
 * Markdown: `<!-- postmortem-disable-next-line [rules] -->`
 *           `<!-- postmortem-disable [rules] -->` … `<!-- postmortem-enable [rules] -->`
 *
 * @example
 * const list = parseDirectives([{ text: 'postmortem-disable-next-line blame/judgement', line: 3, column: 1, nextLine: 4 }]);
 * applySuppressions(file, diagnostics, list)
 */
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface Suppression {
  /** Rule ids or families (`blame`, `blame/*`); null means every rule. */
  rules: string[] | null;
  fromLine: number;
  toLine: number;
  line: number;
  column: number;
  used: boolean;
}

/** A comment that may hold a directive, with the line the next-line form applies to. */
export interface DirectiveComment {
  text: string;
  line: number;
  column: number;
  /** The first line of content after the comment. */
  nextLine: number;
}

const DIRECTIVE = /^\s*postmortem-(disable-next-line|disable|enable)\b\s*([^]*?)\s*$/;

/** Pairs `disable`/`enable` comments into line ranges; a `disable` left open runs to `lastLine`. */
export function parseDirectives(comments: readonly DirectiveComment[], lastLine = Number.MAX_SAFE_INTEGER): Suppression[] {
  const done: Suppression[] = [];
  const open: Suppression[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const rules = match[2] ? match[2].split(/[\s,]+/).filter(Boolean) : null;
    const base = { rules, line: comment.line, column: comment.column, used: false };
    if (match[1] === 'disable-next-line') done.push({ ...base, fromLine: comment.nextLine, toLine: comment.nextLine });
    else if (match[1] === 'disable') open.push({ ...base, fromLine: comment.line, toLine: lastLine });
    else {
      for (let i = open.length - 1; i >= 0; i--) {
        const candidate = open[i]!;
        if (rules !== null && candidate.rules !== null && !candidate.rules.some((r) => rules.includes(r))) continue;
        candidate.toLine = comment.line;
        done.push(candidate);
        open.splice(i, 1);
      }
    }
  }
  return [...done, ...open];
}

/** YAML comments `# postmortem-…`, each applying to the next line that is neither blank nor a comment. */
export function yamlDirectives(text: string): DirectiveComment[] {
  const lines = text.split(/\r?\n/);
  const comments: DirectiveComment[] = [];
  lines.forEach((line, index) => {
    const at = line.indexOf('# postmortem-');
    if (at === -1 || (at > 0 && !/\s/.test(line[at - 1]!))) return;
    let next = index + 1;
    while (next < lines.length && /^\s*(#.*)?$/.test(lines[next]!)) next++;
    comments.push({ text: line.slice(at + 1), line: index + 1, column: at + 1, nextLine: next + 1 });
  });
  return comments;
}

/** `blame/judgement`, `blame` and `blame/*` all match `blame/judgement`. */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  const bare = pattern.endsWith('/*') ? pattern.slice(0, -2) : pattern;
  return ruleId === bare || ruleId.startsWith(`${bare}/`);
}

/** Drops suppressed lint diagnostics and reports suppressions that matched nothing. */
export function applySuppressions(file: string, diagnostics: readonly Diagnostic[], suppressions: readonly Suppression[]): Diagnostic[] {
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const lintRule = d.ruleId.startsWith('blame/') || d.ruleId.startsWith('structure/');
    const covering =
      lintRule && d.line !== null
        ? suppressions.filter((s) => d.line! >= s.fromLine && d.line! <= s.toLine && (s.rules === null || s.rules.some((r) => ruleMatches(r, d.ruleId))))
        : [];
    for (const s of covering) s.used = true;
    if (covering.length === 0) kept.push(d);
  }
  for (const s of suppressions) {
    if (s.used) continue;
    kept.push(
      createDiagnostic({
        file,
        ruleId: 'blame/unused-suppression',
        severity: 'warning',
        message: `This suppression (${s.rules?.join(', ') ?? 'all rules'}) matches no finding`,
        span: { line: s.line, column: s.column },
        note: 'Remove the comment, or fix the rule list.',
      }),
    );
  }
  return kept;
}
