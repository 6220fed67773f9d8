/**
 * Completeness rules (`structure/…`): what the validator lets through but a
 * useful review needs: owners and deadlines on actions, contributing
 * factors, the events that give metrics, a number for the impact, lessons.
 * Works on the plain data of the file, valid or not.
 *
 * @example
 * checkStructure({ action_items: [{ action: 'Add a test' }] })
 * // [{ ruleId: 'structure/action-owner', path: ['action_items', 0] }, …]
 */
import type { FieldPath } from '../../diagnostics/diagnostic.js';
import { REQUIRED_METRIC_EVENTS } from '../../incident/events.js';

export interface StructureFinding {
  ruleId: string;
  message: string;
  path: FieldPath;
  /** Point at the key of `path` rather than its value. */
  key: boolean;
  /** Where to point when it differs from `path` (the `action` key of an item). */
  at?: FieldPath;
}

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Every completeness finding for the plain data of one incident file. */
export function checkStructure(data: unknown): StructureFinding[] {
  if (!isRecord(data)) return [];
  return [...actionItems(data), ...contributingFactors(data), ...metricEvents(data), ...impactNumber(data), ...lessons(data)];
}

function actionItems(data: Data): StructureFinding[] {
  const items = Array.isArray(data.action_items) ? data.action_items : [];
  const found: StructureFinding[] = [];
  items.forEach((item, index) => {
    if (!isRecord(item)) return;
    const label = typeof item.id === 'string' ? `\`${item.id}\`` : `#${index + 1}`;
    if (isBlank(item.owner))
      found.push({
        ruleId: 'structure/action-owner',
        message: `Action item ${label} has no \`owner\``,
        path: ['action_items', index],
        at: ['action_items', index, 'action'],
        key: true,
      });
    if (isBlank(item.deadline))
      found.push({
        ruleId: 'structure/action-deadline',
        message: `Action item ${label} has no \`deadline\``,
        path: ['action_items', index],
        at: ['action_items', index, 'action'],
        key: true,
      });
  });
  return found;
}

function contributingFactors(data: Data): StructureFinding[] {
  const root = data.root_cause;
  if (isRecord(root) && !isBlank(root.contributing_factors)) return [];
  return [
    {
      ruleId: 'structure/contributing-factors',
      message: 'No contributing factors: `root_cause.contributing_factors` is missing or empty',
      path: ['root_cause'],
      key: true,
    },
  ];
}

function metricEvents(data: Data): StructureFinding[] {
  if (!Array.isArray(data.timeline)) return [];
  const types = new Set(data.timeline.map((entry) => (isRecord(entry) ? entry.type : undefined)));
  const missing = REQUIRED_METRIC_EVENTS.filter((type) => !types.has(type));
  if (missing.length === 0) return [];
  const list = missing.map((m) => `\`type: ${m}\``).join(' and ');
  return [
    {
      ruleId: 'structure/metrics',
      message: `The timeline has no ${list} event, so ${missing.map((m) => `time to ${m}`).join(' and ')} cannot be computed`,
      path: ['timeline'],
      key: true,
    },
  ];
}

function impactNumber(data: Data): StructureFinding[] {
  const impact = data.impact;
  if (!isRecord(impact)) return [];
  const numbers = ['users_affected', 'requests_failed_pct', 'revenue_loss'].some((key) => typeof impact[key] === 'number');
  const inText = typeof impact.description === 'string' && /\d/.test(impact.description);
  if (numbers || inText) return [];
  return [
    {
      ruleId: 'structure/impact-number',
      message: 'The impact has no number: no `users_affected`, `requests_failed_pct`, `revenue_loss` or figure in the description',
      path: ['impact'],
      key: true,
    },
  ];
}

function lessons(data: Data): StructureFinding[] {
  if (!isBlank(data.lessons)) return [];
  return [{ ruleId: 'structure/lessons', message: 'No lessons learned: `lessons` is missing or empty', path: ['lessons'], key: true }];
}
