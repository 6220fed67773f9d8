/**
 * The one table of timeline event types: which types exist, which ones mark
 * the phases of a response (in order), which ones give a metric, and how "the
 * first of each type" is found. Metrics, the Mermaid phase chart, lint's
 * structure rules and validation all read it, so a new phase is added here once.
 */

/** Event types that mark the response phases, in the order they happen. */
export const PHASE_EVENT_TYPES = ['start', 'detect', 'ack', 'mitigate', 'resolve'] as const;

/** Every event type the format names; any other lowercase word is allowed too, with a hint. */
export const EVENT_TYPES = [...PHASE_EVENT_TYPES, 'deploy', 'action', 'note'] as const;

/** A phase-marking event type. */
export type PhaseEventType = (typeof PHASE_EVENT_TYPES)[number];

/** The event every metric and phase is measured from. */
export const ORIGIN_EVENT: PhaseEventType = 'start';

/**
 * One step of the response: the span from the previous phase event to `until`,
 * with the metric it gives and the labels a report shows for it.
 */
export interface Phase {
  /** The event that closes the phase. */
  until: Exclude<PhaseEventType, 'start'>;
  /** The key of the metric measured from `start` to `until`. */
  metric: 'timeToDetect' | 'timeToAcknowledge' | 'timeToMitigate' | 'timeToResolve';
  /** The metric's name in a rendered report. */
  metricLabel: string;
  /** The span's name in the phase chart. */
  chartLabel: string;
}

/** The phases after `start`, in order. */
export const PHASES: readonly Phase[] = [
  { until: 'detect', metric: 'timeToDetect', metricLabel: 'Time to detect', chartLabel: 'Until detected' },
  { until: 'ack', metric: 'timeToAcknowledge', metricLabel: 'Time to acknowledge', chartLabel: 'Until acknowledged' },
  { until: 'mitigate', metric: 'timeToMitigate', metricLabel: 'Time to mitigate', chartLabel: 'Until mitigated' },
  { until: 'resolve', metric: 'timeToResolve', metricLabel: 'Time to resolve', chartLabel: 'Until resolved' },
];

/**
 * The events a review needs so that detection and resolution, the two
 * headline metrics, can be computed (lint's `structure/metrics`).
 */
export const REQUIRED_METRIC_EVENTS: readonly PhaseEventType[] = ['detect', 'resolve'];

/**
 * The instant of the first event of each phase type; later events of the same
 * type are context, not a new phase.
 *
 * @example
 * firstOfEachType(incident.timeline).get('detect') // → Date | undefined
 */
export function firstOfEachType(timeline: ReadonlyArray<{ type: string | null; instant: Date }>): Map<PhaseEventType, Date> {
  const firsts = new Map<PhaseEventType, Date>();
  for (const entry of timeline) {
    const type = entry.type as PhaseEventType;
    if ((PHASE_EVENT_TYPES as readonly string[]).includes(type) && !firsts.has(type)) firsts.set(type, entry.instant);
  }
  return firsts;
}
