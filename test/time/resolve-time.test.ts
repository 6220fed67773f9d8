/**
 * Times as responders write them, resolved to absolute instants: zones,
 * offsets, and the two daylight-saving traps (the skipped hour in spring, the
 * repeated hour in autumn), in Europe/Berlin and America/New_York.
 */
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, formatDuration, formatInstant, isCalendarDate, isTimeZone, resolveTime } from '../../src/incident/time.js';

const iso = (raw: string, date: string, zone: string) => {
  const resolved = resolveTime(raw, date, zone);
  return resolved.ok ? resolved.instant.toISOString() : `${resolved.reason}: ${resolved.message}`;
};

describe('resolveTime', () => {
  it.each([
    ['HH:MM on the date, UTC', '10:03', '2024-01-15', 'UTC', '2024-01-15T10:03:00.000Z'],
    ['HH:MM:SS', '10:03:07', '2024-01-15', 'UTC', '2024-01-15T10:03:07.000Z'],
    ['a one-digit hour (accepted, unambiguous)', '9:55', '2024-01-15', 'UTC', '2024-01-15T09:55:00.000Z'],
    ['Berlin in winter (CET, +01:00)', '10:03', '2024-01-15', 'Europe/Berlin', '2024-01-15T09:03:00.000Z'],
    ['Berlin in summer (CEST, +02:00)', '10:03', '2024-07-15', 'Europe/Berlin', '2024-07-15T08:03:00.000Z'],
    ['Berlin autumn repeated hour: the first occurrence (CEST)', '02:30', '2024-10-27', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
    ['Berlin autumn repeated hour, second occurrence by offset', '2024-10-27T02:30:00+01:00', '2024-10-27', 'Europe/Berlin', '2024-10-27T01:30:00.000Z'],
    ['Berlin, the hour after the spring gap', '03:00', '2024-03-31', 'Europe/Berlin', '2024-03-31T01:00:00.000Z'],
    ['New York in winter (EST, -05:00)', '10:00', '2024-01-15', 'America/New_York', '2024-01-15T15:00:00.000Z'],
    ['New York autumn repeated hour: the first occurrence (EDT)', '01:30', '2024-11-03', 'America/New_York', '2024-11-03T05:30:00.000Z'],
    ['a day and time in the zone', '2024-01-16 02:30', '2024-01-15', 'Europe/Berlin', '2024-01-16T01:30:00.000Z'],
    ['a day and time with T and no offset is local', '2024-01-16T02:30', '2024-01-15', 'America/New_York', '2024-01-16T07:30:00.000Z'],
    ['ISO with Z ignores the zone', '2024-01-15T10:03:00Z', '2024-01-15', 'Europe/Berlin', '2024-01-15T10:03:00.000Z'],
    ['ISO with a half-hour offset', '2024-01-15T10:03:00+05:30', '2024-01-15', 'UTC', '2024-01-15T04:33:00.000Z'],
    ['ISO with an offset without colon', '2024-01-15T10:03-0800', '2024-01-15', 'UTC', '2024-01-15T18:03:00.000Z'],
    ['ISO with fractional seconds and a lower-case z', '2024-01-15T10:03:00.250z', '2024-01-15', 'UTC', '2024-01-15T10:03:00.250Z'],
    ['surrounding spaces', '  10:03 ', '2024-01-15', 'UTC', '2024-01-15T10:03:00.000Z'],
    ['a date before year 100 is a date like any other', '10:00', '0099-06-01', 'UTC', '0099-06-01T10:00:00.000Z'],
  ])('%s', (_name, raw, date, zone, expected) => {
    expect(iso(raw, date, zone)).toBe(expected);
  });

  it.each([
    [
      'Berlin spring-forward gap',
      '02:30',
      '2024-03-31',
      'Europe/Berlin',
      'nonexistent: `02:30` does not exist in Europe/Berlin: the clocks skipped it (daylight saving change)',
    ],
    [
      'New York spring-forward gap',
      '2024-03-10 02:15',
      '2024-03-10',
      'America/New_York',
      'nonexistent: `2024-03-10 02:15` does not exist in America/New_York: the clocks skipped it (daylight saving change)',
    ],
    ['minute 60', '10:60', '2024-01-15', 'UTC', 'invalid: `10:60` is not a valid time of day'],
    ['a day that does not exist', '2024-02-30 10:00', '2024-01-15', 'UTC', 'invalid: `2024-02-30 10:00` names a day that does not exist (2024-02-30)'],
    ['an offset past 23 hours', '2024-01-15T10:00:00+25:00', '2024-01-15', 'UTC', 'invalid: `2024-01-15T10:00:00+25:00` has an invalid UTC offset'],
    ['words', 'soon after lunch', '2024-01-15', 'UTC', 'format: `soon after lunch` is not a time this format understands'],
    ['a 12-hour clock', '10:03 PM', '2024-01-15', 'UTC', 'format: `10:03 PM` is not a time this format understands'],
  ])('rejects %s', (_name, raw, date, zone, expected) => {
    expect(iso(raw, date, zone)).toBe(expected);
  });
});

describe('isCalendarDate and isTimeZone', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['0001-01-01', true],
    ['2024-1-5', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['UTC', true],
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Etc/GMT+5', true],
    ['Europe/Berln', false],
    ['../etc/passwd', false],
    ['', false],
  ])('isTimeZone(%s) is %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});

describe('formatting for reports', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [180, '3m'],
    [3_900, '1h 05m'],
    [3_600, '1h'],
    [90_061, '1d 1h 01m'],
    [-240, '-4m'],
  ])('formatDuration(%d) is %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it('shows an instant in the zone with its abbreviation', () => {
    expect(formatInstant(new Date('2024-01-15T09:03:00Z'), 'Europe/Berlin')).toMatch(/^2024-01-15 10:03 (CET|GMT\+1)$/);
    expect(formatInstant(new Date('2024-07-15T14:00:00Z'), 'America/New_York')).toBe('2024-07-15 10:00 EDT');
  });
});

describe('canonicalTimeZone', () => {
  it.each([
    ['utc', 'UTC'],
    ['europe/berlin', 'Europe/Berlin'],
    ['America/New_York', 'America/New_York'],
    ['Mars/Olympus', 'Mars/Olympus'],
    // The runtime answers with legacy aliases for these; the name as written is kept.
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
  ])('%s → %s', (zone, expected) => {
    expect(canonicalTimeZone(zone)).toBe(expected);
  });
});
