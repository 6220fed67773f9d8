/**
 * Times in an incident file are written the way responders jot them down
 * ("10:03", "2024-01-16 02:30", "2024-01-15T10:03:00+01:00"). This module turns
 * each into an absolute instant, so that metrics never depend on wall clocks,
 * which jump at DST changes and differ between offices.
 *
 * @example
 * resolveTime('02:30', '2024-03-31', 'Europe/Berlin') // → { ok: false, reason: 'nonexistent', … }
 */
import { tzOffset, TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { quoteText } from '../validate/describe.js';
import { closest } from '../diagnostics/suggest.js';

export type TimeResolution =
  /** `occurrences`: both instants, in order, of a local time that a clock change repeats (`instant` is the first). */
  { ok: true; instant: Date; hasOffset: boolean; occurrences?: readonly Date[] } | { ok: false; reason: 'format' | 'invalid' | 'nonexistent'; message: string };

// One-digit hours ("9:55") are accepted: responders write them, and they are unambiguous.
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MINUTE = 60_000;
const DAY = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** True for a real calendar day written YYYY-MM-DD (no 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day exists in the proleptic Gregorian calendar, as Date counts it (years 0..99 included); arithmetic, no Date. */
function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The number of days of a month (1..12) in the proleptic Gregorian calendar, for the hint on a day that does not exist.
 *
 * @example
 * daysInMonth(2024, 2) // → 29
 */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

// The first Intl.DateTimeFormat of a process loads ICU's time-zone data (25–45 ms measured, more than
// parsing and checking a file); UTC, the default and most common zone, is answered without it.
const isUtc = (zone: string) => zone.toUpperCase() === 'UTC';

/** The zone's offset from UTC in minutes at that instant. */
function offsetMinutes(zone: string, instant: Date): number {
  return isUtc(zone) ? 0 : tzOffset(zone, instant);
}

// Creating an Intl formatter is the costly part of a zone check; each zone is checked once.
const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = zoneFormatters.get(zone);
  if (formatter === undefined) {
    formatter = null;
    if (/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) {
      try {
        formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone });
      } catch {
        formatter = null;
      }
    }
    zoneFormatters.set(zone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA zone (UTC included). */
export function isTimeZone(zone: string): boolean {
  return isUtc(zone) || zoneFormatter(zone) !== null;
}

// resolvedOptions() builds a fresh object each call: one answer per zone name is enough.
const canonicalZones = new Map<string, string>();

/**
 * The zone's canonical spelling (`europe/berlin` → `Europe/Berlin`), so
 * reports show the name people expect; unknown zones come back unchanged.
 *
 * @example
 * canonicalTimeZone('utc') // → 'UTC'
 */
export function canonicalTimeZone(zone: string): string {
  if (isUtc(zone)) return 'UTC';
  let canonical = canonicalZones.get(zone);
  if (canonical === undefined) {
    const resolved = zoneFormatter(zone)?.resolvedOptions().timeZone;
    // The runtime may answer with a legacy alias (Asia/Kolkata → Asia/Calcutta): only fix the case.
    canonical = resolved !== undefined && resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
    canonicalZones.set(zone, canonical);
  }
  return canonical;
}

/**
 * Every zone name the runtime knows, for "did you mean" on a misspelt zone.
 *
 * @example
 * knownTimeZones().includes('Europe/Berlin') // → true
 */
export function knownTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}

/**
 * The zone a misspelt or partial name most likely means: the nearest zone name,
 * else the zone of a city written alone ("Berlin", "new york").
 *
 * @example
 * suggestTimeZone('Europe/Berlim') // → 'Europe/Berlin'
 * suggestTimeZone('Berlin')        // → 'Europe/Berlin'
 */
export function suggestTimeZone(raw: string): string | null {
  const zones = knownTimeZones();
  const near = closest(raw, zones);
  if (near !== null) return near;
  const city = (zone: string) => (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  const byCity = closest(raw.replace(/_/g, ' '), zones.map(city));
  return byCity === null ? null : (zones.find((zone) => city(zone) === byCity) ?? null);
}

/** Resolves one timeline time against the incident's date and zone. */
export function resolveTime(raw: string, date: string, timeZone: string): TimeResolution {
  const text = raw.trim();
  const withOffset = OFFSET_DATE_TIME.exec(text);
  if (withOffset) return resolveWithOffset(withOffset);
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) return resolveLocal(wallClockOf(local.slice(1, 7)), timeZone, text);
  const timeOfDay = TIME_OF_DAY.exec(text);
  if (timeOfDay) {
    const [year, month, day] = date.split('-');
    return resolveLocal(wallClockOf([year, month, day, ...timeOfDay.slice(1, 4)]), timeZone, text);
  }
  return {
    ok: false,
    reason: 'format',
    message: `${quoteText(raw)} is not a time this format understands`,
  };
}

function wallClockOf(parts: ReadonlyArray<string | undefined>): WallClock {
  const [year, month, day, hour, minute, second] = parts.map((part) => Number(part ?? 0));
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
}

/** The wall clock read as if it were UTC (years below 100 included). */
function utcMillis(clock: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return date.getTime();
}

function checkRanges(clock: WallClock, text: string): TimeResolution | null {
  const { year, month, day, hour, minute, second } = clock;
  if (!isRealDay(year, month, day)) {
    const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
    return { ok: false, reason: 'invalid', message: `${quoteText(text)} names a day that does not exist (${iso})` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: 'invalid', message: `${quoteText(text)} is not a valid time of day` };
  }
  return null;
}

function resolveWithOffset(match: RegExpExecArray): TimeResolution {
  const clock = wallClockOf(match.slice(1, 7));
  const invalid = checkRanges(clock, match[0]);
  if (invalid) return invalid;
  const zone = match[7]!.toUpperCase();
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 23 || minutes > 59) return { ok: false, reason: 'invalid', message: `${quoteText(match[0])} has an invalid UTC offset` };
    offsetMinutes = sign * (hours * 60 + minutes);
  }
  const fraction = /\.(\d{1,3})/.exec(match[0]);
  const millis = fraction ? Number(fraction[1]!.padEnd(3, '0')) : 0;
  const wall = utcMillis(clock) + millis;
  return { ok: true, instant: new Date(wall - offsetMinutes * MINUTE), hasOffset: true };
}

// Per zone and day, two days the fast path below found to have one offset: the other times of an
// incident (and of other incidents that day) fall in them, and each Intl offset lookup it saves costs
// more than the rest of the check. Bounded, so a long run does not grow it without end.
const stableSpans = new Map<string, { from: number; to: number; offset: number }>();
const STABLE_MARGIN = 3 * 60 * MINUTE;
const MAX_STABLE_SPANS = 20_000;
const spanKey = (zone: string, wall: number) => `${zone} ${Math.floor(wall / DAY)}`;

/**
 * A wall-clock time in a zone can map to no instant (skipped by a DST change)
 * or two (repeated); the contract takes the first of two and rejects none.
 */
function resolveLocal(clock: WallClock, timeZone: string, text: string): TimeResolution {
  const invalid = checkRanges(clock, text);
  if (invalid) return invalid;
  const wall = utcMillis(clock);
  const known = stableSpans.get(spanKey(timeZone, wall));
  if (known) {
    const instant = wall - known.offset * MINUTE;
    // Clear of the span's start by more than any clock change, so no earlier instant can show the same wall time.
    if (instant - known.from >= STABLE_MARGIN && instant <= known.to) return { ok: true, instant: new Date(instant), hasOffset: false };
  }
  // Fast path: the same offset a day either side means no clock change nearby.
  const before = offsetMinutes(timeZone, new Date(wall - DAY));
  if (before === offsetMinutes(timeZone, new Date(wall + DAY))) {
    const instant = wall - before * MINUTE;
    if (offsetMinutes(timeZone, new Date(instant)) === before) {
      if (stableSpans.size >= MAX_STABLE_SPANS) stableSpans.clear();
      stableSpans.set(spanKey(timeZone, wall), { from: wall - DAY, to: wall + DAY, offset: before });
      return { ok: true, instant: new Date(instant), hasOffset: false };
    }
  }
  const candidates = new Set<number>();
  for (const probe of [wall - DAY, wall, wall + DAY]) {
    candidates.add(wall - offsetMinutes(timeZone, new Date(probe)) * MINUTE);
  }
  const matching = [...candidates].filter((instant) => instant + offsetMinutes(timeZone, new Date(instant)) * MINUTE === wall).sort((a, b) => a - b);
  const first = matching[0];
  if (first === undefined) {
    return {
      ok: false,
      reason: 'nonexistent',
      message: `${quoteText(text)} does not exist in ${timeZone}: the clocks skipped it (daylight saving change)`,
    };
  }
  const occurrences = matching.length > 1 ? { occurrences: matching.map((instant) => new Date(instant)) } : {};
  return { ok: true, instant: new Date(first), hasOffset: false, ...occurrences };
}

// One formatter per zone gives the wall clock and the zone's short name in one
// call: formatting timeline entries was the costliest part of rendering a report,
// and each entry's time is shown beside its abbreviation.
const localFormatters = new Map<string, Intl.DateTimeFormat>();

/** The Intl fields a local reading is made of (with `timeZone`); exported for the test that checks the fast paths against Intl. */
export const LOCAL_READING_FORMAT: Readonly<Intl.DateTimeFormatOptions> = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};

/** What an instant reads as in a zone: its local day, time and seconds, and the zone's short name then. */
interface LocalReading {
  date: string;
  time: string;
  seconds: string;
  abbreviation: string;
}

// A report asks for the same instants several times (the timeline row, the zone note, the chart):
// the readings of recent ones are kept. Bounded, so a long run does not grow it without end.
const recentReadings = new Map<string, LocalReading>();
const MAX_RECENT_READINGS = 4_096;

function localReading(instant: Date, timeZone: string): LocalReading {
  const key = `${timeZone} ${instant.getTime()}`;
  let reading = recentReadings.get(key);
  if (reading === undefined) {
    reading = isUtc(timeZone) ? utcReading(instant) : intlReading(instant, timeZone);
    if (recentReadings.size >= MAX_RECENT_READINGS) recentReadings.clear();
    recentReadings.set(key, reading);
  }
  return reading;
}

/** UTC needs no time-zone data: the Date's own UTC fields, and the name Intl gives it. */
function utcReading(instant: Date): LocalReading {
  const year = String(instant.getUTCFullYear()).padStart(4, '0');
  const [month, day, hour, minute, second] = [
    instant.getUTCMonth() + 1,
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
  ].map(pad);
  return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}`, seconds: second!, abbreviation: 'UTC' };
}

function intlReading(instant: Date, timeZone: string): LocalReading {
  let formatter = localFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { ...LOCAL_READING_FORMAT, timeZone });
    localFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const year = (parts.year ?? '').padStart(4, '0');
  return {
    date: `${year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: parts.second ?? '00',
    abbreviation: parts.timeZoneName ?? timeZone,
  };
}

/**
 * The local date and time of an instant in a zone, as report text.
 *
 * @example
 * localWallClock(new Date('2024-01-15T09:03:00Z'), 'Europe/Berlin') // → { date: '2024-01-15', time: '10:03', seconds: '00' }
 */
export function localWallClock(instant: Date, timeZone: string): { date: string; time: string; seconds: string } {
  const { date, time, seconds } = localReading(instant, timeZone);
  return { date, time, seconds };
}

/** "2024-01-15 10:03 GMT+1": a time in its zone, with the abbreviation the runtime knows (EST, GMT+1, …). */
export function formatInstant(instant: Date, timeZone: string, pattern = 'yyyy-MM-dd HH:mm'): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${format(local, pattern)} ${zoneAbbreviation(instant, timeZone)}`;
}

/**
 * The short zone name at an instant, which changes with DST.
 *
 * @example
 * zoneAbbreviation(new Date('2024-07-15T12:00:00Z'), 'America/New_York') // → 'EDT'
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  return localReading(instant, timeZone).abbreviation;
}

/** "1h 05m", "2d 3h 10m", "-4m", "0s": a duration in seconds, for people. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(Math.round(seconds));
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours || (days && minutes)) parts.push(`${hours}h`);
  if (minutes) parts.push(parts.length ? `${pad(minutes)}m` : `${minutes}m`);
  if (secs && !days) parts.push(parts.length ? `${pad(secs)}s` : `${secs}s`);
  return sign + (parts.join(' ') || '0s');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
