/**
 * The closed lists of the incident format, as plain data: the TypeBox schema
 * (schema.ts, build time only) and the run-time code (sync markers, Markdown
 * import) read them here, so neither side needs TypeBox loaded to know them.
 */
export const INCIDENT_STATUSES = ['draft', 'in-review', 'published'] as const;
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process'] as const;
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const INVESTIGATION_RESULTS = ['confirmed', 'rejected', 'open'] as const;

/** The written form of every date field (`date`, `published_on`, an action item's `deadline`): YYYY-MM-DD. */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
