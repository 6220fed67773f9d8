/**
 * The tracker: every readable incident, trends, action-item follow-through,
 * clusters and policy findings, assembled from the normalised model. Pure:
 * the workflow reads the files and git history and passes them in, so the
 * same inputs and `today` always give the same report.
 *
 * @example
 * const report = buildTracker({ incidents, unreadable: [], publication: null, today: '2024-07-01', … });
 * report.action_items.overdue.length // → 2
 */
import { formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firstOfEachType } from '../incident/events.js';
import type { Incident } from '../incident/model.js';
import { metricsToJson } from '../incident/to-json.js';
import { localWallClock } from '../incident/time.js';
import type { IssueLinks } from '../render/issue-link.js';
import { groupFactors } from './factors.js';
import { buildFollowThrough, countActions } from './follow-through.js';
import { checkPolicies, type Policies } from './policies.js';
import { daysBetween, summarise } from './statistics.js';
import type { Cluster, IndexEntry, TrackerReport } from './tracker-types.js';
import { buildTrends } from './trends.js';

export interface TrackerInput {
  /** Incidents that passed validation, in any order. */
  incidents: readonly Incident[];
  /** The problems of files that could not be read; each file's first error is listed. */
  unreadable: readonly Diagnostic[];
  /**
   * File → the date of the first commit that set `status: published`
   * (null: never committed so); the whole map is null outside a git checkout.
   */
  publication: ReadonlyMap<string, string | null> | null;
  /** YYYY-MM-DD: the day overdue is counted against. */
  today: string;
  policies: Policies;
  /** The severity scale, worst first. */
  severities: readonly string[];
  /** File → link to its rendered report, relative to the tracker page. */
  reportLink: (file: string) => string;
  /** Where issue numbers link to, or null (no `sync.repo`). */
  issueLinks: IssueLinks | null;
}

/** Assembles the whole report. */
export function buildTracker(input: TrackerInput): TrackerReport {
  const incidents = [...input.incidents].sort(newestFirst);
  const entries = incidents.map((incident) => indexEntry(incident, input));
  const rank = new Map(incidents.map((incident, index) => [incident.id, index]));
  const newestIds = (ids: readonly string[]) => [...ids].sort((a, b) => rank.get(a)! - rank.get(b)!);
  return {
    as_of: input.today,
    totals: {
      incidents: entries.length,
      published: entries.filter((e) => e.status === 'published').length,
      in_review: entries.filter((e) => e.status === 'in-review').length,
      draft: entries.filter((e) => e.status === 'draft').length,
      unreadable: new Set(input.unreadable.map((d) => d.file)).size,
    },
    incidents: entries,
    trends: {
      months: buildTrends(entries, input.severities, 'month'),
      quarters: buildTrends(entries, input.severities, 'quarter'),
      review_lag_days: summarise(entries.map((e) => e.review_lag_days)),
    },
    action_items: buildFollowThrough(incidents, input.today, input.issueLinks),
    clusters: {
      services: clusters(incidents, (incident) => incident.services),
      tags: clusters(incidents, (incident) => incident.tags),
      factors: groupFactors(incidents.map((incident) => ({ incident: incident.id, factors: incident.rootCause.contributingFactors }))).map((group) => ({
        ...group,
        incidents: newestIds(group.incidents),
      })),
    },
    policy_violations: incidents.flatMap((incident) =>
      checkPolicies(incident, input.policies, input.today).map((finding) => ({
        incident: finding.incident,
        file: finding.file,
        rule_id: finding.ruleId,
        path: formatFieldPath(finding.path),
        message: finding.message,
      })),
    ),
    unreadable: firstErrorPerFile(input.unreadable),
  };
}

function indexEntry(incident: Incident, input: TrackerInput): IndexEntry {
  const { metrics } = incident;
  const fromGit = input.publication?.get(incident.file) ?? null;
  const published = incident.status !== 'published' ? null : (incident.publishedOn ?? fromGit);
  const resolved = firstOfEachType(incident.timeline).get('resolve');
  const resolvedOn = resolved ? localWallClock(resolved, incident.timezone).date : null;
  return {
    id: incident.id,
    file: incident.file,
    report: input.reportLink(incident.file),
    title: incident.title,
    date: incident.date,
    severity: incident.severity,
    status: incident.status,
    services: incident.services,
    tags: incident.tags,
    metrics: metricsToJson(metrics),
    published_on: published,
    published_from: published === null ? null : incident.publishedOn !== null ? 'field' : 'git',
    review_lag_days: published !== null && resolvedOn !== null ? daysBetween(resolvedOn, published) : null,
    action_items: countActions(incident.actionItems),
  };
}

function newestFirst(a: Incident, b: Incident): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Names shared by incidents, most incidents first; incident ids newest first. */
function clusters(incidents: readonly Incident[], namesOf: (incident: Incident) => readonly string[]): Cluster[] {
  const byName = new Map<string, string[]>();
  for (const incident of incidents) {
    for (const name of new Set(namesOf(incident))) {
      const list = byName.get(name);
      if (list) list.push(incident.id);
      else byName.set(name, [incident.id]);
    }
  }
  return [...byName.entries()]
    .map(([name, ids]) => ({ name, incidents: ids }))
    .sort((a, b) => b.incidents.length - a.incidents.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function firstErrorPerFile(diagnostics: readonly Diagnostic[]): TrackerReport['unreadable'] {
  const byFile = new Map<string, Diagnostic>();
  for (const diagnostic of diagnostics) {
    const known = byFile.get(diagnostic.file);
    if (!known || (known.severity !== 'error' && diagnostic.severity === 'error')) byFile.set(diagnostic.file, diagnostic);
  }
  return [...byFile.values()]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((d) => ({ file: d.file, line: d.line, column: d.column, rule_id: d.ruleId, message: d.message }));
}
