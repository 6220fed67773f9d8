/**
 * The response metrics of the contract, computed from the first timeline
 * event of each type, on absolute instants. A metric whose events are missing
 * is `null`: reported as missing, never guessed.
 *
 * @example
 * computeMetrics([{ type: 'start', instant: t0 }, { type: 'detect', instant: t1 }])
 * // → { timeToDetect: 180, timeToAcknowledge: null, … }
 */
import { firstOfEachType, ORIGIN_EVENT, PHASES, type Phase, type PhaseEventType } from './events.js';

export interface Metrics {
  /** detect − start, in whole seconds. */
  timeToDetect: number | null;
  /** ack − start. */
  timeToAcknowledge: number | null;
  /** mitigate − start. */
  timeToMitigate: number | null;
  /** resolve − start. */
  timeToResolve: number | null;
  /** Equal to time to resolve; the headline figure of a report. */
  duration: number | null;
}

/** Each metric with its report label and the event that closes it, in phase order (from `incident/events.ts`). */
export const METRIC_LABELS: ReadonlyArray<readonly [keyof Metrics, string, string]> = PHASES.map(
  (phase) => [phase.metric, phase.metricLabel, phase.until] as const,
);

/**
 * Metrics from timeline events already resolved to instants; the first event
 * of each type counts.
 *
 * @example
 * computeMetrics(incident.timeline).duration // → 2700
 */
export function computeMetrics(timeline: ReadonlyArray<{ type: string | null; instant: Date }>): Metrics {
  const firsts = firstOfEachType(timeline);
  const start = firsts.get(ORIGIN_EVENT);
  const since = (type: PhaseEventType) => {
    const at = firsts.get(type);
    return start && at ? Math.round((at.getTime() - start.getTime()) / 1000) : null;
  };
  // A plain loop, not Object.fromEntries over a mapped array: this runs once per incident in every command.
  const phases = {} as Record<Phase['metric'], number | null>;
  for (const phase of PHASES) phases[phase.metric] = since(phase.until);
  return { ...phases, duration: phases.timeToResolve };
}
