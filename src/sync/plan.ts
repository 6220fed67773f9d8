/**
 * The pure heart of sync: given the action items of the incidents in scope
 * and the issues that carry the sync label, decide what to do, item by item.
 * No I/O here, so every decision (create, update, status merge, duplicates,
 * removed items) is tested with plain data, and `--dry-run` prints exactly
 * what a real run would do.
 *
 * @example
 * const ops = planSync(items, issues, { incidentLabelPrefix: 'incident:', prune: false });
 */
import type { ActionStatus } from '../incident/model.js';
import { buildIssueBody, buildIssueTitle, sameBody } from './issue-body.js';
import { incidentLabel } from './labels.js';
import { escapeIssueText } from '../render/escape.js';
import { markerKey, type Marker } from './marker.js';
import { issueStateOf, mergeStatus, remoteIssueState, type IssueState } from './status-merge.js';
import { assigneeOf, type SyncItem } from './sync-item.js';
import type { RepositoryInfo } from './tracker.js';

/** An issue as the planner needs it; `marker` is parsed from the body. */
export interface RemoteIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  assignees: string[];
  marker: Marker | null;
}

export interface IssuePatch {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  labels?: string[];
  assignees?: string[];
}

export interface IssueDraft {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

export type SyncOp =
  | { kind: 'create'; item: SyncItem; draft: IssueDraft; then: IssuePatch | null }
  | { kind: 'update'; item: SyncItem; issue: number; patch: IssuePatch; reasons: string[] }
  | { kind: 'unchanged'; item: SyncItem; issue: number }
  | { kind: 'conflict'; item: SyncItem; issue: number; message: string }
  | { kind: 'write-back'; item: SyncItem; issue: number; status: ActionStatus | null }
  | { kind: 'close'; issue: number; incident: string; action: string; reason: 'duplicate' | 'removed'; comment: string }
  | { kind: 'removed'; issue: number; incident: string; action: string };

export interface PlanOptions {
  /** The general label every synced issue carries. */
  label: string;
  incidentLabelPrefix: string;
  /** Close the issues of action items removed from the YAML. */
  prune: boolean;
  /**
   * Every incident id read in this run, including incidents left with no
   * action items, whose issues are then all "removed".
   */
  incidents?: readonly string[];
  /** Where the files are on the web, for the link in each issue body; null leaves the file name unlinked. */
  repository?: RepositoryInfo | null;
}

/**
 * Item ops in item order (write-backs before the update that depends on them),
 * then duplicate closes, then removed items.
 */
export function planSync(items: readonly SyncItem[], issues: readonly RemoteIssue[], options: PlanOptions): SyncOp[] {
  const { kept, duplicates } = groupByMarker(issues);
  const unmarked = new Map(issues.filter((issue) => !issue.marker && issue.labels.includes(options.label)).map((issue) => [issue.number, issue]));
  const ops: SyncOp[] = [];
  const byNumber = new Map([...kept.values()].map((issue) => [issue.number, issue]));
  for (const item of items) {
    const issue = kept.get(markerKey(item.incidentId, item.actionId)) ?? adoptUnmarked(item, unmarked);
    const claimed = issue ? undefined : claimedElsewhere(item, byNumber);
    if (claimed) ops.push(claimed);
    else ops.push(...(issue ? planExisting(item, issue, options) : [planCreate(item, options)]));
  }
  const inScope = new Set([...items.map((item) => item.incidentId), ...(options.incidents ?? [])]);
  const wanted = new Set(items.map((item) => markerKey(item.incidentId, item.actionId)));
  for (const issue of duplicates) {
    const marker = issue.marker!;
    if (!inScope.has(marker.incident) || issue.state === 'closed') continue;
    const keep = kept.get(markerKey(marker.incident, marker.action))!.number;
    const comment = `Duplicate of #${keep}: closed by \`postmortem sync\`, which keeps the lowest-numbered issue for each action item.`;
    ops.push({ kind: 'close', issue: issue.number, incident: marker.incident, action: marker.action, reason: 'duplicate', comment });
  }
  for (const [key, issue] of kept) {
    const marker = issue.marker!;
    if (!inScope.has(marker.incident) || wanted.has(key) || issue.state === 'closed') continue;
    const comment = `The action item \`${marker.action}\` was removed from the post-mortem; closed by \`postmortem sync --prune\`.`;
    ops.push(
      options.prune
        ? { kind: 'close', issue: issue.number, incident: marker.incident, action: marker.action, reason: 'removed', comment }
        : { kind: 'removed', issue: issue.number, incident: marker.incident, action: marker.action },
    );
  }
  return ops;
}

/** The lowest-numbered issue per marker is the item's issue; later ones are duplicates. */
function groupByMarker(issues: readonly RemoteIssue[]): { kept: Map<string, RemoteIssue>; duplicates: RemoteIssue[] } {
  const kept = new Map<string, RemoteIssue>();
  const duplicates: RemoteIssue[] = [];
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    if (!issue.marker) continue;
    const key = markerKey(issue.marker.incident, issue.marker.action);
    if (kept.has(key)) duplicates.push(issue);
    else kept.set(key, issue);
  }
  return { kept, duplicates };
}

/**
 * An issue that carries the sync label and the number in the item's `issue:`
 * but lost its marker (someone edited the body) is still the item's issue:
 * it is taken back, as if last synced with the YAML's status, and the marker
 * is restored. Without the label it might be anyone's issue, so it is not.
 */
/**
 * An item whose `issue: N` is the marked issue of another incident or action
 * (a file renamed without an `id:`, an id edited by hand) is left alone and
 * reported, instead of getting a second issue and losing the first.
 */
function claimedElsewhere(item: SyncItem, byNumber: ReadonlyMap<number, RemoteIssue>): SyncOp | undefined {
  const other = item.issue === null ? undefined : byNumber.get(item.issue);
  if (!other?.marker) return undefined;
  const message =
    `\`issue: ${other.number}\` is the issue of incident \`${other.marker.incident}\`, action \`${other.marker.action}\`; ` +
    `was the file renamed or the id changed? Set \`id: ${other.marker.incident}\` (and the action's old id) to keep the issue, or remove \`issue:\` to create a new one`;
  return { kind: 'conflict', item, issue: other.number, message };
}

function adoptUnmarked(item: SyncItem, unmarked: Map<number, RemoteIssue>): RemoteIssue | undefined {
  const issue = item.issue === null ? undefined : unmarked.get(item.issue);
  if (!issue) return undefined;
  unmarked.delete(issue.number);
  return { ...issue, marker: { incident: item.incidentId, action: item.actionId, status: item.status } };
}

function labelsFor(item: SyncItem, options: PlanOptions): string[] {
  return [options.label, incidentLabel(options.incidentLabelPrefix, item.incidentId)];
}

function planCreate(item: SyncItem, options: PlanOptions): SyncOp {
  const state = issueStateOf(item.status);
  // A closed item is created open and then closed, with the marker saying `open` until
  // the close: a crash in between then reads as "the YAML changed" and is finished, not undone.
  const bodyStatus = state === 'open' ? item.status : 'open';
  const assignee = assigneeOf(item.owner);
  const draft: IssueDraft = {
    title: buildIssueTitle(item),
    body: buildIssueBody(item, bodyStatus, options.repository ?? null),
    labels: labelsFor(item, options),
    assignees: assignee ? [assignee] : [],
  };
  const then = state === 'open' ? null : { body: buildIssueBody(item, item.status, options.repository ?? null), ...closeAs(state) };
  return { kind: 'create', item, draft, then };
}

function closeAs(state: IssueState): Pick<IssuePatch, 'state' | 'stateReason'> {
  if (state === 'open') return { state: 'open', stateReason: 'reopened' };
  return { state: 'closed', stateReason: state };
}

function planExisting(item: SyncItem, issue: RemoteIssue, options: PlanOptions): SyncOp[] {
  const base = issue.marker!.status;
  const current = remoteIssueState(issue.state, issue.stateReason);
  const merge = mergeStatus(item.status, base, current);
  const ops: SyncOp[] = [];
  let recorded: ActionStatus = base;
  const patch: IssuePatch = {};
  const reasons: string[] = [];
  if (merge.kind === 'conflict') {
    const message = `status conflict: the YAML changed \`${base}\` to \`${merge.yaml}\`, the issue changed to ${merge.issue.replace('_', ' ')}; left alone`;
    ops.push({ kind: 'conflict', item, issue: issue.number, message });
  } else if (merge.kind === 'pull') {
    recorded = merge.status;
  } else if (merge.kind === 'push' || merge.kind === 'record') {
    recorded = merge.status;
    if (merge.kind === 'push') Object.assign(patch, closeAs(issueStateOf(merge.status)));
    reasons.push(`status ${base} -> ${merge.status}`);
  }
  const writeBackStatus = merge.kind === 'pull' ? merge.status : null;
  if (writeBackStatus !== null || item.issue !== issue.number) {
    // Written before the marker changes: a crash in between then looks like agreement, not a YAML edit.
    ops.push({ kind: 'write-back', item, issue: issue.number, status: writeBackStatus });
  }
  if (merge.kind === 'pull') reasons.push(`status from the issue: ${merge.status}`);
  diffContent(item, issue, recorded, options, patch, reasons);
  if (Object.keys(patch).length > 0) ops.push({ kind: 'update', item, issue: issue.number, patch, reasons });
  else if (merge.kind !== 'conflict') ops.push({ kind: 'unchanged', item, issue: issue.number });
  return ops;
}

/** Title, body (which carries owner, deadline and the recorded status), labels and assignee. */
function diffContent(item: SyncItem, issue: RemoteIssue, recorded: ActionStatus, options: PlanOptions, patch: IssuePatch, reasons: string[]): void {
  const title = buildIssueTitle(item);
  if (title !== issue.title) {
    patch.title = title;
    reasons.push('title');
  }
  const body = buildIssueBody(item, recorded, options.repository ?? null);
  if (!sameBody(body, issue.body)) {
    patch.body = body;
    if (!reasons.some((r) => r.startsWith('status'))) reasons.push('body');
    // The assignee follows the owner only when the owner text changed, so a login
    // GitHub refuses does not turn every later run into a write.
    const assignee = assigneeOf(item.owner);
    if (assignee && !issue.assignees.includes(assignee) && ownerChanged(issue.body, item.owner)) patch.assignees = [assignee];
  }
  const missing = labelsFor(item, options).filter((label) => !issue.labels.includes(label));
  if (missing.length > 0) {
    patch.labels = [...issue.labels, ...missing];
    reasons.push('labels');
  }
}

function ownerChanged(body: string | null, owner: string | null): boolean {
  const line = /^- Owner: (.*)$/m.exec(body ?? '');
  return !line || line[1] !== (owner === null ? '_none_' : escapeIssueText(owner));
}

/**
 * Issue numbers written in the YAML whose issue the label listing did not
 * return (someone removed the label): worth one direct read each, so the
 * issue is adopted again rather than duplicated.
 */
export function missingIssueNumbers(items: readonly SyncItem[], issues: readonly RemoteIssue[]): number[] {
  const listed = new Set(issues.map((issue) => issue.number));
  const keys = new Set(issues.flatMap((issue) => (issue.marker ? [markerKey(issue.marker.incident, issue.marker.action)] : [])));
  return [
    ...new Set(
      items.filter((item) => item.issue !== null && !listed.has(item.issue) && !keys.has(markerKey(item.incidentId, item.actionId))).map((item) => item.issue!),
    ),
  ];
}
