/**
 * From matched log lines to the timeline entries to merge: narrowed by
 * level and time window, sorted, without the ones the incident already has
 * (so a rerun adds nothing), and capped at `max`. Each step says how many
 * lines it set aside, so the command can report every line it did not use.
 *
 * @example
 * const plan = selectEntries(scans, { zone: 'Europe/Berlin', existing: [] });
 * plan.entries[0] // → { time: '2024-01-15T11:23:45+01:00', event: 'payment declined', service: 'gateway', level: 'error', source: 'logs/gateway.log:42' }
 */
import { isAtLeast, type LogLevel } from './log-level.js';
import { formatInZone } from './log-time.js';
import type { ScanResult } from './scan-log.js';

/** A timeline entry as written into the incident file. */
export interface LogTimelineEntry {
  time: string;
  event: string;
  service: string;
  level?: LogLevel;
  source: string;
}

/** What the incident's timeline holds already, for deduplication and placement. */
export interface ExistingEntry {
  instant: number;
  event: string;
  source: string | null;
}

export interface SelectOptions {
  /** The incident's zone: entries are written in it. */
  zone: string;
  existing: readonly ExistingEntry[];
  level?: LogLevel;
  /** Epoch milliseconds, inclusive. */
  since?: number;
  until?: number;
  max?: number;
}

export interface PlannedEntry {
  entry: LogTimelineEntry;
  instant: number;
  /** Index of the existing entry it goes before; null for the end. */
  before: number | null;
}

export interface TimelinePlan {
  entries: PlannedEntry[];
  matched: number;
  filtered: number;
  duplicates: number;
  /** Left out by `max`. */
  leftOut: number;
}

/** Event text stays one line and readable; the source points to the whole line. */
export const MAX_EVENT_LENGTH = 500;

export function selectEntries(scans: readonly ScanResult[], options: SelectOptions): TimelinePlan {
  const candidates = scans.flatMap((scan) =>
    scan.matches.map(({ line, record }) => ({
      instant: record.instant,
      level: record.level,
      service: record.service ?? serviceFromFile(scan.file),
      event: eventText(record.message, record.level),
      source: `${scan.file}:${line}`,
    })),
  );
  const kept = candidates.filter(
    (c) =>
      (options.level === undefined || isAtLeast(c.level, options.level)) &&
      (options.since === undefined || c.instant >= options.since) &&
      (options.until === undefined || c.instant <= options.until),
  );
  const sources = new Set(options.existing.map((e) => e.source).filter((s): s is string => s !== null));
  const written = new Set(options.existing.map((e) => `${e.instant} ${e.event}`));
  const fresh = kept.filter((c) => {
    if (sources.has(c.source) || written.has(`${c.instant} ${c.event}`)) return false;
    sources.add(c.source);
    return true;
  });
  // Stable: equal instants keep the order of the files and lines given.
  fresh.sort((a, b) => a.instant - b.instant);
  const chosen = options.max === undefined ? fresh : fresh.slice(0, options.max);
  return {
    entries: chosen.map((c) => ({
      instant: c.instant,
      before: placeBefore(options.existing, c.instant),
      entry: {
        time: formatInZone(c.instant, options.zone),
        event: c.event,
        service: c.service,
        ...(c.level ? { level: c.level } : {}),
        source: c.source,
      },
    })),
    matched: candidates.length,
    filtered: candidates.length - kept.length,
    duplicates: kept.length - fresh.length,
    leftOut: fresh.length - chosen.length,
  };
}

/** After every existing entry at or before the instant, so equal times keep what was written first. */
function placeBefore(existing: readonly ExistingEntry[], instant: number): number | null {
  const index = existing.findIndex((e) => e.instant > instant);
  return index === -1 ? null : index;
}

/** `logs/orders.jsonl.gz` → `orders`. */
export function serviceFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/(\.(gz|log|jsonl|json|ndjson|txt|out|\d+))+$/i, '') || base;
}

function eventText(message: string, level: LogLevel | null): string {
  // Control characters and line breaks would make the YAML hard to read; the source line keeps them.
  const text = message
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return level ? `${level} log line without a message` : 'log line without a message';
  return text.length > MAX_EVENT_LENGTH ? `${text.slice(0, MAX_EVENT_LENGTH - 1)}…` : text;
}
