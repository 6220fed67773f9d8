/** Custom `x-` data reaches `show --format json`; the library accepts what a JavaScript caller passes. */
import { describe, expect, it } from 'vitest';
import { lintProse } from '../../src/lint/prose.js';
import { edit } from '../validate/minimal.js';
import { folderWith, run } from './run-in-process.js';

describe('show --format json keeps x- keys where they were written', () => {
  it('top level, impact, root cause, timeline entries and action items', async () => {
    const text = edit(
      ['title: Checkout errors\n', 'title: Checkout errors\nx-jira: OPS-12\n'],
      ['  description: 5% of requests failed\n', '  description: 5% of requests failed\n  x-region: eu-west-1\n'],
      ['    type: start\n', '    type: start\n    x-source: pagerduty\n'],
      ['  immediate: A null pointer\n', '  immediate: A null pointer\n  x-component: cart\n'],
      ['  - action: Add a test\n', '  - action: Add a test\n    x-points: 3\n'],
    );
    const dir = await folderWith({ 'postmortems/2024-01-15-checkout.yaml': text });
    const result = await run(dir, ['show', 'postmortems/2024-01-15-checkout.yaml', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, any>;
    expect(json['x-jira']).toBe('OPS-12');
    expect(json.impact['x-region']).toBe('eu-west-1');
    expect(json.timeline[0]['x-source']).toBe('pagerduty');
    expect(json.root_cause['x-component']).toBe('cart');
    expect(json.action_items[0]['x-points']).toBe(3);
  });
});

describe('lintProse from JavaScript', () => {
  it.each([
    ['an empty options object', {}],
    ['no options at all', undefined],
  ])('accepts %s (no people known) and still finds blame', (_, options) => {
    const findings = lintProse('The outage happened because of human error.', options as never);
    expect(findings.map((f) => f.ruleId)).toEqual(['blame/human-error']);
  });
});
