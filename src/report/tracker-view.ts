/**
 * What the tracker templates see: the report with every figure formatted
 * (durations for people, rates as percentages, "unknown" where a figure is
 * missing), links resolved, charts drawn, and user text left raw for the
 * escaping helpers (`cell`, `inline`) to place safely. Pure.
 *
 * @example
 * buildTrackerView(report).index.published[0] // → { date: '2024-06-02', title: '…', link: '2024-06-02-….md', … }
 */
import { formatDuration } from '../incident/time.js';
import { markdownHref } from '../render/escape.js';
import { barChart, lineChart, pieChart } from './charts.js';
import type { Summary } from './statistics.js';
import type { ActionRef, IndexEntry, TrackerReport } from './tracker-types.js';
import type { PeriodTrend } from './trends.js';

const UNKNOWN = 'unknown';
/** Incidents named per cluster; the rest are counted. */
export const MAX_LISTED = 10;
/** Months shown on the page (the newest, up to the month of the newest incident): a year, as a chart stays legible. */
export const MONTHS_SHOWN = 12;

const duration = (seconds: number | null) => (seconds === null ? UNKNOWN : formatDuration(seconds));
const days = (value: number | null) => (value === null ? UNKNOWN : `${Math.round(value * 10) / 10}d`);
const summaryText = (summary: Summary, format: (value: number | null) => string) =>
  summary.count === 0 ? UNKNOWN : `${format(summary.median)} / ${format(summary.p90)}`;

/**
 * `@name` in user text would link (and in comments, notify) a GitHub user;
 * a word joiner after the `@` keeps the text as written and mentions no one.
 */
export function withoutMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, '@\u2060');
}

function indexRow(entry: IndexEntry) {
  return {
    date: entry.date,
    title: withoutMentions(entry.title),
    link: markdownHref(entry.report),
    severity: entry.severity,
    status: entry.status,
    duration: duration(entry.metrics.duration),
    timeToDetect: duration(entry.metrics.time_to_detect),
    timeToMitigate: duration(entry.metrics.time_to_mitigate),
    services: withoutMentions(entry.services.join(', ')),
    actions: `${entry.action_items.open + entry.action_items.in_progress} / ${entry.action_items.total}`,
  };
}

function trendRow(trend: PeriodTrend, severities: readonly string[]) {
  return {
    period: trend.period,
    incidents: trend.incidents,
    severities: severities.map((severity) => trend.by_severity[severity] ?? 0),
    detect: summaryText(trend.time_to_detect, duration),
    mitigate: summaryText(trend.time_to_mitigate, duration),
    resolve: summaryText(trend.time_to_resolve, duration),
    reviewLag: summaryText(trend.review_lag_days, days),
  };
}

/**
 * One "per quarter" or "per month" section: its table rows, a bar chart of
 * incidents (the table's Incidents column), and a line of the median time
 * to resolve with its own table of minutes.
 */
function periodSection(kind: 'Quarter' | 'Month', trends: readonly PeriodTrend[], severities: readonly string[], earlier: number) {
  const per = kind.toLowerCase();
  const resolved = trends.filter((trend) => trend.time_to_resolve.median !== null);
  const minutes = (trend: PeriodTrend) => Math.round((trend.time_to_resolve.median! / 60) * 10) / 10;
  return {
    heading: `Per ${per}`,
    label: kind,
    severities,
    rows: trends.map((trend) => trendRow(trend, severities)),
    first: trends[0]?.period ?? null,
    last: trends.at(-1)?.period ?? null,
    earlier,
    incidentsChart: barChart(
      `Incidents per ${per}`,
      'Incidents',
      trends.map((trend) => [trend.period, trend.incidents]),
    ),
    resolveChart: lineChart(
      `Median time to resolve per ${per} (minutes)`,
      'Minutes',
      resolved.map((trend) => [trend.period, minutes(trend)]),
    ),
    resolveRows: resolved.map((trend) => ({ period: trend.period, minutes: minutes(trend) })),
  };
}

/** The view of the whole page. */
export function buildTrackerView(report: TrackerReport) {
  const byId = new Map(report.incidents.map((entry) => [entry.id, entry]));
  const incidentLink = (id: string) => ({ title: withoutMentions(byId.get(id)?.title ?? id), link: markdownHref(byId.get(id)?.report ?? '') });
  const severities = [...new Set(report.incidents.map((entry) => entry.severity))];
  const scale = report.trends.quarters[0] ? Object.keys(report.trends.quarters[0].by_severity) : severities;
  const shownScale = scale.filter((severity) => report.incidents.some((entry) => entry.severity === severity));
  // A cluster names its newest incidents; a page of thousands stays readable.
  const listed = (ids: readonly string[]) => ({
    count: ids.length,
    incidents: ids.slice(0, MAX_LISTED).map(incidentLink),
    more: Math.max(0, ids.length - MAX_LISTED),
  });
  const action = (ref: ActionRef) => ({
    ...ref,
    ...incidentLink(ref.incident),
    action: withoutMentions(ref.action),
    owner: withoutMentions(ref.owner ?? 'unassigned'),
    deadline: ref.deadline ?? 'none',
    issueText: ref.issue === null ? '' : `#${ref.issue}`,
  });
  const overdueByOwner = new Map<string, Array<ReturnType<typeof action> & { daysOverdue: number }>>();
  for (const item of report.action_items.overdue) {
    const owner = withoutMentions(item.owner ?? 'unassigned');
    const list = overdueByOwner.get(owner) ?? [];
    list.push({ ...action(item), daysOverdue: item.days_overdue });
    overdueByOwner.set(owner, list);
  }
  const quarters = report.trends.quarters;
  const months = report.trends.months.slice(-MONTHS_SHOWN);
  const counts = report.action_items.counts;
  return {
    report,
    asOf: report.as_of,
    totals: report.totals,
    empty: report.incidents.length === 0,
    index: {
      published: report.incidents.filter((entry) => entry.status === 'published').map(indexRow),
      unpublished: report.incidents.filter((entry) => entry.status !== 'published').map(indexRow),
    },
    trends: {
      severities: shownScale,
      quarters: quarters.map((trend) => trendRow(trend, shownScale)),
      months: months.map((trend) => trendRow(trend, shownScale)),
      perQuarter: periodSection('Quarter', quarters, shownScale, 0),
      // The page shows the newest months only; the JSON keeps every month, the quarters cover the rest.
      perMonth: periodSection('Month', months, shownScale, report.trends.months.length - months.length),
      reviewLag: summaryText(report.trends.review_lag_days, days),
      severityPie: pieChart(
        'Incidents by severity',
        shownScale.map((severity) => [severity, report.incidents.filter((e) => e.severity === severity).length]),
      ),
      severityRows: shownScale.map((severity) => ({ severity, incidents: report.incidents.filter((e) => e.severity === severity).length })),
    },
    followThrough: {
      counts,
      completion: report.action_items.completion_by_quarter.map((quarter) => ({
        ...quarter,
        rate: quarter.completion_rate === null ? 'n/a' : `${Math.round(quarter.completion_rate * 100)}%`,
      })),
      overdueCount: report.action_items.overdue.length,
      // Owners in the order of their oldest overdue item.
      overdueByOwner: [...overdueByOwner.entries()].map(([owner, items]) => ({ owner, items })),
      noOwner: report.action_items.no_owner.map(action),
      noDeadline: report.action_items.no_deadline.map(action),
      declined: report.action_items.declined.map((item) => ({ ...action(item), reason: withoutMentions(item.reason ?? 'no reason given') })),
    },
    clusters: {
      services: report.clusters.services.map((cluster) => ({ name: withoutMentions(cluster.name), ...listed(cluster.incidents) })),
      tags: report.clusters.tags.map((cluster) => ({ name: withoutMentions(cluster.name), ...listed(cluster.incidents) })),
      factors: report.clusters.factors.map((group) => ({
        factor: withoutMentions(group.factor),
        variants: group.variants.filter((variant) => variant !== group.factor).map(withoutMentions),
        ...listed(group.incidents),
      })),
    },
    policies: report.policy_violations.map((violation) => ({ ...violation, message: withoutMentions(violation.message), ...incidentLink(violation.incident) })),
    unreadable: report.unreadable.map((entry) => ({
      ...entry,
      file: withoutMentions(entry.file),
      message: withoutMentions(entry.message),
      where: entry.line === null ? '' : `${entry.line}:${entry.column ?? 1}`,
    })),
  };
}

export type TrackerView = ReturnType<typeof buildTrackerView>;
