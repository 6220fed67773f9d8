/**
 * Action-item follow-through: counts by status, completion per quarter of
 * the incident date, overdue items (deadline passed, not done or declined)
 * with whole days overdue as of `today`, items with no owner or no deadline,
 * and declined items with their reasons. About work, not people: owners
 * appear only beside their items, never ranked.
 *
 * @example
 * buildFollowThrough(incidents, '2024-03-01', null).overdue[0]
 * // → { incident: 'checkout-errors', id: 'add-test', deadline: '2024-01-20', days_overdue: 41, … }
 */
import type { ActionItem, Incident } from '../incident/model.js';
import { issueUrl, type IssueLinks } from '../render/issue-link.js';
import { completionRate, daysBetween, quarterOf } from './statistics.js';
import type { ActionCounts, ActionRef, TrackerReport } from './tracker-types.js';

/** Counts of items by status. */
export function countActions(items: readonly Pick<ActionItem, 'status'>[]): ActionCounts {
  const counts: ActionCounts = { total: items.length, open: 0, in_progress: 0, done: 0, wont_do: 0 };
  for (const item of items) {
    if (item.status === 'open') counts.open++;
    else if (item.status === 'in-progress') counts.in_progress++;
    else if (item.status === 'done') counts.done++;
    else counts.wont_do++;
  }
  return counts;
}

/** Whole days past the deadline as of `today`; 0 or less when not overdue. */
export function daysOverdue(deadline: string, today: string): number {
  return daysBetween(deadline, today);
}

function reference(incident: Incident, item: ActionItem, links: IssueLinks | null): ActionRef {
  return {
    incident: incident.id,
    file: incident.file,
    id: item.id ?? `action_items[${item.index}]`,
    action: item.action,
    owner: item.owner,
    deadline: item.deadline,
    status: item.status,
    issue: item.issue,
    issue_url: issueUrl(links, item.issue),
  };
}

const isClosed = (item: ActionItem) => item.status === 'done' || item.status === 'wont-do';

/** The `action_items` part of the tracker; `incidents` newest first, and lists keep that order. */
export function buildFollowThrough(incidents: readonly Incident[], today: string, links: IssueLinks | null): TrackerReport['action_items'] {
  const all = incidents.flatMap((incident) => incident.actionItems.map((item) => ({ incident, item })));
  const quarters = new Map<string, ActionItem[]>();
  for (const { incident, item } of all) {
    const quarter = quarterOf(incident.date);
    const list = quarters.get(quarter);
    if (list) list.push(item);
    else quarters.set(quarter, [item]);
  }
  const overdue = all
    .filter(({ item }) => item.deadline !== null && !isClosed(item) && daysOverdue(item.deadline, today) > 0)
    .map(({ incident, item }) => ({ ...reference(incident, item, links), deadline: item.deadline!, days_overdue: daysOverdue(item.deadline!, today) }))
    // Oldest deadline first; the sort is stable, so ties keep the incidents' order.
    .sort((a, b) => (a.deadline === b.deadline ? 0 : a.deadline < b.deadline ? -1 : 1));
  return {
    counts: countActions(all.map(({ item }) => item)),
    completion_by_quarter: [...quarters.keys()].sort().map((period) => {
      const counts = countActions(quarters.get(period)!);
      return { period, ...counts, completion_rate: completionRate({ done: counts.done, wontDo: counts.wont_do, total: counts.total }) };
    }),
    overdue,
    no_owner: all.filter(({ item }) => item.owner === null && !isClosed(item)).map(({ incident, item }) => reference(incident, item, links)),
    no_deadline: all.filter(({ item }) => item.deadline === null && !isClosed(item)).map(({ incident, item }) => reference(incident, item, links)),
    declined: all.filter(({ item }) => item.status === 'wont-do').map(({ incident, item }) => ({ ...reference(incident, item, links), reason: item.reason })),
  };
}
