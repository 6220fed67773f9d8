import { describe, expect, it } from 'vitest';
import { suggestTimeZone } from '../../src/incident/time.js';

describe('suggestTimeZone: the zone a misspelt or partial name means', () => {
  it.each([
    ['a typo in a zone', 'Europe/Berlim', 'Europe/Berlin'],
    ['a city alone', 'Berlin', 'Europe/Berlin'],
    ['a city in lower case with a space', 'new york', 'America/New_York'],
    ['a misspelt city', 'Tokio', 'Asia/Tokyo'],
    ['nothing close', 'Mars/Olympus', null],
  ])('%s: %s', (_case, raw, zone) => {
    expect(suggestTimeZone(raw)).toBe(zone);
  });
});
