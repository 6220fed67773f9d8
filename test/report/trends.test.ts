/**
 * Trends per month and per quarter: the figures of each period against
 * hand-computed values, and the page's month section (the newest twelve
 * months, with a chart and a table of the same numbers).
 */
import { describe, expect, it } from 'vitest';
import { buildTrackerView, MONTHS_SHOWN } from '../../src/report/tracker-view.js';
import type { IndexEntry, TrackerReport } from '../../src/report/tracker-types.js';
import { buildTrends } from '../../src/report/trends.js';

const MIN = 60;

function entry(date: string, severity: string, detect: number | null, resolve: number | null, lag: number | null = null): IndexEntry {
  return {
    id: `${date}-${severity}`,
    file: `postmortems/${date}.yaml`,
    report: `${date}.md`,
    title: date,
    date,
    severity,
    status: 'published',
    services: [],
    tags: [],
    metrics: { time_to_detect: detect, time_to_acknowledge: null, time_to_mitigate: null, time_to_resolve: resolve, duration: resolve },
    published_on: null,
    published_from: null,
    review_lag_days: lag,
    action_items: { total: 0, open: 0, in_progress: 0, done: 0, wont_do: 0 },
  };
}

// Every expected value is worked out by hand: median = middle value (mean of the two middle ones), p90 = value at rank ⌈0.9·n⌉.
const ENTRIES = [
  entry('2024-01-05', 'SEV1', 5 * MIN, 60 * MIN, 3),
  entry('2024-01-20', 'SEV2', 15 * MIN, 120 * MIN, 10),
  entry('2024-01-31', 'SEV2', null, 30 * MIN), // no detect event: left out of time to detect only
  entry('2024-03-10', 'SEV3', 10 * MIN, 90 * MIN, 5),
  entry('2024-04-01', 'SEV1', 2 * MIN, 20 * MIN),
];

describe('trends against hand-computed values', () => {
  it.each([
    // January: detect [5, 15] → median 10, p90 rank ⌈1.8⌉ = 2 → 15; resolve [30, 60, 120] → median 60, p90 rank ⌈2.7⌉ = 3 → 120; lag [3, 10] → 6.5 / 10
    ['month', '2024-01', 3, { SEV1: 1, SEV2: 2, SEV3: 0 }, [2, 10 * MIN, 15 * MIN], [3, 60 * MIN, 120 * MIN], [2, 6.5, 10]],
    // February has no incident and is listed with zeros and unknown figures
    ['month', '2024-02', 0, { SEV1: 0, SEV2: 0, SEV3: 0 }, [0, null, null], [0, null, null], [0, null, null]],
    ['month', '2024-04', 1, { SEV1: 1, SEV2: 0, SEV3: 0 }, [1, 2 * MIN, 2 * MIN], [1, 20 * MIN, 20 * MIN], [0, null, null]],
    // Q1: detect [5, 10, 15] → 10 / 15; resolve [30, 60, 90, 120] → 75 / 120 (rank ⌈3.6⌉ = 4); lag [3, 5, 10] → 5 / 10
    ['quarter', '2024-Q1', 4, { SEV1: 1, SEV2: 2, SEV3: 1 }, [3, 10 * MIN, 15 * MIN], [4, 75 * MIN, 120 * MIN], [3, 5, 10]],
    ['quarter', '2024-Q2', 1, { SEV1: 1, SEV2: 0, SEV3: 0 }, [1, 2 * MIN, 2 * MIN], [1, 20 * MIN, 20 * MIN], [0, null, null]],
  ] as const)('%s %s', (kind, period, incidents, bySeverity, detect, resolve, lag) => {
    const trend = buildTrends(ENTRIES, ['SEV1', 'SEV2', 'SEV3'], kind).find((t) => t.period === period)!;
    const summary = ([count, median, p90]: readonly [number, number | null, number | null]) => ({ count, median, p90 });
    expect(trend).toMatchObject({
      incidents,
      by_severity: bySeverity,
      time_to_detect: summary(detect),
      time_to_resolve: summary(resolve),
      review_lag_days: summary(lag),
    });
  });

  it('lists every period between the first and the last, across a year end', () => {
    const periods = buildTrends([entry('2023-11-30', 'SEV1', null, null), entry('2024-02-01', 'SEV1', null, null)], ['SEV1'], 'month').map((t) => t.period);
    expect(periods).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});

describe('the month section of the page', () => {
  function reportOf(entries: IndexEntry[]): TrackerReport {
    const severities = ['SEV1', 'SEV2'];
    const none = { count: 0, median: null, p90: null };
    return {
      as_of: '2025-01-01',
      totals: { incidents: entries.length, published: entries.length, in_review: 0, draft: 0, unreadable: 0 },
      incidents: entries,
      trends: { months: buildTrends(entries, severities, 'month'), quarters: buildTrends(entries, severities, 'quarter'), review_lag_days: none },
      action_items: {
        counts: { total: 0, open: 0, in_progress: 0, done: 0, wont_do: 0 },
        completion_by_quarter: [],
        overdue: [],
        no_owner: [],
        no_deadline: [],
        declined: [],
      },
      clusters: { services: [], tags: [], factors: [] },
      policy_violations: [],
      unreadable: [],
    };
  }

  it(`shows the newest ${MONTHS_SHOWN} months, up to the newest incident, and says how many are left to the quarters and the JSON`, () => {
    // One incident a month from 2023-01 to 2024-03: fifteen months.
    const entries = Array.from({ length: 15 }, (_, i) =>
      entry(`${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`, 'SEV2', MIN, (i + 1) * MIN),
    );
    const view = buildTrackerView(reportOf(entries));
    expect(view.trends.perMonth).toMatchObject({ first: '2023-04', last: '2024-03', earlier: 3 });
    expect(view.trends.perMonth.rows.map((row) => row.period)).toHaveLength(MONTHS_SHOWN);
    expect(view.trends.perMonth.incidentsChart).toContain(
      'x-axis ["2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"]',
    );
    // The line of median minutes to resolve and its table carry the same numbers.
    expect(view.trends.perMonth.resolveChart).toContain('line [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]');
    expect(view.trends.perMonth.resolveRows.map((row) => row.minutes)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(view.trends.perQuarter).toMatchObject({ first: '2023-Q1', last: '2024-Q1', earlier: 0 });
  });

  it('shows every month when there are fewer than a year of them', () => {
    const view = buildTrackerView(reportOf([entry('2024-01-10', 'SEV1', MIN, MIN), entry('2024-03-10', 'SEV1', MIN, MIN)]));
    expect(view.trends.perMonth).toMatchObject({ first: '2024-01', last: '2024-03', earlier: 0 });
    expect(view.trends.perMonth.incidentsChart).toContain('bar [1, 0, 1]');
  });
});
