/**
 * The one pull-request comment the check keeps up to date. A hidden marker
 * finds it again on the next push, so it is edited in place rather than a
 * new comment per run; once the findings are gone it shrinks to "all clear".
 *
 * @example
 * const plan = planComment(existingComments, buildComment(report));
 * // → { kind: 'update', id: 17, body } | { kind: 'create', body } | { kind: 'none' }
 */
import { escapeBlock } from '../render/escape.js';
import { findingsTable, metricsTable } from './findings-table.js';
import { countFindings, describeCounts, type RunReport } from './summary.js';

/** HTML comments do not render: the marker is invisible on the pull request. */
export const COMMENT_MARKER = '<!-- postmortem-action:check -->';
/** GitHub refuses comment bodies over 65,536 characters; the table stops well before. */
const COMMENT_TABLE_BUDGET = 48 * 1024;

/** The author of comments made with the workflow's own `GITHUB_TOKEN`. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface ExistingComment {
  id: number;
  body: string | null;
  /** Login of the comment's author. */
  author: string | null;
}

export type CommentPlan = { kind: 'create'; body: string } | { kind: 'update'; id: number; body: string } | { kind: 'none'; reason: string };

/** The comment for a run: findings and metrics, or "all clear" when there are no errors or warnings. */
export function buildComment(report: RunReport, runUrl: string | null): { body: string; clear: boolean } {
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  const link = runUrl ? ` ([run](${runUrl}))` : '';
  if (problems.length === 0) {
    return {
      body: `${COMMENT_MARKER}\n### ✅ Post-mortem check: all clear\n\nNo errors or warnings in the ${report.files} changed file${report.files === 1 ? '' : 's'}${link}.\n`,
      clear: true,
    };
  }
  const table = findingsTable(problems, COMMENT_TABLE_BUDGET);
  const more = table.omitted > 0 ? `\n${table.omitted} more not listed here; the job summary${link} has them all.\n` : '';
  const notes = report.notes.map((note) => `> ${escapeBlock(note)}\n`).join('');
  const metrics = metricsTable(report.incidents);
  const body = [
    `${COMMENT_MARKER}\n### Post-mortem check: ${describeCounts(countFindings(problems))}${link}\n`,
    notes,
    `${table.markdown}${more}`,
    metrics ? `<details><summary>Metrics</summary>\n\n${metrics}\n</details>\n` : '',
  ].filter(Boolean);
  return { body: body.join('\n'), clear: false };
}

/**
 * Create, update or leave the comment. A clean run with no earlier comment
 * stays silent: "all clear" only replaces findings that were posted.
 */
export function planComment(existing: readonly ExistingComment[], comment: { body: string; clear: boolean }, botLogin = ACTIONS_BOT): CommentPlan {
  // Anyone can paste the marker; the bot's own comment wins over a copy.
  const marked = existing.filter((c) => c.body?.includes(COMMENT_MARKER));
  const ours = marked.find((c) => c.author === botLogin) ?? marked[0];
  if (!ours) return comment.clear ? { kind: 'none', reason: 'no findings and no earlier comment' } : { kind: 'create', body: comment.body };
  if (ours.body === comment.body) return { kind: 'none', reason: 'the comment is already current' };
  return { kind: 'update', id: ours.id, body: comment.body };
}
