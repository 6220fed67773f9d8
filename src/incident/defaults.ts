/**
 * The values an incident file may leave out, and how written values are
 * normalised, worked out in one place: validation checks against the same
 * defaults the model is built with.
 */
import type { INCIDENT_STATUSES } from '../validate/schema.js';

type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Status of an incident that does not say. */
export const DEFAULT_STATUS: IncidentStatus = 'draft';

/** Zone of times written without an offset when the file names none. */
export const DEFAULT_TIMEZONE = 'UTC';

/** The zone a file's times are read in. */
export function timezoneOrDefault(timezone: string | null | undefined): string {
  return timezone ?? DEFAULT_TIMEZONE;
}

/** The status a file's incident has. */
export function statusOrDefault<T extends string>(status: T | null | undefined): T | IncidentStatus {
  return status ?? DEFAULT_STATUS;
}

/**
 * Severities are compared and shown in upper case (`sev2` is `SEV2`).
 *
 * @example
 * normaliseSeverity('sev2') // → 'SEV2'
 */
export function normaliseSeverity(severity: string): string {
  return severity.toUpperCase();
}
