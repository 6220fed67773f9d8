/**
 * The data a report template sees: every figure already formatted, times
 * shown in the incident's zone with its abbreviation, and user text left raw
 * for the escaping helpers (`md`, `cell`) to place safely. Pure.
 *
 * @example
 * const view = buildReportView(incident, { issueLinks: { repo: 'acme/platform', serverUrl: 'https://github.com' } });
 * view.metrics[0] // → { label: 'Time to detect', value: '3m', missing: false }
 */
import type { Incident } from '../incident/model.js';
import { METRIC_LABELS } from '../incident/metrics.js';
import { formatDuration, localWallClock, zoneAbbreviation } from '../incident/time.js';
import { buildPhaseDiagram } from './mermaid.js';
import type { RelatedIncident } from '../report/related.js';
import { markdownHref } from './escape.js';
import { issueUrl, type IssueLinks } from './issue-link.js';

export interface ReportOptions {
  /** The repository's issues: issue numbers become links when known. */
  issueLinks?: IssueLinks | null;
  /** Incidents sharing a service, tag or factor (computed by build over the folder), with links to their reports. */
  related?: ReadonlyArray<RelatedIncident & { link: string }>;
}

export interface ReportView {
  incident: Incident;
  durationText: string;
  impactFigures: string[];
  metrics: Array<{ label: string; value: string; missing: boolean }>;
  timeline: Array<{ when: string; type: string; event: string }>;
  timeZoneNote: string;
  diagram: string | null;
  resolutionSteps: string[] | null;
  resolutionText: string | null;
  actionItems: Array<{ action: string; owner: string; deadline: string; status: string; issue: string; issueUrl: string | null }>;
  investigation: Array<{ hypothesis: string; result: string; evidence: string }>;
  related: Array<{ title: string; date: string; link: string; shared: RelatedIncident['shared'] }>;
}

/** Which of the events a figure needs the timeline lacks, for "unknown (no `resolve` event)". */
function missingEvents(incident: Incident, needed: readonly string[]): string {
  const missing = needed.filter((type) => !incident.timeline.some((entry) => entry.type === type));
  const names = (missing.length ? missing : needed).map((type) => `\`${type}\``);
  return `no ${names.join(' and ')} event${names.length > 1 ? 's' : ''}`;
}

export function buildReportView(incident: Incident, options: ReportOptions = {}): ReportView {
  return {
    incident,
    durationText: incident.metrics.duration === null ? `unknown (${missingEvents(incident, ['start', 'resolve'])})` : formatDuration(incident.metrics.duration),
    impactFigures: impactFigures(incident),
    metrics: METRIC_LABELS.map(([key, label, event]) => {
      const seconds = incident.metrics[key];
      return seconds === null
        ? { label, value: `not recorded (needs \`start\` and \`${event}\` events)`, missing: true }
        : { label, value: formatDuration(seconds), missing: false };
    }),
    timeline: incident.timeline.map((entry) => ({
      when: formatWhen(entry.instant, incident),
      type: entry.type ?? '',
      event: entry.event,
    })),
    timeZoneNote: timeZoneNote(incident),
    diagram: buildPhaseDiagram(incident),
    resolutionSteps: incident.resolution.kind === 'steps' ? incident.resolution.steps : null,
    resolutionText: incident.resolution.kind === 'prose' ? incident.resolution.text : null,
    actionItems: incident.actionItems.map((item) => ({
      action: item.action,
      owner: item.owner ?? 'unassigned',
      deadline: item.deadline ?? 'none',
      status: item.status,
      issue: item.issue === null ? '' : `#${item.issue}`,
      issueUrl: issueUrl(options.issueLinks, item.issue),
    })),
    related: (options.related ?? []).map((other) => ({ title: other.title, date: other.date, link: markdownHref(other.link), shared: other.shared })),
    investigation: incident.investigation.map((item) => ({
      hypothesis: item.hypothesis,
      result: item.result ?? '',
      evidence: item.evidence ?? '',
    })),
  };
}

function impactFigures(incident: Incident): string[] {
  const { usersAffected, requestsFailedPct, revenueLoss, currency } = incident.impact;
  const figures: string[] = [];
  if (usersAffected !== null) figures.push(`Users affected: ${usersAffected.toLocaleString('en-US')}`);
  if (requestsFailedPct !== null) figures.push(`Requests failed: ${requestsFailedPct}%`);
  if (revenueLoss !== null) figures.push(`Revenue lost: ${revenueLoss.toLocaleString('en-US')}${currency ? ` ${currency}` : ''}`);
  return figures;
}

/** "10:03" on the incident's day, "Jan 16 02:30" on later days, with the zone abbreviation. */
function formatWhen(instant: Date, incident: Incident): string {
  const local = localWallClock(instant, incident.timezone);
  const clock = local.seconds === '00' ? local.time : `${local.time}:${local.seconds}`;
  const shown = local.date === incident.date ? clock : `${local.date} ${clock}`;
  return `${shown} ${zoneAbbreviation(instant, incident.timezone)}`;
}

/**
 * "Times are in America/Chicago (CST)." A timeline that crosses a clock
 * change names every abbreviation it uses, in order ("CDT/CST"), and says so:
 * naming only the first would mislabel the rest of the timeline.
 */
function timeZoneNote(incident: Incident): string {
  const instants = incident.timeline.length > 0 ? incident.timeline.map((entry) => entry.instant) : [new Date(`${incident.date}T00:00:00Z`)];
  const abbreviations = [...new Set(instants.map((instant) => zoneAbbreviation(instant, incident.timezone)))];
  if (abbreviations.length > 1)
    return `Times are in ${incident.timezone} (${abbreviations.join('/')}: the clocks changed during the timeline; each time shows its own).`;
  const [abbreviation] = abbreviations;
  return abbreviation === incident.timezone ? `Times are in ${incident.timezone}.` : `Times are in ${incident.timezone} (${abbreviation}).`;
}
