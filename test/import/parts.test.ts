/** The importer's small readers, as examples: heading synonyms, dates and clocks in prose, stated zones, impact windows. */
import { describe, expect, it } from 'vitest';
import { findDate, readClock, statedZone } from '../../src/import/document-time.js';
import { classifyHeading } from '../../src/import/headings.js';
import { impactWindowEntries } from '../../src/import/impact-window.js';

describe('classifyHeading', () => {
  it.each([
    ['Summary', 'summary'],
    ['What happened?', 'summary'],
    ['TL;DR', 'summary'],
    ['Customer Impact', 'impact'],
    ['Summary of impact', 'impact'],
    ['Timeline of events (UTC)', 'timeline'],
    ['Trigger', 'root_cause'],
    ['Root Cause Analysis', 'root_cause'],
    ['Contributing factors', 'contributing_factors'],
    ['Mitigation', 'resolution'],
    ['Follow-ups', 'action_items'],
    ["What we're doing about it", 'action_items'],
    ['What went well / badly', 'lessons'],
    ['Where we got lucky', 'lessons'],
    ['Background', null],
    ['Appendix', null],
  ])('%s → %s', (heading, field) => {
    expect(classifyHeading(heading)).toBe(field);
  });
});

describe('dates, clocks and zones in prose', () => {
  it.each([
    ['On Tuesday, December 13th, 2022 at 18:52', '2022-12-13'],
    ['between 02:47 and 13:15 UTC on 18 Mar 2017', '2017-03-18'],
    ['the 2024-01-15 release', '2024-01-15'],
    ['on 14/10/2023 the cluster', '2023-10-14'],
    ['report-20161121-1', '2016-11-21'],
    ['no date here', null],
  ])('findDate(%j) → %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it.each([
    ['18:53 first report', { clock: '18:53', zone: null }],
    ['3:05 pm PST paged', { clock: '15:05', zone: 'America/Los_Angeles' }],
    ['12:10 AM (UTC) x', { clock: '00:10', zone: 'UTC' }],
    ['10:03:00Z alert', { clock: '10:03:00', offset: 'Z' }],
    ['25:00 nonsense', null],
  ])('readClock(%j)', (text, expected) => {
    const read = readClock(text);
    expect(read === null ? null : read).toEqual(expected === null ? null : expect.objectContaining(expected));
  });

  it.each([
    ['All times are in UTC.', 'UTC'],
    ['Times below are PDT', 'America/Los_Angeles'],
    ['At 10:03 CET the alert fired', 'Europe/Berlin'],
    ['Nothing about zones', null],
  ])('statedZone(%j) → %s', (text, zone) => {
    expect(statedZone(text)).toBe(zone);
  });
});

describe('impactWindowEntries', () => {
  it.each([
    ['Between 05:15 and 05:53 on 26 Nov 2016, some requests failed.', '2016-11-26', ['05:15', '05:53']],
    ['Between 23:55 UTC on 21 Dec 2016 to 01:15 UTC on 22 Dec 2016, logins failed.', '2016-12-21', ['23:55', '2016-12-22 01:15']],
    ['from 21:08 to 22:43 US/Pacific (PDT, daylight saving), publishing was slow', '2017-03-21', ['2017-03-22T04:08:00+00:00', '2017-03-22T05:43:00+00:00']],
  ])('%s', (text, date, times) => {
    const reading = impactWindowEntries(text, { date, zone: 'UTC' });
    expect(reading?.entries.map((e) => e.time)).toEqual(times);
    expect(reading?.entries.map((e) => e.type)).toEqual(['start', 'mitigate']);
  });

  it('is null without a window', () => {
    expect(impactWindowEntries('For about an hour, the page was down.', { date: '2024-01-01', zone: 'UTC' })).toBeNull();
  });
});
