/**
 * Keeps the check's one pull-request comment current through the client:
 * find the marked comment, then create, edit or leave it. A refusal (a fork's
 * read-only token answers 403) is a sentence for the summary, not a failure:
 * the annotations and the summary still carry every finding.
 *
 * @example
 * const note = await publishComment(github, 42, buildComment(report, runUrl));
 * if (note) report.notes.push(note);
 */
import type { PullRequestClient } from '../io/github/pull-request.js';
import { planComment } from './comment.js';

export type CommentOutcome = { done: 'created' | 'updated' | 'unchanged'; id: number | null } | { done: 'failed'; note: string };

export async function publishComment(github: PullRequestClient, pull: number, comment: { body: string; clear: boolean }): Promise<CommentOutcome> {
  const existing = await github.listComments(pull);
  if (!existing.ok) return { done: 'failed', note: refusal(pull, existing.status, 'read the comments of') };
  const plan = planComment(existing.value, comment);
  if (plan.kind === 'none') return { done: 'unchanged', id: null };
  const written = plan.kind === 'create' ? await github.createComment(pull, plan.body) : await github.updateComment(plan.id, plan.body);
  if (!written.ok) return { done: 'failed', note: refusal(pull, written.status, 'comment on') };
  return { done: plan.kind === 'create' ? 'created' : 'updated', id: written.value };
}

function refusal(pull: number, status: number | null, what: string): string {
  const why =
    status === 403 || status === 404
      ? 'the token may not write to it: a pull request from a fork gets a read-only token, and the workflow needs `pull-requests: write` to comment'
      : `GitHub answered ${status ?? 'nothing'}`;
  return `Could not ${what} pull request #${pull} (${why}). The annotations and this summary list every finding.`;
}
