/**
 * Metrics are computed on absolute instants from whole incident files:
 * across midnight, across a DST change, with mixed offsets, and `null` where
 * the events are missing.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { computeMetrics } from '../../src/incident/metrics.js';
import { checkIncident } from '../../src/validate/check-incident.js';

/** An incident with the given date, zone and timeline lines; everything else minimal. */
function incident(date: string, timezone: string, timeline: Array<[string, string]>): string {
  const entries = timeline.map(([time, type]) => `  - time: "${time}"\n    event: Something happened\n    type: ${type}\n`).join('');
  return `title: T\ndate: ${date}\ntimezone: ${timezone}\nseverity: SEV3\nsummary: S\nimpact:\n  description: D\ntimeline:\n${entries}root_cause:\n  immediate: I\nresolution: R\naction_items: []\nlessons: []\n`;
}

function metricsOf(text: string) {
  const checked = checkIncident('incident.yaml', text, DEFAULT_CONFIG);
  expect(checked.diagnostics.map(formatLine)).toEqual([]);
  return checked.incident!.metrics;
}

describe('metrics from incident files', () => {
  it.each([
    [
      'an incident spanning two days, "YYYY-MM-DD HH:MM" times',
      incident('2024-01-15', 'UTC', [
        ['23:50', 'start'],
        ['2024-01-16 00:05', 'detect'],
        ['2024-01-16 00:10', 'ack'],
        ['2024-01-16 01:20', 'mitigate'],
        ['2024-01-16 02:50', 'resolve'],
      ]),
      { timeToDetect: 900, timeToAcknowledge: 1_200, timeToMitigate: 5_400, timeToResolve: 10_800, duration: 10_800 },
    ],
    [
      'Berlin, across the autumn change: 01:30 CEST to 03:30 CET is three hours',
      incident('2024-10-27', 'Europe/Berlin', [
        ['01:30', 'start'],
        ['02:30', 'detect'],
        ['03:30', 'resolve'],
      ]),
      { timeToDetect: 3_600, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: 10_800, duration: 10_800 },
    ],
    [
      'Berlin, the repeated hour written twice: the first by default, the second by offset',
      incident('2024-10-27', 'Europe/Berlin', [
        ['02:10', 'start'],
        ['2024-10-27T02:05:00+01:00', 'resolve'],
      ]),
      { timeToDetect: null, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: 3_300, duration: 3_300 },
    ],
    [
      'New York, across the spring change: 01:30 EST to 03:30 EDT is one hour',
      incident('2024-03-10', 'America/New_York', [
        ['01:30', 'start'],
        ['03:30', 'resolve'],
      ]),
      { timeToDetect: null, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: 3_600, duration: 3_600 },
    ],
    [
      'mixed offsets: local New York times and ISO times from a UTC alerting system',
      incident('2024-01-15', 'America/New_York', [
        ['09:00', 'start'],
        ['2024-01-15T14:07:30Z', 'detect'],
        ['2024-01-15T15:30:00+01:00', 'mitigate'],
        ['10:00', 'resolve'],
      ]),
      { timeToDetect: 450, timeToAcknowledge: null, timeToMitigate: 1_800, timeToResolve: 3_600, duration: 3_600 },
    ],
    [
      'detected before user impact began: a negative time to detect',
      incident('2024-01-15', 'UTC', [
        ['10:00', 'detect'],
        ['10:05', 'start'],
        ['10:20', 'resolve'],
      ]),
      { timeToDetect: -300, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: 900, duration: 900 },
    ],
    [
      'no start event: every metric is missing, none guessed',
      incident('2024-01-15', 'UTC', [
        ['10:00', 'detect'],
        ['10:20', 'resolve'],
      ]),
      { timeToDetect: null, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: null, duration: null },
    ],
    [
      'the first event of each type counts',
      incident('2024-01-15', 'UTC', [
        ['10:00', 'start'],
        ['10:01', 'detect'],
        ['10:02', 'start'],
        ['10:09', 'detect'],
        ['10:30', 'resolve'],
      ]),
      { timeToDetect: 60, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: 1_800, duration: 1_800 },
    ],
  ])('%s', (_name, text, expected) => {
    expect(metricsOf(text)).toEqual(expected);
  });

  it('resolves each timeline time to an absolute instant in the model', () => {
    const checked = checkIncident(
      'i.yaml',
      incident('2024-07-01', 'Europe/Berlin', [
        ['10:00', 'start'],
        ['2024-07-02 00:30', 'resolve'],
      ]),
      DEFAULT_CONFIG,
    );
    expect(checked.incident!.timeline.map((e) => [e.time, e.instant.toISOString(), e.type])).toEqual([
      ['10:00', '2024-07-01T08:00:00.000Z', 'start'],
      ['2024-07-02 00:30', '2024-07-01T22:30:00.000Z', 'resolve'],
    ]);
  });

  it('orders the timeline by instant, not by wall clock', () => {
    // 09:30 in Berlin is 08:30Z: it reads later than 09:00 but happened half an hour before 09:00Z.
    const wrong = incident('2024-01-15', 'Europe/Berlin', [
      ['2024-01-15T09:00:00Z', 'start'],
      ['09:30', 'detect'],
    ]);
    expect(checkIncident('i.yaml', wrong, DEFAULT_CONFIG).diagnostics.map(formatLine)).toEqual([
      '12:11-12:18 error `09:30` is earlier than `2024-01-15T09:00:00Z` at `timeline[0].time`; the timeline must be in chronological order (timeline[1].time) schema/timeline-order',
    ]);
    const right = incident('2024-01-15', 'Europe/Berlin', [
      ['2024-01-15T09:00:00Z', 'start'],
      ['10:30', 'detect'],
    ]);
    expect(metricsOf(right).timeToDetect).toBe(1_800);
  });

  it('reports a time in the spring-forward gap and builds no model', () => {
    const checked = checkIncident(
      'i.yaml',
      incident('2024-03-31', 'Europe/Berlin', [
        ['01:30', 'start'],
        ['02:30', 'resolve'],
      ]),
      DEFAULT_CONFIG,
    );
    expect(checked.diagnostics.map((d) => `${d.path} ${d.ruleId}`)).toEqual(['timeline[1].time schema/time-nonexistent']);
    expect(checked.incident).toBeNull();
  });
});

describe('computeMetrics', () => {
  it('rounds to whole seconds', () => {
    const at = (iso: string) => new Date(iso);
    const metrics = computeMetrics([
      { type: 'start', instant: at('2024-01-15T10:00:00.000Z') },
      { type: 'resolve', instant: at('2024-01-15T10:00:01.600Z') },
    ]);
    expect(metrics.duration).toBe(2);
  });
});
