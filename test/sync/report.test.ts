import { expect, it } from 'vitest';
import { formatPlanLine } from '../../src/sync/report.js';

it('shows control characters from remote markers as ?', () => {
  const line = formatPlanLine({ kind: 'removed', issue: 7, incident: 'inc\u001b[31m', action: 'a\u0007b' });
  expect(line).toBe('removed    #7  inc?[31m/a?b is no longer in the YAML (--prune closes it)');
});
