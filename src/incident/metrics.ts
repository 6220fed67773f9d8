/**
 * The response metrics of the contract, computed from the first timeline
 * event of each type, on absolute instants. A metric whose events are missing
 * is `null`: reported as missing, never guessed.
 *
 * @example
 * computeMetrics([{ type: 'start', instant: t0 }, { type: 'detect', instant: t1 }])
 * // → { timeToDetect: 180, timeToAcknowledge: null, … }
 */
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

export const METRIC_LABELS: ReadonlyArray<readonly [keyof Metrics, string, string]> = [
  ['timeToDetect', 'Time to detect', 'detect'],
  ['timeToAcknowledge', 'Time to acknowledge', 'ack'],
  ['timeToMitigate', 'Time to mitigate', 'mitigate'],
  ['timeToResolve', 'Time to resolve', 'resolve'],
];

/**
 * Metrics from timeline events already resolved to instants; the first event
 * of each type counts.
 *
 * @example
 * computeMetrics(incident.timeline).duration // → 2700
 */
export function computeMetrics(timeline: ReadonlyArray<{ type: string | null; instant: Date }>): Metrics {
  const first = (type: string) => timeline.find((entry) => entry.type === type)?.instant ?? null;
  const start = first('start');
  const since = (type: string) => {
    const at = first(type);
    return start && at ? Math.round((at.getTime() - start.getTime()) / 1000) : null;
  };
  const timeToResolve = since('resolve');
  return {
    timeToDetect: since('detect'),
    timeToAcknowledge: since('ack'),
    timeToMitigate: since('mitigate'),
    timeToResolve,
    duration: timeToResolve,
  };
}
