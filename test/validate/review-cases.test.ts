/** Validation cases found by review: one diagnostic per problem, and none hidden by another. */
import { expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { checkIncident } from '../../src/validate/check-incident.js';

const incident = (type: string) =>
  `title: T\ndate: 2024-01-15\nseverity: SEV3\nsummary: S\nimpact:\n  description: D\ntimeline:\n  - time: "10:00"\n    event: E\n    type: ${type}\nroot_cause:\n  immediate: I\nresolution: R\naction_items: []\nlessons: [L]\n`;

it.each([
  ['strat', ['warning schema/event-type']],
  ['Detect', ['error schema/format']],
  ['deploy', []],
  ['rollback', []],
])('event type %s gives %j', (type, expected) => {
  const found = checkIncident('x.yaml', incident(type), DEFAULT_CONFIG).diagnostics.map((d) => `${d.severity} ${d.ruleId}`);
  expect(found).toEqual(expected);
});

it('reports problems in every list item, not only in the one whose shape fits no branch', () => {
  const yaml = incident('start').replace('lessons: [L]', 'lessons: [{title: t, detial: x}, 42]');
  const found = checkIncident('x.yaml', yaml, DEFAULT_CONFIG).diagnostics.map((d) => `${d.ruleId} ${d.path}`);
  expect(found).toEqual(['schema/unknown-field lessons[0].detial', 'schema/type lessons[1]']);
});
