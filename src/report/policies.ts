/**
 * The optional policies of `postmortem.config.yaml`: how late an action item
 * of each severity may be due, and how long an incident may stay `draft` or
 * `in-review`. One pure check serves both `validate` (a warning on the
 * incident, at the field) and the tracker (a list of what breaks them).
 *
 * @example
 * checkPolicies(incident, { actionDeadlineDays: { SEV1: 28 }, maxDaysInDraft: 14, maxDaysInReview: null }, '2024-03-01')
 * // → [{ ruleId: 'policy/action-deadline', path: ['action_items', 0, 'deadline'], … }]
 */
import type { FieldPath } from '../diagnostics/diagnostic.js';
import type { Incident } from '../incident/model.js';
import type { Policies } from '../config/config.js';
import { addDays, daysBetween } from './statistics.js';

export type { Policies } from '../config/config.js';
export { NO_POLICIES } from '../config/config.js';

export type PolicyRuleId = 'policy/action-deadline' | 'policy/draft-age' | 'policy/review-age';

export interface PolicyFinding {
  incident: string;
  file: string;
  ruleId: PolicyRuleId;
  /** Where in the incident file, for a positioned warning. */
  path: FieldPath;
  message: string;
}

/**
 * What one incident breaks. `today` (YYYY-MM-DD) is needed only for the
 * age limits; without it they are not checked.
 */
export function checkPolicies(incident: Incident, policies: Policies, today: string | null): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const found = (ruleId: PolicyRuleId, path: FieldPath, message: string) =>
    findings.push({ incident: incident.id, file: incident.file, ruleId, path, message });
  const allowed = policies.actionDeadlineDays[incident.severity];
  if (allowed !== undefined) {
    const latest = addDays(incident.date, allowed);
    for (const item of incident.actionItems) {
      if (item.deadline === null || item.deadline <= latest || item.status === 'done' || item.status === 'wont-do') continue;
      found(
        'policy/action-deadline',
        ['action_items', item.index, 'deadline'],
        `Deadline ${item.deadline} is later than the ${allowed} days allowed for ${incident.severity} action items (latest ${latest})`,
      );
    }
  }
  if (today === null) return findings;
  const age = daysBetween(incident.date, today);
  const limit = incident.status === 'draft' ? policies.maxDaysInDraft : incident.status === 'in-review' ? policies.maxDaysInReview : null;
  if (limit !== null && age > limit) {
    const ruleId = incident.status === 'draft' ? 'policy/draft-age' : 'policy/review-age';
    found(ruleId, ['status'], `Still \`${incident.status}\` ${age} days after the incident; the policy allows ${limit}`);
  }
  return findings;
}
