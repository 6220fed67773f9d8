/**
 * The unit of sync: one action item with what its issue needs to say about
 * the incident. Items without an `id` get a stable one derived from the
 * action text, which is written into the YAML before any issue is created,
 * so the identity in the issue's marker never changes afterwards.
 *
 * @example
 * const { items, newIds } = collectSyncItems(incident);
 * // newIds: [{ index: 2, id: 'add-a-canary-stage' }] when the third item had no id
 */
import type { ActionItem, ActionStatus, Incident } from '../incident/model.js';
import { slugify, uniqueSlug } from '../incident/slug.js';

export interface SyncItem {
  /** The incident file, as shown to the user (relative to the repository root). */
  file: string;
  incidentId: string;
  incidentTitle: string;
  severity: string;
  date: string;
  /** Position in `action_items`, for write-back and messages. */
  index: number;
  actionId: string;
  action: string;
  owner: string | null;
  deadline: string | null;
  status: ActionStatus;
  priority: ActionItem['priority'];
  type: ActionItem['type'];
  issue: number | null;
}

export interface NewActionId {
  index: number;
  id: string;
}

/** Every action item of an incident, with ids assigned where the file has none. */
export function collectSyncItems(incident: Incident): { items: SyncItem[]; newIds: NewActionId[] } {
  const taken = new Set(incident.actionItems.flatMap((item) => (item.id === null ? [] : [item.id])));
  const newIds: NewActionId[] = [];
  const items = incident.actionItems.map((item): SyncItem => {
    let actionId = item.id;
    if (actionId === null) {
      actionId = uniqueSlug(slugify(item.action, { maxWords: 6, maxLength: 48, asciiOnly: true, fallback: `action-${item.index + 1}` }), (id) => taken.has(id));
      taken.add(actionId);
      newIds.push({ index: item.index, id: actionId });
    }
    return {
      file: incident.file,
      incidentId: incident.id,
      incidentTitle: incident.title,
      severity: incident.severity,
      date: incident.date,
      index: item.index,
      actionId,
      action: item.action,
      owner: item.owner,
      deadline: item.deadline,
      status: item.status,
      priority: item.priority,
      type: item.type,
      issue: item.issue,
    };
  });
  return { items, newIds };
}

/** The GitHub login of an owner written `@login` (teams like `@org/team` cannot be assignees). */
export function assigneeOf(owner: string | null): string | null {
  const match = owner ? /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(owner.trim()) : null;
  return match ? match[1]! : null;
}
