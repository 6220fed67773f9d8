/**
 * The normalised model as JSON for `show --format json` and scripts: every
 * time an absolute ISO 8601 instant, metrics in whole seconds with the
 * contract's snake_case names, `null` where events are missing.
 */
import type { Incident } from './model.js';

export function incidentToJson(incident: Incident): Record<string, unknown> {
  const { metrics, timeline, actionItems, rootCause, impact, ...rest } = incident;
  return {
    ...rest,
    impact: {
      description: impact.description,
      users_affected: impact.usersAffected,
      requests_failed_pct: impact.requestsFailedPct,
      revenue_loss: impact.revenueLoss,
      currency: impact.currency,
    },
    timeline: timeline.map((entry) => ({ time: entry.time, at: entry.instant.toISOString(), event: entry.event, type: entry.type })),
    root_cause: { immediate: rootCause.immediate, contributing_factors: rootCause.contributingFactors, five_whys: rootCause.fiveWhys },
    action_items: actionItems.map(({ index: _index, ...item }) => item),
    metrics: {
      time_to_detect: metrics.timeToDetect,
      time_to_acknowledge: metrics.timeToAcknowledge,
      time_to_mitigate: metrics.timeToMitigate,
      time_to_resolve: metrics.timeToResolve,
      duration: metrics.duration,
    },
  };
}
