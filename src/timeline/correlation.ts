/**
 * Which log lines belong to a request: those whose correlation field holds
 * the id itself or a child of it. A child extends the parent's id after a
 * separator (`req_a7f3c2d1_inventory`, `req_a7f3c2d1.2`), so fan-out work
 * across queues is followed, while `req_a7f3c2d10` (another request that
 * merely shares a prefix) is not.
 *
 * @example
 * isSameOrChild('req_a7f3c2d1_inventory', 'req_a7f3c2d1') // → true
 * isSameOrChild('req_a7f3c2d10', 'req_a7f3c2d1')          // → false
 */
export const CHILD_SEPARATORS = ['_', '-', '.', ':'] as const;

/** Field names looked for by default, at the top level or under `attributes` / `labels`. */
export const DEFAULT_ID_FIELDS = ['request_id', 'correlation_id', 'trace_id', 'x-request-id'] as const;

/** Objects that hold correlation fields one level down (OpenTelemetry, Google Cloud Logging). */
export const NESTED_FIELD_HOLDERS = ['attributes', 'labels'] as const;

export function isSameOrChild(value: string, id: string): boolean {
  if (!value.startsWith(id)) return false;
  if (value.length === id.length) return true;
  return (CHILD_SEPARATORS as readonly string[]).includes(value[id.length]!);
}

/**
 * Field names compared without case and separators, so the default
 * `request_id` also finds `requestId`, `RequestID` and `request-id`, and
 * `trace_id` finds OpenTelemetry's `traceId`.
 *
 * @example
 * fieldKey('X-Request-ID') === fieldKey('x_request_id') // → true
 */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[-_.]/g, '');
}

/** A matcher for one id and a set of field names. */
export interface CorrelationMatcher {
  id: string;
  /** Normalised field names (see `fieldKey`). */
  keys: ReadonlySet<string>;
}

export function createMatcher(id: string, fields: readonly string[] = DEFAULT_ID_FIELDS): CorrelationMatcher {
  return { id, keys: new Set(fields.map(fieldKey)) };
}

/** The first value of a correlation field that is the id or its child, else null. */
export function matchingValue(fields: Readonly<Record<string, unknown>>, matcher: CorrelationMatcher): string | null {
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && matcher.keys.has(fieldKey(name)) && isSameOrChild(value, matcher.id)) return value;
  }
  return null;
}
