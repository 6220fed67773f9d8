/**
 * The review gate: a pull request that moves an incident to
 * `status: published` needs approving reviews (`review.approvals` in the
 * config, per severity, default 1). Reviews are read as GitHub's own review
 * states: each reviewer's latest approving, change-requesting or dismissed
 * review counts (a later plain comment does not withdraw an approval), and
 * the pull request's author never approves their own post-mortem.
 *
 * @example
 * checkReviewGate([{ file, severity: 'SEV2', statusSpan }], reviews, { author: 'dana', approvalsFor: () => 1 });
 * // → [] when someone other than dana approved; else one `review/approvals` error on the `status:` line
 */
import { createDiagnostic, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';

/** An incident whose pull request sets `status: published` where the base branch did not. */
export interface PublishChange {
  file: string;
  severity: string;
  /** Where `status: published` is written, for the finding. */
  statusSpan: SourceSpan | null;
}

/** One submitted review, in the order GitHub lists them (oldest first). */
export interface Review {
  reviewer: string;
  /** GitHub's review state: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING. */
  state: string;
}

export interface GateOptions {
  /** Login of the pull request's author. */
  author: string;
  approvalsFor: (severity: string) => number;
}

/** States that change whether a reviewer approves; COMMENTED and PENDING leave it as it was. */
const DECISIVE = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** Reviewers whose latest decisive review approves, in the order they first reviewed; never the author. */
export function approvingReviewers(reviews: readonly Review[], author: string): string[] {
  const latest = new Map<string, string>();
  for (const review of reviews) {
    const state = review.state.toUpperCase();
    if (!DECISIVE.has(state)) continue;
    latest.set(review.reviewer.toLowerCase(), state);
  }
  const approved = new Set([...latest].filter(([, state]) => state === 'APPROVED').map(([who]) => who));
  approved.delete(author.toLowerCase());
  const names: string[] = [];
  for (const review of reviews) {
    const who = review.reviewer.toLowerCase();
    if (approved.has(who) && !names.some((n) => n.toLowerCase() === who)) names.push(review.reviewer);
  }
  return names;
}

/** One error per published incident that lacks approvals, on its `status:` line. */
export function checkReviewGate(changes: readonly PublishChange[], reviews: readonly Review[], options: GateOptions): Diagnostic[] {
  const approvers = approvingReviewers(reviews, options.author);
  return changes.flatMap((change) => {
    const needed = options.approvalsFor(change.severity);
    if (approvers.length >= needed) return [];
    const have = approvers.length === 0 ? 'none yet' : `${approvers.length} (${approvers.map((a) => `@${a}`).join(', ')})`;
    return [
      createDiagnostic({
        file: change.file,
        span: change.statusSpan,
        path: 'status',
        ruleId: 'review/approvals',
        message: `Publishing a ${change.severity} post-mortem needs ${needed} approving review${needed === 1 ? '' : 's'} on the pull request; it has ${have}`,
        expected: `${needed} approval${needed === 1 ? '' : 's'} from reviewers other than the author (@${options.author})`,
        note: 'Ask a reviewer to approve the pull request, then re-run the check; or keep `status: in-review` until it is approved.',
      }),
    ];
  });
}
