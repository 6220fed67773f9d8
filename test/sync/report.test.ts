import { expect, it } from 'vitest';
import { formatPlanLine } from '../../src/sync/report.js';

it('shows control characters from remote markers escaped', () => {
  const line = formatPlanLine({ kind: 'removed', issue: 7, incident: 'inc\u001b[31m', action: 'a\u0007b' });
  expect(line).toBe('removed    #7  inc\\u001b[31m/a\\u0007b is no longer in the YAML (--prune closes it)');
});
