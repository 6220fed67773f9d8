import { describe, expect, it } from 'vitest';
import { buildIssueBody, buildIssueTitle } from '../../src/sync/issue-body.js';
import { parseMarker } from '../../src/sync/marker.js';
import { planSync, type RemoteIssue, type SyncOp } from '../../src/sync/plan.js';
import { mergeStatus, type IssueState } from '../../src/sync/status-merge.js';
import type { SyncItem } from '../../src/sync/sync-item.js';
import type { ActionStatus } from '../../src/incident/model.js';

const options = { label: 'postmortem-action', incidentLabelPrefix: 'incident:', prune: false };

function item(overrides: Partial<SyncItem> = {}): SyncItem {
  return {
    file: 'postmortems/2024-01-15-checkout.yaml',
    incidentId: '2024-01-15-checkout',
    incidentTitle: 'Checkout API returned 500 errors',
    severity: 'SEV2',
    date: '2024-01-15',
    index: 0,
    actionId: 'add-test',
    action: 'Add a test',
    owner: '@alice',
    deadline: '2024-01-20',
    status: 'open',
    priority: 'P1',
    type: 'prevent',
    issue: 7,
    ...overrides,
  };
}

/** The issue exactly as the last sync left it for `synced`, then changed by `changes`. */
function issueFor(synced: SyncItem, changes: Partial<RemoteIssue> = {}, number = 7): RemoteIssue {
  const body = buildIssueBody(synced, synced.status);
  const closed = synced.status === 'done' || synced.status === 'wont-do';
  return {
    number,
    title: buildIssueTitle(synced),
    body,
    state: closed ? 'closed' : 'open',
    stateReason: synced.status === 'done' ? 'completed' : synced.status === 'wont-do' ? 'not_planned' : null,
    labels: ['postmortem-action', 'incident:2024-01-15-checkout'],
    assignees: ['alice'],
    marker: parseMarker(body),
    ...changes,
  };
}

const kinds = (ops: SyncOp[]) => ops.map((op) => op.kind);

describe('mergeStatus: three-way merge against the status last synced', () => {
  it.each<[ActionStatus, ActionStatus, IssueState, string]>([
    ['open', 'open', 'open', 'same'],
    ['done', 'open', 'open', 'push done'],
    ['in-progress', 'open', 'open', 'record in-progress'],
    ['open', 'open', 'completed', 'pull done'],
    ['open', 'open', 'not_planned', 'pull wont-do'],
    ['done', 'done', 'open', 'pull open'],
    ['done', 'open', 'completed', 'record done'],
    ['wont-do', 'open', 'completed', 'conflict'],
    ['open', 'done', 'not_planned', 'conflict'],
  ])('yaml %s, base %s, issue %s -> %s', (yaml, base, issue, expected) => {
    const merge = mergeStatus(yaml, base, issue);
    expect('status' in merge ? `${merge.kind} ${merge.status}` : merge.kind).toBe(expected);
  });
});

describe('planSync', () => {
  it('creates an issue for an item without one, assigning the @owner and labelling it', () => {
    const [op] = planSync([item({ issue: null })], [], options);
    expect(op).toMatchObject({
      kind: 'create',
      draft: { title: 'Add a test', assignees: ['alice'], labels: ['postmortem-action', 'incident:2024-01-15-checkout'] },
      then: null,
    });
  });

  it('creates a done item open with an `open` marker, then closes it as completed', () => {
    const [op] = planSync([item({ issue: null, status: 'done' })], [], options);
    if (op?.kind !== 'create') throw new Error('expected a create');
    expect(parseMarker(op.draft.body)?.status).toBe('open');
    expect(op.then).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(parseMarker(op.then?.body)?.status).toBe('done');
  });

  it('leaves an item alone when nothing changed (no write at all)', () => {
    const synced = item();
    expect(kinds(planSync([synced], [issueFor(synced)], options))).toEqual(['unchanged']);
  });

  it.each<[string, Partial<SyncItem>, string[]]>([
    ['the action text', { action: 'Add two tests' }, ['title', 'body']],
    ['the deadline', { deadline: '2024-03-01' }, ['body']],
    ['the status in the YAML', { status: 'done' }, ['status open -> done']],
  ])('updates the issue when %s changes', (_what, change, reasons) => {
    const synced = item();
    const ops = planSync([{ ...synced, ...change }], [issueFor(synced)], options);
    expect(ops).toMatchObject([{ kind: 'update', issue: 7, reasons }]);
  });

  it('writes `done` back when the issue was closed as completed, before recording it in the marker', () => {
    const synced = item();
    const ops = planSync([synced], [issueFor(synced, { state: 'closed', stateReason: 'completed' })], options);
    expect(ops).toMatchObject([
      { kind: 'write-back', status: 'done' },
      { kind: 'update', reasons: ['status from the issue: done'] },
    ]);
  });

  it('reports a conflict and leaves the status alone', () => {
    const synced = item();
    const ops = planSync([{ ...synced, status: 'wont-do' }], [issueFor(synced, { state: 'closed', stateReason: 'completed' })], options);
    expect(kinds(ops)).toEqual(['conflict']);
  });

  it('finds the issue by its marker and writes back a missing issue number', () => {
    const synced = item();
    const ops = planSync([{ ...synced, issue: null }], [issueFor(synced)], options);
    expect(ops).toMatchObject([{ kind: 'write-back', issue: 7, status: null }, { kind: 'unchanged' }]);
  });

  it('keeps the lowest-numbered of duplicate issues and closes the others', () => {
    const synced = item();
    const ops = planSync([synced], [issueFor(synced, {}, 9), issueFor(synced, {}, 7)], options);
    expect(ops).toMatchObject([
      { kind: 'unchanged', issue: 7 },
      { kind: 'close', issue: 9, reason: 'duplicate' },
    ]);
  });

  it.each([
    [false, 'removed'],
    [true, 'close'],
  ])('an action removed from the YAML is reported (prune %s -> %s)', (prune, kind) => {
    const kept = item();
    const gone = item({ actionId: 'old-action', issue: 8 });
    const ops = planSync([kept], [issueFor(kept), issueFor(gone, {}, 8)], { ...options, prune });
    expect(ops.at(-1)).toMatchObject({ kind, issue: 8 });
  });

  it.each([
    [false, 'removed'],
    [true, 'close'],
  ])('an incident left with no action items has all its issues removed (prune %s -> %s)', (prune, kind) => {
    const gone = item({ actionId: 'old-action', issue: 8 });
    const ops = planSync([], [issueFor(gone, {}, 8)], { ...options, prune, incidents: [gone.incidentId] });
    expect(ops).toEqual([expect.objectContaining({ kind, issue: 8 })]);
  });

  it('reports an item whose issue number belongs to another incident (a renamed file) instead of creating a second issue', () => {
    const before = item({ incidentId: '2024-01-15-checkout', issue: 8 });
    const renamed = item({ incidentId: '2024-01-15-checkout-errors', issue: 8 });
    const ops = planSync([renamed], [issueFor(before, {}, 8)], options);
    expect(ops).toEqual([expect.objectContaining({ kind: 'conflict', issue: 8 })]);
    expect((ops[0] as { message: string }).message).toContain('Set `id: 2024-01-15-checkout`');
  });

  it('does not touch issues of incidents outside the run', () => {
    const other = item({ incidentId: 'another-incident', issue: 8 });
    expect(planSync([item({ issue: null })], [issueFor(other, {}, 8)], options).map((op) => op.kind)).toEqual(['create']);
  });
});
