/**
 * How an instant reads in its zone (the report's timeline times and zone
 * note): the same text Intl gives for every zone, including DST changes,
 * half-hour and 45-minute offsets and UTC, which is answered without Intl.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_READING_FORMAT, localWallClock, zoneAbbreviation } from '../../src/incident/time.js';

/** What Intl itself says: the reference the fast paths must match. */
function intlReading(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { ...LOCAL_READING_FORMAT, timeZone }).formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

function ourReading(instant: Date, timeZone: string): string {
  const { date, time, seconds } = localWallClock(instant, timeZone);
  return `${date} ${time}:${seconds} ${zoneAbbreviation(instant, timeZone)}`;
}

describe('localWallClock and zoneAbbreviation', () => {
  it.each([
    ['Berlin in winter', '2024-01-15T09:03:00Z', 'Europe/Berlin', '2024-01-15 10:03:00 GMT+1'],
    ['Berlin in summer', '2024-07-15T08:03:07Z', 'Europe/Berlin', '2024-07-15 10:03:07 GMT+2'],
    ['New York, the first 01:30 of the repeated hour', '2024-11-03T05:30:00Z', 'America/New_York', '2024-11-03 01:30:00 EDT'],
    ['New York, the second 01:30', '2024-11-03T06:30:00Z', 'America/New_York', '2024-11-03 01:30:00 EST'],
    ['Kathmandu (+05:45)', '2024-03-01T00:00:00Z', 'Asia/Kathmandu', '2024-03-01 05:45:00 GMT+5:45'],
    ['UTC, answered without Intl', '2024-02-29T23:59:59Z', 'UTC', '2024-02-29 23:59:59 UTC'],
    ['utc in lower case', '2024-02-29T23:59:59Z', 'utc', '2024-02-29 23:59:59 UTC'],
    ['a day that is the next one in Tokyo', '2024-01-15T20:00:00Z', 'Asia/Tokyo', '2024-01-16 05:00:00 GMT+9'],
  ])('%s', (_name, iso, zone, expected) => {
    expect(ourReading(new Date(iso), zone)).toBe(expected);
  });

  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'])(
    'reads every 4 h 13 min of 2024 in %s as Intl does, asked twice',
    (zone) => {
      const start = Date.UTC(2024, 0, 1);
      const instants = Array.from({ length: Math.floor((366 * 24 * 60) / 253) }, (_, i) => new Date(start + i * 253 * 60_000));
      const expected = instants.map((instant) => intlReading(instant, zone));
      expect(instants.map((instant) => ourReading(instant, zone))).toEqual(expected);
      // The second answers come from the memo of recent readings.
      expect(instants.map((instant) => ourReading(new Date(instant.getTime()), zone))).toEqual(expected);
    },
  );
});
