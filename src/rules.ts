/**
 * The rules of the contract that JSON Schema cannot say: real calendar days,
 * known time zones, times that exist, a chronological timeline, unique action
 * ids, the severity scale. They run even when the schema found problems, on
 * whatever parts are well-formed, so one run reports everything it can.
 */
import { createDiagnostic, formatFieldPath, type Diagnostic } from './diagnostic.js';
import { locatePath, type YamlSource } from './load.js';
import { closest } from './schema-check.js';
import { isCalendarDate, isTimeZone, knownTimeZones, resolveTime } from './time.js';

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

export function checkIncidentRules(data: unknown, context: RuleContext): RuleResult {
  const diagnostics: Diagnostic[] = [];
  const report = (path: Array<string | number>, init: { ruleId: string; message: string; expected?: string; actual?: string; note?: string; suggestions?: string[] }) =>
    diagnostics.push(createDiagnostic({ file: context.file, path: formatFieldPath(path), span: locatePath(context.source, path), ...init }));

  const incident = asRecord(data) ?? {};
  const date = asText(incident.date);
  const dateOk = date !== null && isCalendarDate(date);
  if (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) && !dateOk) {
    report(['date'], { ruleId: 'schema/date', message: `\`${date}\` is not a real calendar day`, expected: 'a date that exists (YYYY-MM-DD)', actual: `\`${date}\`` });
  }

  const zoneRaw = asText(incident.timezone);
  const zone = zoneRaw ?? 'UTC';
  const zoneOk = isTimeZone(zone);
  if (zoneRaw !== null && !zoneOk) {
    const guess = closest(zoneRaw, knownTimeZones());
    report(['timezone'], {
      ruleId: 'schema/timezone',
      message: `\`${zoneRaw}\` is not an IANA time zone${guess ? `; did you mean \`${guess}\`?` : ''}`,
      expected: 'an IANA zone such as `UTC`, `Europe/Berlin` or `America/New_York`',
      actual: `\`${zoneRaw}\``,
      suggestions: guess ? [guess] : [],
    });
  }

  const severity = asText(incident.severity);
  if (severity !== null && severity !== '' && !context.severities.includes(severity.toUpperCase())) {
    report(['severity'], {
      ruleId: 'schema/severity',
      message: `\`${severity}\` is not on the severity scale`,
      expected: context.severities.join(' | '),
      actual: `\`${severity}\``,
      note: 'The scale comes from `severities` in postmortem.config.yaml (default SEV1..SEV5).',
    });
  }

  // With an unknown zone, order is still checked in UTC so that one typo does not hide the rest.
  const instants = checkTimeline(asList(incident.timeline), dateOk ? date : null, zoneOk ? zone : 'UTC', report);
  checkActionItems(asList(incident.action_items), asText(incident.status) ?? 'draft', report);
  return { diagnostics, instants };
}

type Report = (path: Array<string | number>, init: { ruleId: string; message: string; expected?: string; actual?: string; note?: string; suggestions?: string[] }) => void;

function checkTimeline(entries: unknown[], date: string | null, zone: string | null, report: Report): Array<Date | null> {
  const instants: Array<Date | null> = [];
  let latest: { instant: Date; index: number; time: string } | null = null;
  entries.forEach((raw, index) => {
    const time = asText(asRecord(raw)?.time);
    if (time === null || zone === null) return void instants.push(null);
    // Without a valid `date`, only times that carry their own day can be read.
    const resolved = resolveTime(time, date ?? '0000-01-01', zone);
    const needsDate = /^\d{2}:\d{2}/.test(time.trim());
    if (!resolved.ok || (needsDate && date === null)) {
      instants.push(null);
      if (needsDate && date === null && resolved.ok) return;
      if (!resolved.ok) {
        report(['timeline', index, 'time'], {
          ruleId: resolved.reason === 'nonexistent' ? 'schema/time-nonexistent' : 'schema/time',
          message: resolved.message,
          expected: 'HH:MM, HH:MM:SS, "YYYY-MM-DD HH:MM[:SS]", or ISO 8601 with Z or an offset',
          actual: `\`${time}\``,
          note: resolved.reason === 'nonexistent' ? 'Write the time with an explicit offset, or check the hour.' : 'Quote times in YAML, e.g. time: "09:55".',
        });
      }
      return;
    }
    instants.push(resolved.instant);
    if (latest && resolved.instant.getTime() < latest.instant.getTime()) {
      report(['timeline', index, 'time'], {
        ruleId: 'schema/timeline-order',
        message: `\`${time}\` is earlier than \`${latest.time}\` at \`timeline[${latest.index}].time\`; the timeline must be in chronological order`,
        expected: `a time at or after ${latest.time}`,
        actual: `\`${time}\``,
        note: 'Move the entry to its place, or give the day for events after midnight ("YYYY-MM-DD HH:MM").',
      });
    } else {
      latest = { instant: resolved.instant, index, time };
    }
  });
  return instants;
}

function checkActionItems(items: unknown[], status: string, report: Report): void {
  if (items.length === 0 && status !== 'draft') {
    report(['action_items'], {
      ruleId: 'schema/action-items-empty',
      message: `\`action_items\` is empty but the post-mortem is \`${status}\``,
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
          message: `Action id \`${id}\` is already used by \`action_items[${earlier}]\``,
          expected: 'an id unique within the file',
          actual: `\`${id}\``,
          note: 'Ids tie action items to their GitHub issues; give each item its own.',
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
      });
    }
  });
}
