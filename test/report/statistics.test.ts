import { describe, expect, it } from 'vitest';
import { daysOverdue } from '../../src/report/follow-through.js';
import { completionRate, daysBetween, median, percentile90, quarterOf } from '../../src/report/statistics.js';

// Every expected value below is worked out by hand from the definitions in docs/report.md.
describe('tracker statistics against hand-computed values', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[3, 1, 2, 10], 2.5],
    [[60, 60, 120, 3600], 90],
    [[-120, 180, 300], 180],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [[], null],
    [[7], 7],
    // rank ⌈0.9 × 10⌉ = 9 → the 9th smallest
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 9],
    // rank ⌈0.9 × 4⌉ = 4 → the largest
    [[60, 60, 120, 3600], 3600],
    // rank ⌈0.9 × 20⌉ = 18
    [Array.from({ length: 20 }, (_, i) => (i + 1) * 60), 1080],
  ])('p90 of %j is %s', (values, expected) => {
    expect(percentile90(values)).toBe(expected);
  });

  it.each([
    [{ done: 0, wontDo: 0, total: 0 }, null],
    [{ done: 3, wontDo: 1, total: 5 }, 0.75],
    [{ done: 0, wontDo: 2, total: 2 }, null],
    [{ done: 2, wontDo: 0, total: 2 }, 1],
    [{ done: 1, wontDo: 0, total: 3 }, 1 / 3],
  ])('completion rate of %j is %s', (counts, expected) => {
    expect(completionRate(counts)).toBe(expected);
  });

  it.each([
    ['2024-01-20', '2024-01-20', 0],
    ['2024-01-20', '2024-01-21', 1],
    ['2024-01-20', '2024-02-01', 12],
    // 2024 is a leap year: Feb has 29 days
    ['2024-02-28', '2024-03-01', 2],
    // a clock change in between does not make a day shorter
    ['2024-03-30', '2024-04-02', 3],
    ['2024-12-31', '2025-01-01', 1],
    ['2024-07-10', '2024-07-01', -9],
  ])('deadline %s is %i days overdue on %s', (deadline, today, expected) => {
    expect(daysOverdue(deadline, today)).toBe(expected);
    expect(daysBetween(deadline, today)).toBe(expected);
  });

  it.each([
    ['2024-01-01', '2024-Q1'],
    ['2024-03-31', '2024-Q1'],
    ['2024-04-01', '2024-Q2'],
    ['2024-12-31', '2024-Q4'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });
});
