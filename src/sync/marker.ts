/**
 * The hidden marker every synced issue carries in its body. It is the issue's
 * identity (incident id + action id), so a rerun after a crash finds the issue
 * even when the `issue:` write-back never happened, and it keeps the status
 * last synced, the base of the three-way status merge.
 *
 * @example
 * formatMarker({ incident: '2024-01-15-checkout', action: 'add-test', status: 'open' });
 * // '<!-- postmortem:v1 {"incident":"2024-01-15-checkout","action":"add-test","status":"open"} -->'
 */
import type { ActionStatus } from '../incident/model.js';
import { ACTION_STATUSES } from '../validate/allowed-values.js';

export interface Marker {
  incident: string;
  action: string;
  /** The status both sides agreed on at the last sync. */
  status: ActionStatus;
}

const MARKER_PATTERN = /<!-- postmortem:v1 (\{[^\n]*?\}) -->/;

/** The marker as an HTML comment: invisible on GitHub, safe against `-->` in ids. */
export function formatMarker(marker: Marker): string {
  const json = JSON.stringify({ incident: marker.incident, action: marker.action, status: marker.status }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<!-- postmortem:v1 ${json} -->`;
}

/** The marker found in an issue body, or null for issues this tool did not write. */
export function parseMarker(body: string | null | undefined): Marker | null {
  const match = body ? MARKER_PATTERN.exec(body) : null;
  if (!match) return null;
  try {
    const value = JSON.parse(match[1]!) as Record<string, unknown>;
    const { incident, action, status } = value;
    if (typeof incident !== 'string' || typeof action !== 'string') return null;
    const known = (ACTION_STATUSES as readonly unknown[]).includes(status);
    return { incident, action, status: known ? (status as ActionStatus) : 'open' };
  } catch {
    return null;
  }
}

/** One key per action item across the whole repository. */
export function markerKey(incident: string, action: string): string {
  return `${incident}\u0000${action}`;
}
