/**
 * The normalised incident every later stage reads: defaults filled, severity
 * upper-cased, times resolved to instants, metrics computed. Written input
 * (`IncidentInput`) and this model are separate types on purpose: templates,
 * lint and sync never have to handle "maybe missing" or "maybe a string".
 */
import type { ACTION_STATUSES, ACTION_TYPES, INCIDENT_STATUSES, INVESTIGATION_RESULTS, IncidentInput, PRIORITIES } from '../validate/schema.js';
import { computeMetrics, type Metrics } from './metrics.js';
import { normaliseSeverity, statusOrDefault, timezoneOrDefault } from './defaults.js';
import { canonicalTimeZone } from './time.js';

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface TimelineEvent {
  index: number;
  /** As written, for messages. */
  time: string;
  instant: Date;
  event: string;
  type: string | null;
}

export interface ActionItem {
  index: number;
  id: string | null;
  action: string;
  owner: string | null;
  deadline: string | null;
  status: ActionStatus;
  priority: (typeof PRIORITIES)[number] | null;
  type: (typeof ACTION_TYPES)[number] | null;
  issue: number | null;
  /** Why a `wont-do` item is declined. */
  reason: string | null;
}

export interface Lesson {
  title: string;
  detail: string | null;
}

export type Resolution = { kind: 'prose'; text: string } | { kind: 'steps'; steps: string[] };

export interface Incident {
  /** Stable id: the `id` field, else the file name without `.yaml`. */
  id: string;
  file: string;
  title: string;
  date: string;
  timezone: string;
  severity: string;
  status: IncidentStatus;
  /** The `published_on` date, when written. */
  publishedOn: string | null;
  authors: string[];
  participants: string[];
  services: string[];
  tags: string[];
  summary: string;
  impact: {
    description: string;
    usersAffected: number | null;
    requestsFailedPct: number | null;
    revenueLoss: number | null;
    currency: string | null;
  };
  timeline: TimelineEvent[];
  rootCause: { immediate: string; contributingFactors: string[]; fiveWhys: string[] };
  investigation: Array<{ hypothesis: string; result: (typeof INVESTIGATION_RESULTS)[number] | null; evidence: string | null }>;
  resolution: Resolution;
  actionItems: ActionItem[];
  lessons: Lesson[];
  metrics: Metrics;
}

/** The incident id a file gets when it does not set `id`. */
export function incidentIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, '');
}

/**
 * Builds the model from input that passed validation; `instants` are the
 * resolved timeline times, in order.
 */
export function buildIncident(file: string, input: IncidentInput, instants: readonly Date[]): Incident {
  const timeline = input.timeline.map((entry, index) => ({
    index,
    time: entry.time,
    instant: instants[index]!,
    event: entry.event,
    type: entry.type ?? null,
  }));
  return {
    id: input.id ?? incidentIdFromFile(file),
    file,
    title: input.title,
    date: input.date,
    timezone: canonicalTimeZone(timezoneOrDefault(input.timezone)),
    severity: normaliseSeverity(input.severity),
    status: statusOrDefault(input.status),
    publishedOn: input.published_on ?? null,
    authors: input.authors ?? [],
    participants: input.participants ?? [],
    services: input.services ?? [],
    tags: input.tags ?? [],
    summary: input.summary,
    impact: {
      description: input.impact.description,
      usersAffected: input.impact.users_affected ?? null,
      requestsFailedPct: input.impact.requests_failed_pct ?? null,
      revenueLoss: input.impact.revenue_loss ?? null,
      currency: input.impact.currency ?? null,
    },
    timeline,
    rootCause: {
      immediate: input.root_cause.immediate,
      contributingFactors: input.root_cause.contributing_factors ?? [],
      fiveWhys: input.root_cause.five_whys ?? [],
    },
    investigation: (input.investigation ?? []).map((item) => ({
      hypothesis: item.hypothesis ?? '',
      result: item.result ?? null,
      evidence: item.evidence ?? null,
    })),
    resolution: typeof input.resolution === 'string' ? { kind: 'prose', text: input.resolution } : { kind: 'steps', steps: input.resolution },
    actionItems: input.action_items.map((item, index) => ({
      index,
      id: item.id ?? null,
      action: item.action,
      owner: item.owner ?? null,
      deadline: item.deadline ?? null,
      status: item.status ?? 'open',
      priority: item.priority ?? null,
      type: item.type ?? null,
      issue: item.issue ?? null,
      reason: item.reason ?? null,
    })),
    lessons: input.lessons.map((lesson) =>
      typeof lesson === 'string' ? { title: lesson, detail: null } : { title: lesson.title, detail: lesson.detail ?? null },
    ),
    metrics: computeMetrics(timeline),
  };
}
