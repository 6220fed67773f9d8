/** Completeness rules, on the data of a file (valid or not). */
import { describe, expect, it } from 'vitest';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { lintIncidentSource } from '../../src/lint/index.js';

const complete = [
  'impact: {description: 5% failed}',
  'timeline: [{time: "10:00", event: start, type: detect}, {time: "10:10", event: end, type: resolve}]',
  'root_cause: {immediate: x, contributing_factors: [y]}',
  'action_items: [{action: Add a test, owner: lee, deadline: 2024-01-20}]',
  'lessons: [z]',
].join('\n');
const structure = (text: string) =>
  lintIncidentSource('a.yaml', text)
    .filter((d) => d.ruleId.startsWith('structure/'))
    .map(formatLine);

it('a complete file has no structure findings', () => {
  expect(structure(complete)).toEqual([]);
});

describe('each missing piece', () => {
  it.each([
    [
      'owner and deadline',
      complete.replace('owner: lee, deadline: 2024-01-20', 'id: add-test'),
      [
        '4:17-4:23 warning Action item `add-test` has no `deadline` (action_items[0]) structure/action-deadline',
        '4:17-4:23 warning Action item `add-test` has no `owner` (action_items[0]) structure/action-owner',
      ],
    ],
    [
      'contributing factors',
      complete.replace(', contributing_factors: [y]', ''),
      ['3:1-3:11 warning No contributing factors: `root_cause.contributing_factors` is missing or empty (root_cause) structure/contributing-factors'],
    ],
    [
      'detect event',
      complete.replace('type: detect', 'type: start'),
      ['2:1-2:9 warning The timeline has no `type: detect` event, so time to detect cannot be computed (timeline) structure/metrics'],
    ],
    [
      'a number for the impact',
      complete.replace('5% failed', 'checkout failed'),
      [
        '1:1-1:7 warning The impact has no number: no `users_affected`, `requests_failed_pct`, `revenue_loss` or figure in the description (impact) structure/impact-number',
      ],
    ],
    [
      'lessons',
      complete.replace('lessons: [z]', 'lessons: []'),
      ['5:1-5:8 warning No lessons learned: `lessons` is missing or empty (lessons) structure/lessons'],
    ],
  ])('%s', (_, text, expected) => {
    expect(structure(text)).toEqual(expected);
  });
});
