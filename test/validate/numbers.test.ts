import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { checkIncident } from '../../src/validate/check-incident.js';

const base = (impact: string, issue = '') =>
  `title: T\ndate: 2024-01-15\nseverity: SEV3\nsummary: S\nimpact:\n  description: D\n${impact}\ntimeline:\n  - time: "10:00"\n    event: E\nroot_cause:\n  immediate: I\nresolution: R\naction_items:\n  - action: A\n${issue}\nlessons: [L]\n`;

// YAML reads these as numbers that JSON Schema lets through; none is a usable figure.
describe('numbers that are not usable figures', () => {
  it.each([
    [
      'an infinite count',
      base('  users_affected: 1e400'),
      '7:19-7:24 error `impact.users_affected` must be a finite number below 2^53; found Infinity (impact.users_affected) schema/range',
    ],
    [
      'an infinite amount',
      base('  revenue_loss: .inf'),
      '7:17-7:21 error `impact.revenue_loss` must be a finite number; found Infinity (impact.revenue_loss) schema/range',
    ],
    [
      'an issue number past 2^53',
      base('', '    issue: 99999999999999999999'),
      '15:12-15:32 error `action_items[0].issue` must be a finite number below 2^53; found 100000000000000000000 (action_items[0].issue) schema/range',
    ],
  ])('%s', (_, yaml, expected) => {
    const lines = checkIncident('x.yaml', yaml.replace('\n\n', '\n'), DEFAULT_CONFIG).diagnostics.map(formatLine);
    expect(lines).toContain(expected);
  });

  it('accepts ordinary figures', () => {
    expect(checkIncident('x.yaml', base('  users_affected: 1200\n  revenue_loss: 50000.5'), DEFAULT_CONFIG).diagnostics).toEqual([]);
  });
});
