/**
 * Performs a plan through a `Tracker`, one operation at a time, so that one
 * failing item does not stop the others and every outcome is reported. The
 * order inside an item is what makes a crash at any point converge on rerun:
 * create, then write the issue number back, then close; write a pulled status
 * to the YAML before recording it in the issue's marker.
 *
 * @example
 * const results = await applySync(planSync(items, issues, options), tracker, { writeBack, progress });
 */
import type { ActionStatus } from '../incident/model.js';
import type { IssueDraft, IssuePatch, SyncOp } from './plan.js';
import type { SyncItem } from './sync-item.js';
import { TrackerError, type Tracker } from './tracker.js';

export type Outcome = 'created' | 'updated' | 'closed' | 'unchanged' | 'written-back' | 'conflict' | 'removed' | 'failed';

export interface OpResult {
  op: SyncOp;
  outcome: Outcome;
  /** The issue the op ended on (a created issue's new number). */
  issue: number | null;
  /** Something the user should know although the op succeeded (assignee dropped, …). */
  warnings: string[];
  /** Why it failed, or the conflict. */
  message: string | null;
}

export interface ApplyHooks {
  /** Writes `issue:` (and a status pulled from the issue) into the item's YAML, safely. */
  writeBack(item: SyncItem, issue: number, status: ActionStatus | null): Promise<void>;
  progress?(done: number, total: number): void;
}

/** How many times a create is attempted when each attempt ends ambiguously and the re-read finds nothing. */
const CREATE_ATTEMPTS = 5;

/** Applies `ops` in order; never throws for one item's failure (see the module comment for the order that makes crashes safe). */
export async function applySync(ops: readonly SyncOp[], tracker: Tracker, hooks: ApplyHooks): Promise<OpResult[]> {
  const results: OpResult[] = [];
  const failedItems = new Set<SyncItem>();
  await ensureLabelsOnce(ops, tracker);
  for (const [index, op] of ops.entries()) {
    // After a failed write-back the item's later ops must wait: recording a status in the
    // marker that the YAML never got would make the next run undo the change on GitHub.
    const result = 'item' in op && failedItems.has(op.item) ? skipped(op) : await applyOne(op, tracker, hooks);
    if (result.outcome === 'failed' && 'item' in op) failedItems.add(op.item);
    results.push(result);
    hooks.progress?.(index + 1, ops.length);
  }
  return results;
}

function skipped(op: SyncOp): OpResult {
  return { op, outcome: 'failed', issue: 'issue' in op ? op.issue : null, warnings: [], message: 'skipped: an earlier step for this item failed' };
}

async function ensureLabelsOnce(ops: readonly SyncOp[], tracker: Tracker): Promise<void> {
  const labels = new Set(ops.flatMap((op) => (op.kind === 'create' ? op.draft.labels : op.kind === 'update' ? (op.patch.labels ?? []) : [])));
  // GitHub also creates missing labels on issue creation; this only gives them a colour and description.
  if (labels.size > 0) await tracker.ensureLabels([...labels]).catch(() => undefined);
}

async function applyOne(op: SyncOp, tracker: Tracker, hooks: ApplyHooks): Promise<OpResult> {
  const result: OpResult = { op, outcome: 'unchanged', issue: 'issue' in op ? op.issue : null, warnings: [], message: null };
  try {
    switch (op.kind) {
      case 'create':
        await applyCreate(op, tracker, hooks, result);
        break;
      case 'update':
        await updateWithAssigneeFallback(tracker, op.issue, op.patch, result);
        result.outcome = 'updated';
        break;
      case 'write-back':
        await hooks.writeBack(op.item, op.issue, op.status);
        result.outcome = 'written-back';
        break;
      case 'close':
        await closeIssue(tracker, op.issue, op.reason);
        // Comment after closing: a crash in between loses a comment, never doubles one.
        await tracker.addComment(op.issue, op.comment).catch((error: unknown) => result.warnings.push(`closed, but the comment failed: ${describe(error)}`));
        result.outcome = 'closed';
        break;
      case 'conflict':
        result.outcome = 'conflict';
        result.message = op.message;
        break;
      case 'removed':
        result.outcome = 'removed';
        result.message = `issue #${op.issue} belongs to action \`${op.action}\`, which is no longer in the YAML (run with --prune to close it)`;
        break;
      case 'unchanged':
        break;
    }
  } catch (error) {
    result.outcome = 'failed';
    result.message = describe(error);
  }
  return result;
}

async function applyCreate(op: Extract<SyncOp, { kind: 'create' }>, tracker: Tracker, hooks: ApplyHooks, result: OpResult): Promise<void> {
  const issue = await createExactlyOnce(op.item, op.draft, tracker, result);
  result.issue = issue;
  result.outcome = 'created';
  await hooks.writeBack(op.item, issue, null);
  if (op.then) await tracker.updateIssue(issue, op.then);
}

/**
 * A create is never resent blindly: after an ambiguous failure the issues are
 * re-read for the marker, and only when it is absent is the create tried again.
 */
async function createExactlyOnce(item: SyncItem, draft: IssueDraft, tracker: Tracker, result: OpResult): Promise<number> {
  let current = draft;
  let lastError: unknown = null;
  for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
    try {
      return await tracker.createIssue(current);
    } catch (error) {
      lastError = error;
      if (error instanceof TrackerError && error.kind === 'invalid-assignee' && current.assignees.length > 0) {
        result.warnings.push(`created without assignee: GitHub refused \`${current.assignees.join(', ')}\` (not a collaborator?)`);
        current = { ...current, assignees: [] };
        attempt--;
        continue;
      }
      if (!(error instanceof TrackerError && error.kind === 'ambiguous')) throw error;
      const found = await tracker.findIssue(item.incidentId, item.actionId);
      if (found) return found.number;
    }
  }
  throw lastError;
}

async function closeIssue(tracker: Tracker, issue: number, reason: 'duplicate' | 'removed'): Promise<void> {
  try {
    await tracker.updateIssue(issue, { state: 'closed', stateReason: reason === 'duplicate' ? 'duplicate' : 'not_planned' });
  } catch (error) {
    // Servers that predate the `duplicate` reason refuse it with 422; not planned means the same to sync.
    if (!(reason === 'duplicate' && error instanceof TrackerError && error.status === 422)) throw error;
    await tracker.updateIssue(issue, { state: 'closed', stateReason: 'not_planned' });
  }
}

async function updateWithAssigneeFallback(tracker: Tracker, issue: number, patch: IssuePatch, result: OpResult): Promise<void> {
  try {
    await tracker.updateIssue(issue, patch);
  } catch (error) {
    if (!(error instanceof TrackerError && error.kind === 'invalid-assignee' && patch.assignees)) throw error;
    const { assignees, ...rest } = patch;
    result.warnings.push(`updated without assignee: GitHub refused \`${(assignees ?? []).join(', ')}\` (not a collaborator?)`);
    await tracker.updateIssue(issue, rest);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Counts for the closing summary line. */
export function summarize(results: readonly OpResult[]): Record<'created' | 'updated' | 'closed' | 'unchanged' | 'conflicts' | 'failed', number> {
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    created: count('created'),
    updated: count('updated'),
    closed: count('closed'),
    unchanged: count('unchanged'),
    conflicts: count('conflict'),
    failed: count('failed'),
  };
}
