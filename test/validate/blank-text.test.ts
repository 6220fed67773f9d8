import { expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { checkIncident } from '../../src/validate/check-incident.js';

const incident = (summary: string) =>
  `title: T\ndate: 2024-01-15\nseverity: SEV3\nsummary: ${summary}\nimpact:\n  description: D\ntimeline:\n  - time: "10:00"\n    event: E\nroot_cause:\n  immediate: I\nresolution: R\naction_items: []\nlessons: [L]\n`;

it.each([
  ['""', '4:10-4:12 error `summary` must not be empty (summary) schema/empty'],
  ['"   "', '4:10-4:15 error `summary` must not be blank (it holds only white space) (summary) schema/empty'],
])('prose %s is one clear diagnostic', (summary, expected) => {
  expect(checkIncident('x.yaml', incident(summary), DEFAULT_CONFIG).diagnostics.map(formatLine)).toEqual([expected]);
});
