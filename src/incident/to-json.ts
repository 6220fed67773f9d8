/**
 * The normalised model as JSON for `show --format json` and scripts: every
 * time an absolute ISO 8601 instant, metrics in whole seconds with the
 * contract's snake_case names, `null` where events are missing. Given the
 * input as written, custom `x-` keys come along at the level they were
 * written on (top, impact, root cause, each timeline entry and action item),
 * so custom data reaches downstream tools.
 *
 * @example
 * incidentToJson(checked.incident, checked.input)['x-jira'] // → 'OPS-12'
 */
import type { Metrics } from './metrics.js';
import type { Incident } from './model.js';

type Written = Readonly<Record<string, unknown>> | null | undefined;

export function incidentToJson(incident: Incident, input?: unknown): Record<string, unknown> {
  const { metrics, timeline, actionItems, rootCause, impact, publishedOn, ...rest } = incident;
  const written = (isRecord(input) ? input : {}) as Record<string, unknown>;
  const entries = (key: string, index: number): Written => {
    const list = written[key];
    return Array.isArray(list) && isRecord(list[index]) ? list[index] : null;
  };
  const json = {
    ...rest,
    published_on: publishedOn,
    impact: {
      description: impact.description,
      users_affected: impact.usersAffected,
      requests_failed_pct: impact.requestsFailedPct,
      revenue_loss: impact.revenueLoss,
      currency: impact.currency,
    },
    timeline: timeline.map((entry) => ({
      time: entry.time,
      at: entry.instant.toISOString(),
      event: entry.event,
      type: entry.type,
      ...extensionKeys(entries('timeline', entry.index)),
    })),
    root_cause: {
      immediate: rootCause.immediate,
      contributing_factors: rootCause.contributingFactors,
      five_whys: rootCause.fiveWhys,
      ...extensionKeys(written.root_cause as Written),
    },
    action_items: actionItems.map(({ index, ...item }) => ({ ...item, ...extensionKeys(entries('action_items', index)) })),
    metrics: metricsToJson(metrics),
    ...extensionKeys(written),
  };
  Object.assign(json.impact, extensionKeys(written.impact as Written));
  return json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `x-` keys of one written mapping, in the order written. */
function extensionKeys(mapping: Written): Record<string, unknown> {
  if (!isRecord(mapping)) return {};
  return Object.fromEntries(Object.entries(mapping).filter(([key]) => key.startsWith('x-')));
}

/** The metrics in the JSON shape every output shares (`show --format json`, the tracker's JSON): snake_case, whole seconds, null when unknown. */
export interface MetricsJson {
  time_to_detect: number | null;
  time_to_acknowledge: number | null;
  time_to_mitigate: number | null;
  time_to_resolve: number | null;
  duration: number | null;
}

/** @example metricsToJson(incident.metrics).duration // → 2700 */
export function metricsToJson(metrics: Metrics): MetricsJson {
  return {
    time_to_detect: metrics.timeToDetect,
    time_to_acknowledge: metrics.timeToAcknowledge,
    time_to_mitigate: metrics.timeToMitigate,
    time_to_resolve: metrics.timeToResolve,
    duration: metrics.duration,
  };
}
