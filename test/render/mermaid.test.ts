import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { buildPhaseDiagram } from '../../src/render/mermaid.js';
import { checkIncident } from '../../src/validate/check-incident.js';

function incident(timezone: string, date: string, times: [string, string][]) {
  const timeline = times.map(([time, type]) => `  - time: "${time}"\n    event: ${type} event\n    type: ${type}`).join('\n');
  const yaml = `title: T\ndate: ${date}\ntimezone: ${timezone}\nseverity: SEV3\nsummary: S\nimpact:\n  description: D\ntimeline:\n${timeline}\nroot_cause:\n  immediate: I\nresolution: R\naction_items: []\nlessons: [L]\n`;
  const checked = checkIncident('x.yaml', yaml, DEFAULT_CONFIG);
  expect(checked.diagnostics).toEqual([]);
  return checked.incident!;
}

describe('the phase chart', () => {
  it('uses the incident zone when wall-clock times run forward', () => {
    const chart = buildPhaseDiagram(
      incident('Europe/Berlin', '2024-01-15', [
        ['10:00', 'start'],
        ['10:03', 'detect'],
        ['10:45', 'resolve'],
      ]),
    );
    expect(chart).toContain('title Incident phases (Europe/Berlin)');
    expect(chart).toContain('Until detected :2024-01-15T10:00:00, 2024-01-15T10:03:00');
  });

  it.each([
    // 02:30 CEST, then 02:10 CET (40 minutes later), then 02:50 CET: the first phase would run backwards in wall-clock time.
    [
      'a phase that would run backwards',
      [
        ['02:30', 'start'],
        ['2024-10-27T02:10:00+01:00', 'detect'],
        ['2024-10-27T02:50:00+01:00', 'resolve'],
      ],
      ['Until detected :2024-10-27T02:30:00, 40m', 'Until resolved :2024-10-27T02:10:00, 2024-10-27T02:50:00'],
    ],
    // 02:30 CEST to 02:40 CET is 70 minutes, which wall-clock times would draw as 10.
    [
      'a phase that looks shorter than it was',
      [
        ['02:30', 'start'],
        ['2024-10-27T02:40:00+01:00', 'resolve'],
      ],
      ['Until resolved :2024-10-27T02:30:00, 70m'],
    ],
    // Spring forward: 01:50 CET to 03:10 CEST is 20 minutes.
    [
      'a phase across the skipped hour',
      [
        ['2024-03-31 01:50', 'start'],
        ['2024-03-31 03:10', 'resolve'],
      ],
      ['Until resolved :2024-03-31T01:50:00, 20m'],
    ],
  ] as Array<[string, [string, string][], string[]]>)('stays in local time, with the real length, for %s', (_name, times, rows) => {
    const chart = buildPhaseDiagram(incident('Europe/Berlin', times[0]![0].startsWith('2024-03') ? '2024-03-31' : '2024-10-27', times))!;
    expect(chart).toContain('title Incident phases (Europe/Berlin)');
    for (const row of rows) expect(chart).toContain(`    ${row}\n`.trimEnd());
  });

  it('is left out without a start event', () => {
    expect(
      buildPhaseDiagram(
        incident('UTC', '2024-01-15', [
          ['10:00', 'detect'],
          ['10:10', 'resolve'],
        ]),
      ),
    ).toBeNull();
  });
});
