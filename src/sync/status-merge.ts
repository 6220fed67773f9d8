/**
 * Three-way merge of an action item's status: the YAML, the issue, and the
 * status both agreed on at the last sync (kept in the issue's marker). A
 * change on one side wins; the same change on both sides is agreement; a
 * different change on both sides is a conflict, reported and left alone.
 *
 * @example
 * mergeStatus('open', 'open', 'completed'); // { kind: 'pull', status: 'done' }
 */
import type { ActionStatus } from '../incident/model.js';

/** What an issue can say about an item: GitHub has open, closed as completed, closed as not planned. */
export type IssueState = 'open' | 'completed' | 'not_planned';

export type StatusMerge =
  | { kind: 'same' }
  /** The YAML changed: the issue follows (and the marker records `status`). */
  | { kind: 'push'; status: ActionStatus }
  /** Only the marker needs `status` (both sides agree, or the change does not affect the issue's state). */
  | { kind: 'record'; status: ActionStatus }
  /** The issue changed: `status` is written back to the YAML, then recorded. */
  | { kind: 'pull'; status: ActionStatus }
  | { kind: 'conflict'; yaml: ActionStatus; issue: IssueState; base: ActionStatus };

/** The issue state an item status asks for (`in-progress` is an open issue). */
export function issueStateOf(status: ActionStatus): IssueState {
  if (status === 'done') return 'completed';
  if (status === 'wont-do') return 'not_planned';
  return 'open';
}

/** The issue's state as GitHub reports it (`duplicate` counts as not planned). */
export function remoteIssueState(state: string, stateReason: string | null): IssueState {
  if (state !== 'closed') return 'open';
  return stateReason === 'not_planned' || stateReason === 'duplicate' ? 'not_planned' : 'completed';
}

/** Decides what to do with the status of one item; see the module comment for the rules. */
export function mergeStatus(yaml: ActionStatus, base: ActionStatus, issue: IssueState): StatusMerge {
  const yamlChanged = yaml !== base;
  const issueChanged = issue !== issueStateOf(base);
  if (!yamlChanged && !issueChanged) return { kind: 'same' };
  if (yamlChanged && !issueChanged) {
    return issueStateOf(yaml) === issue ? { kind: 'record', status: yaml } : { kind: 'push', status: yaml };
  }
  if (!yamlChanged) return { kind: 'pull', status: statusFromIssue(issue) };
  return issueStateOf(yaml) === issue ? { kind: 'record', status: yaml } : { kind: 'conflict', yaml, issue, base };
}

/** Closed as completed -> done, closed as not planned -> wont-do, reopened -> open. */
export function statusFromIssue(issue: IssueState): ActionStatus {
  return issue === 'completed' ? 'done' : issue === 'not_planned' ? 'wont-do' : 'open';
}
