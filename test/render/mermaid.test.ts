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
    const chart = buildPhaseDiagram(incident('Europe/Berlin', '2024-01-15', [['10:00', 'start'], ['10:03', 'detect'], ['10:45', 'resolve']]));
    expect(chart).toContain('title Incident phases (Europe/Berlin)');
    expect(chart).toContain('Until detected :2024-01-15T10:00:00, 2024-01-15T10:03:00');
  });

  it('falls back to UTC when a clock change would make a bar run backwards', () => {
    // 02:30 CEST, then 02:10 CET (40 minutes later), then 02:50 CET.
    const chart = buildPhaseDiagram(
      incident('Europe/Berlin', '2024-10-27', [['02:30', 'start'], ['2024-10-27T02:10:00+01:00', 'detect'], ['2024-10-27T02:50:00+01:00', 'resolve']]),
    );
    expect(chart).toContain('title Incident phases (UTC)');
    expect(chart).toContain('Until detected :2024-10-27T00:30:00, 2024-10-27T01:10:00');
  });

  it('is left out without a start event', () => {
    expect(buildPhaseDiagram(incident('UTC', '2024-01-15', [['10:00', 'detect'], ['10:10', 'resolve']]))).toBeNull();
  });
});
