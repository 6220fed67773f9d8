import { describe, expect, it } from 'vitest';
import { applySync } from '../../src/sync/apply.js';
import { buildIssueBody } from '../../src/sync/issue-body.js';
import { parseMarker } from '../../src/sync/marker.js';
import { planSync, type IssueDraft, type IssuePatch, type RemoteIssue } from '../../src/sync/plan.js';
import type { SyncItem } from '../../src/sync/sync-item.js';
import { TrackerError, type Tracker } from '../../src/sync/tracker.js';

/** Issues in memory; `fail` decides, per call, whether (and how) a create fails, after committing or not. */
class MemoryTracker implements Tracker {
  issues: RemoteIssue[] = [];
  calls: string[] = [];
  constructor(private fail: (call: string, draft?: IssueDraft) => { error: TrackerError; commit: boolean } | null = () => null) {}
  async listIssues() {
    return this.issues;
  }
  async getIssue(n: number) {
    return this.issues.find((i) => i.number === n) ?? null;
  }
  async findIssue(incident: string, action: string) {
    this.calls.push('find');
    return this.issues.find((i) => i.marker?.incident === incident && i.marker.action === action) ?? null;
  }
  async createIssue(draft: IssueDraft) {
    this.calls.push('create');
    const failure = this.fail('create', draft);
    if (failure?.commit !== false)
      this.issues.push({ number: this.issues.length + 1, ...draft, state: 'open', stateReason: null, marker: parseMarker(draft.body) });
    if (failure) throw failure.error;
    return this.issues.length;
  }
  async updateIssue(issue: number, patch: IssuePatch) {
    this.calls.push(`update #${issue} ${patch.stateReason ?? ''}`.trim());
    const failure = this.fail(`update ${patch.stateReason ?? ''}`);
    if (failure) throw failure.error;
  }
  async addComment() {}
  async ensureLabels() {}
}

const item = (actionId: string, owner: string | null = null): SyncItem => ({
  file: 'a.yaml',
  incidentId: 'inc',
  incidentTitle: 'T',
  severity: 'SEV1',
  date: '2024-01-01',
  index: 0,
  actionId,
  action: `Do ${actionId}`,
  owner,
  deadline: null,
  status: 'open',
  priority: null,
  type: null,
  issue: null,
});
const options = { label: 'postmortem-action', incidentLabelPrefix: 'incident:', prune: false };
const noWriteBack = { writeBack: async () => {} };

describe('applySync through an in-memory tracker', () => {
  it('an ambiguous create that was committed is found by its marker and not sent again', async () => {
    let first = true;
    const tracker = new MemoryTracker(() => (first ? ((first = false), { error: new TrackerError('ambiguous', 'reset'), commit: true }) : null));
    const results = await applySync(planSync([item('a')], [], options), tracker, noWriteBack);
    expect(tracker.calls).toEqual(['create', 'find']);
    expect(results[0]).toMatchObject({ outcome: 'created', issue: 1 });
  });

  it('an ambiguous create that was not committed is sent again after the re-read', async () => {
    let first = true;
    const tracker = new MemoryTracker(() => (first ? ((first = false), { error: new TrackerError('ambiguous', '502'), commit: false }) : null));
    await applySync(planSync([item('a')], [], options), tracker, noWriteBack);
    expect(tracker.calls).toEqual(['create', 'find', 'create']);
    expect(tracker.issues).toHaveLength(1);
  });

  it('a refused assignee: created without it, with a warning', async () => {
    const tracker = new MemoryTracker((_call, draft) =>
      draft?.assignees.length ? { error: new TrackerError('invalid-assignee', '422', 422), commit: false } : null,
    );
    const [result] = await applySync(planSync([item('a', '@mallory')], [], options), tracker, noWriteBack);
    expect(result).toMatchObject({ outcome: 'created', warnings: ['created without assignee: GitHub refused `mallory` (not a collaborator?)'] });
  });

  it('a definite failure fails that item only', async () => {
    const tracker = new MemoryTracker((_call, draft) =>
      draft?.title === 'Do b' ? { error: new TrackerError('failed', 'forbidden', 403), commit: false } : null,
    );
    const results = await applySync(planSync([item('a'), item('b'), item('c')], [], options), tracker, noWriteBack);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'failed', 'created']);
  });

  it('when writing a pulled status to the YAML fails, the marker is not updated either', async () => {
    const tracker = new MemoryTracker();
    const body = buildIssueBody(item('a'), 'open');
    const closed: RemoteIssue = {
      number: 1,
      title: 'Do a',
      body,
      state: 'closed',
      stateReason: 'completed',
      labels: ['postmortem-action', 'incident:inc'],
      assignees: [],
      marker: parseMarker(body),
    };
    const failingWrite = { writeBack: async () => Promise.reject(new Error('disk full')) };
    const results = await applySync(planSync([{ ...item('a'), issue: 1 }], [closed], options), tracker, failingWrite);
    expect(results.map((r) => [r.op.kind, r.outcome])).toEqual([
      ['write-back', 'failed'],
      ['update', 'failed'],
    ]);
    expect(tracker.calls).toEqual([]);
  });

  it('closing a duplicate falls back to not planned where `duplicate` is refused', async () => {
    const tracker = new MemoryTracker((call) => (call === 'update duplicate' ? { error: new TrackerError('failed', '422', 422), commit: false } : null));
    const body = buildIssueBody(item('a'), 'open');
    const issue = (number: number): RemoteIssue => ({
      number,
      title: 'Do a',
      body,
      state: 'open',
      stateReason: null,
      labels: ['postmortem-action', 'incident:inc'],
      assignees: [],
      marker: parseMarker(body),
    });
    const results = await applySync(planSync([{ ...item('a'), issue: 1 }], [issue(1), issue(2)], options), tracker, noWriteBack);
    expect(tracker.calls).toEqual(['update #2 duplicate', 'update #2 not_planned']);
    expect(results.map((r) => r.outcome)).toEqual(['unchanged', 'closed']);
  });
});
