/**
 * Sync results as diagnostics: `file` is always a path. An op that belongs to a
 * whole incident (no action item) is placed on the incident's file, or on the
 * incidents folder when no file of this run holds that incident.
 */
import { describe, expect, it } from 'vitest';
import type { OpResult } from '../../src/sync/apply.js';
import { syncDiagnostics } from '../../src/sync/diagnostics.js';

const removed = (incident: string): OpResult => ({
  op: { kind: 'removed', issue: 7, incident, action: 'add-canary' },
  outcome: 'removed',
  issue: 7,
  warnings: [],
  message: null,
});
const files = new Map([['2024-01-15-checkout', 'postmortems/2024-01-15-checkout.yaml']]);
const fileOf = (incident: string) => files.get(incident) ?? 'postmortems';

describe('syncDiagnostics: where an incident-level result lands', () => {
  it.each([
    ['an incident read in this run', '2024-01-15-checkout', 'postmortems/2024-01-15-checkout.yaml'],
    ['an incident no file holds', '2023-02-01-gone', 'postmortems'],
  ])('%s', (_case, incident, file) => {
    const [d] = syncDiagnostics([removed(incident)], () => null, fileOf);
    expect(d).toEqual(expect.objectContaining({ file, ruleId: 'sync/removed', severity: 'warning' }));
    expect(d!.message).toContain(`incident \`${incident}\``);
  });
});
