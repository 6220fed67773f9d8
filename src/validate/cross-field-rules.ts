/**
 * The rules of the contract that JSON Schema cannot say: real calendar days,
 * known time zones, times that exist, a chronological timeline, unique action
 * ids, the severity scale, a published incident's readiness. They run even
 * when the schema found problems, on whatever parts are well-formed, so one
 * run reports everything it can.
 */
import type { RuleId } from '../diagnostics/catalogue.js';
import { createDiagnostic, formatFieldPath, type Diagnostic, type DiagnosticCause, type Severity } from '../diagnostics/diagnostic.js';
import { EVENT_TYPES, PHASE_EVENT_TYPES } from '../incident/events.js';
import { DEFAULT_TIMEZONE, normaliseSeverity, statusOrDefault, timezoneOrDefault } from '../incident/defaults.js';
import { locatePath, type YamlSource } from '../load/parse.js';
import { checkReadiness } from './readiness.js';
import { closest } from './schema-check.js';
import { quoteText } from './describe.js';
import { calendarDayHint } from './date-hints.js';
import { severityAdvice } from './severity-level.js';
import { repeatedTimeAdvice } from '../incident/repeated-time.js';
import { isCalendarDate, isTimeZone, resolveTime, suggestTimeZone } from '../incident/time.js';

export interface RuleContext {
  file: string;
  source: YamlSource | null;
  severities: readonly string[];
}

export interface RuleResult {
  diagnostics: Diagnostic[];
  /** Resolved timeline instants, null where the time could not be read. */
  instants: Array<Date | null>;
}

type Loose = Record<string, unknown>;
const asRecord = (value: unknown): Loose | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Runs every cross-field rule on parsed data (valid or not) and returns the
 * resolved timeline instants for the model.
 *
 * @example
 * checkIncidentRules(data, { file, source, severities: DEFAULT_SEVERITIES }).diagnostics
 */
export function checkIncidentRules(data: unknown, context: RuleContext): RuleResult {
  const diagnostics: Diagnostic[] = [];
  // A related place in the same file (the first of two duplicate ids, the earlier entry) travels as `cause`.
  const causeAt = (cause: { at: Array<string | number>; message: string }): DiagnosticCause => {
    const span = locatePath(context.source, cause.at);
    return { file: context.file, line: span?.line ?? null, column: span?.column ?? null, message: cause.message };
  };
  const report: Report = (path, { cause, ...init }) =>
    diagnostics.push(
      createDiagnostic({
        file: context.file,
        path: formatFieldPath(path),
        span: locatePath(context.source, path),
        ...init,
        ...(cause ? { cause: causeAt(cause) } : {}),
      }),
    );

  const incident = asRecord(data) ?? {};
  const date = asText(incident.date);
  const dateOk = date !== null && isCalendarDate(date);
  if (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && !dateOk) {
    report(['date'], {
      ruleId: 'schema/date',
      message: `\`${date}\` is not a real calendar day`,
      expected: 'a date that exists (YYYY-MM-DD)',
      actual: `\`${date}\``,
      note: calendarDayHint(date),
    });
  }

  const zoneRaw = asText(incident.timezone);
  const zone = timezoneOrDefault(zoneRaw);
  const zoneOk = isTimeZone(zone);
  if (zoneRaw !== null && !zoneOk) {
    const guess = suggestTimeZone(zoneRaw);
    report(['timezone'], {
      ruleId: 'schema/timezone',
      message: `${quoteText(zoneRaw)} is not an IANA time zone${guess ? `; did you mean \`${guess}\`?` : ''}`,
      expected: 'an IANA zone such as `UTC`, `Europe/Berlin` or `America/New_York`',
      actual: quoteText(zoneRaw),
      suggestions: guess ? [guess] : [],
      note: /^(UTC|GMT)?\s*[+-]\d/i.test(zoneRaw)
        ? 'A fixed offset is not a zone: write the offset in each time ("2024-01-15T10:03:00+02:00"), or use `Etc/GMT-2` for UTC+2 (the sign is inverted).'
        : undefined,
    });
  }

  const severity = asText(incident.severity);
  if (severity !== null && severity !== '' && !context.severities.includes(normaliseSeverity(severity))) {
    const advice = severityAdvice(severity, context.severities);
    report(['severity'], {
      ruleId: 'schema/severity',
      message: `${quoteText(severity)} is not on the severity scale${advice ? `; did you mean \`${advice.level}\`?` : ''}`,
      expected: context.severities.join(' | '),
      actual: quoteText(severity),
      suggestions: advice ? [advice.level] : [],
      note: advice?.note ?? 'The scale comes from `severities` in postmortem.config.yaml (default SEV1..SEV5).',
    });
  }

  // With an unknown zone, order is still checked in UTC so that one typo does not hide the rest.
  const instants = checkTimeline(asList(incident.timeline), dateOk ? date : null, zoneOk ? zone : DEFAULT_TIMEZONE, report);
  checkActionItems(asList(incident.action_items), statusOrDefault(asText(incident.status)), report);
  checkNumbers(incident, report);
  diagnostics.push(...checkReadiness(incident, context));
  return { diagnostics, instants };
}

type ReportInit = {
  ruleId: RuleId;
  message: string;
  expected?: string;
  actual?: string;
  note?: string;
  suggestions?: string[];
  severity?: Severity;
  cause?: { at: Array<string | number>; message: string };
};
type Report = (path: Array<string | number>, init: ReportInit) => void;

const TIME_HINT = 'Write the time as HH:MM (e.g. "09:55"), "YYYY-MM-DD HH:MM", or ISO 8601 with an offset such as "2024-01-15T09:55:00Z".';
const NEEDS_DATE = /^\d{1,2}:/;

function checkTimeline(entries: unknown[], date: string | null, zone: string, report: Report): Array<Date | null> {
  const instants: Array<Date | null> = [];
  let latest: { instant: Date; index: number; time: string } | null = null;
  entries.forEach((raw, index) => {
    const entry = asRecord(raw);
    const time = asText(entry?.time);
    checkEventType(entry?.type, index, report);
    if (time === null) return void instants.push(null);
    // Without a valid `date`, a time of day has no day: check its form only, and leave it out of the order.
    const undated = date === null && NEEDS_DATE.test(time.trim());
    const resolved = undated ? resolveTime(time, '2000-01-01', 'UTC') : resolveTime(time, date ?? '2000-01-01', zone);
    if (!resolved.ok) {
      report(['timeline', index, 'time'], {
        ruleId: resolved.reason === 'nonexistent' ? 'schema/time-nonexistent' : 'schema/time',
        message: resolved.message,
        expected: 'HH:MM, HH:MM:SS, "YYYY-MM-DD HH:MM[:SS]", or ISO 8601 with Z or an offset',
        actual: quoteText(time),
        note: resolved.reason === 'nonexistent' ? 'Write the time with an explicit offset, or check the hour.' : TIME_HINT,
      });
    }
    if (!resolved.ok || undated) return void instants.push(null);
    instants.push(resolved.instant);
    if (latest && resolved.instant.getTime() < latest.instant.getTime()) {
      // A time the clocks repeated is read as its first occurrence; the entry most likely meant the second.
      const repeated = resolved.occurrences ? repeatedTimeAdvice(time, resolved.occurrences, zone, latest.instant) : null;
      report(['timeline', index, 'time'], {
        ruleId: 'schema/timeline-order',
        message: `${quoteText(time)} is earlier than ${quoteText(latest.time)} at \`timeline[${latest.index}].time\`; the timeline must be in chronological order`,
        expected: `a time at or after ${latest.time}`,
        actual: quoteText(time),
        note: repeated
          ? `${repeated.note} (without an offset, the first occurrence is meant).`
          : 'Move the entry to its place, or give the day for events after midnight ("YYYY-MM-DD HH:MM").',
        suggestions: repeated ? repeated.rewrites : [],
        cause: { at: ['timeline', latest.index, 'time'], message: `the earlier entry, at ${latest.time}` },
      });
    } else {
      latest = { instant: resolved.instant, index, time };
    }
  });
  return instants;
}

/** Free words are allowed as event types, but a near-miss of a metric type is almost always a typo. */
function checkEventType(type: unknown, index: number, report: Report): void {
  if (typeof type !== 'string' || (EVENT_TYPES as readonly string[]).includes(type)) return;
  // A type outside the allowed form (`Detect`, ``) is already the schema's error: one diagnostic is enough.
  if (!/^[a-z][a-z0-9-]*$/.test(type)) return;
  const guess = closest(type, EVENT_TYPES);
  if (!guess) return;
  report(['timeline', index, 'type'], {
    ruleId: 'schema/event-type',
    severity: 'warning',
    message: `Event type ${quoteText(type)} is not one of the known types; did you mean \`${guess}\`?`,
    expected: EVENT_TYPES.join(' | '),
    actual: quoteText(type),
    suggestions: [guess],
    note: `Only ${PHASE_EVENT_TYPES.slice(0, -1).join(', ')} and ${PHASE_EVENT_TYPES.at(-1)} give metrics; other words are kept as they are.`,
  });
}

function checkActionItems(items: unknown[], status: string, report: Report): void {
  if (items.length === 0 && status !== 'draft') {
    report(['action_items'], {
      ruleId: 'schema/action-items-empty',
      message: `\`action_items\` is empty but the post-mortem is ${quoteText(status)}`,
      expected: 'at least one action item (an empty list is allowed only while `status: draft`)',
      actual: 'an empty list',
    });
  }
  const firstIndexOfId = new Map<string, number>();
  items.forEach((raw, index) => {
    const item = asRecord(raw);
    const id = asText(item?.id);
    if (id !== null) {
      const earlier = firstIndexOfId.get(id);
      if (earlier !== undefined) {
        report(['action_items', index, 'id'], {
          ruleId: 'schema/duplicate-id',
          message: `Action id ${quoteText(id)} is already used by \`action_items[${earlier}]\``,
          expected: 'an id unique within the file',
          actual: quoteText(id),
          note: 'Ids tie action items to their GitHub issues; give each item its own.',
          cause: { at: ['action_items', earlier, 'id'], message: `the first use of ${quoteText(id)}` },
        });
      } else firstIndexOfId.set(id, index);
    }
    const deadline = asText(item?.deadline);
    if (deadline !== null && /^\d{4}-\d{2}-\d{2}$/.test(deadline) && !isCalendarDate(deadline)) {
      report(['action_items', index, 'deadline'], {
        ruleId: 'schema/date',
        message: `\`${deadline}\` is not a real calendar day`,
        expected: 'a date that exists (YYYY-MM-DD)',
        actual: `\`${deadline}\``,
        note: calendarDayHint(deadline),
      });
    }
  });
}

/**
 * YAML reads `.inf`, `.nan` and `1e400` as numbers JSON Schema accepts, and
 * huge integers lose precision; none is a usable count, amount or issue number.
 */
function checkNumbers(incident: Loose, report: Report): void {
  const impact = asRecord(incident.impact) ?? {};
  const fields: Array<[Array<string | number>, unknown, boolean]> = [
    [['impact', 'users_affected'], impact.users_affected, true],
    [['impact', 'requests_failed_pct'], impact.requests_failed_pct, false],
    [['impact', 'revenue_loss'], impact.revenue_loss, false],
    ...asList(incident.action_items).map((item, index): [Array<string | number>, unknown, boolean] => [
      ['action_items', index, 'issue'],
      asRecord(item)?.issue,
      true,
    ]),
  ];
  for (const [path, value, whole] of fields) {
    if (typeof value !== 'number') continue;
    // A finite fraction where a whole number belongs is the schema's error, not this one.
    const usable = whole ? Number.isSafeInteger(value) || (Number.isFinite(value) && !Number.isInteger(value)) : Number.isFinite(value);
    if (usable) continue;
    report(path, {
      ruleId: 'schema/range',
      message: `\`${formatFieldPath(path)}\` must be a finite number${whole ? ' below 2^53' : ''}; found ${String(value)}`,
      expected: whole ? 'a whole number up to 9007199254740991' : 'a finite number',
      actual: String(value),
    });
  }
}
