/**
 * Reliability trends per month and per quarter of the incident date:
 * incidents by severity, and the median and p90 of time to detect, mitigate
 * and resolve (seconds) and of review lag (days). Periods without incidents
 * between the first and the last are listed with zero, so charts keep a
 * true time axis.
 *
 * @example
 * buildTrends(entries, ['SEV1', 'SEV2'], 'month')[0]
 * // → { period: '2024-01', incidents: 2, by_severity: { SEV1: 1, SEV2: 1 }, time_to_detect: { count: 2, median: 240, p90: 300 }, … }
 */
import type { IndexEntry } from './tracker-types.js';
import { monthOf, quarterOf, summarise, type Summary } from './statistics.js';

export interface PeriodTrend {
  period: string;
  incidents: number;
  /** Every severity of the scale (and any other seen), in scale order. */
  by_severity: Record<string, number>;
  time_to_detect: Summary;
  time_to_mitigate: Summary;
  time_to_resolve: Summary;
  review_lag_days: Summary;
}

export type PeriodKind = 'month' | 'quarter';

/** Trends over index entries, oldest period first. */
export function buildTrends(entries: readonly IndexEntry[], severities: readonly string[], kind: PeriodKind): PeriodTrend[] {
  const periodOf = kind === 'month' ? monthOf : quarterOf;
  const groups = new Map<string, IndexEntry[]>();
  for (const entry of entries) {
    const period = periodOf(entry.date);
    const group = groups.get(period);
    if (group) group.push(entry);
    else groups.set(period, [entry]);
  }
  const scale = [...severities, ...[...new Set(entries.map((e) => e.severity))].filter((s) => !severities.includes(s)).sort()];
  return periodRange([...groups.keys()].sort(), kind).map((period) => {
    const group = groups.get(period) ?? [];
    const bySeverity: Record<string, number> = {};
    for (const severity of scale) bySeverity[severity] = 0;
    for (const entry of group) bySeverity[entry.severity] = (bySeverity[entry.severity] ?? 0) + 1;
    return {
      period,
      incidents: group.length,
      by_severity: bySeverity,
      time_to_detect: summarise(group.map((e) => e.metrics.time_to_detect)),
      time_to_mitigate: summarise(group.map((e) => e.metrics.time_to_mitigate)),
      time_to_resolve: summarise(group.map((e) => e.metrics.time_to_resolve)),
      review_lag_days: summarise(group.map((e) => e.review_lag_days)),
    };
  });
}

/** Every period from the first to the last of `sorted`, gaps included. */
function periodRange(sorted: readonly string[], kind: PeriodKind): string[] {
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const step = kind === 'month' ? 1 : 3;
  const toIndex = (period: string) => Number(period.slice(0, 4)) * 12 + (kind === 'month' ? Number(period.slice(5, 7)) - 1 : (Number(period.slice(6)) - 1) * 3);
  const toPeriod = (index: number) => {
    const year = Math.floor(index / 12);
    const month = index % 12;
    return kind === 'month' ? `${year}-${String(month + 1).padStart(2, '0')}` : `${year}-Q${month / 3 + 1}`;
  };
  const periods: string[] = [];
  for (let index = toIndex(first); index <= toIndex(last); index += step) periods.push(toPeriod(index));
  return periods;
}
