/** Clock changes: a repeated local time gets both offsets to choose from, and the timeline header names every abbreviation it uses. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { resolveTime } from '../../src/incident/time.js';
import { buildReportView } from '../../src/render/view.js';
import { checkIncident } from '../../src/validate/check-incident.js';

const root = path.resolve(import.meta.dirname, '../..');
const check = async (fixture: string) => {
  const file = `test/fixtures/${fixture}/incident.yaml`;
  return checkIncident(file, await readFile(path.join(root, file)), DEFAULT_CONFIG);
};

describe('a local time that occurs twice', () => {
  it.each([
    ['01:30', '2023-11-05', 'America/Chicago', ['2023-11-05T06:30:00.000Z', '2023-11-05T07:30:00.000Z']],
    ['2024-10-27 02:30', '2024-10-27', 'Europe/Berlin', ['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z']],
    ['01:30', '2023-11-06', 'America/Chicago', undefined],
  ])('%s on %s in %s resolves to its first occurrence and knows both', (time, date, zone, both) => {
    const resolved = resolveTime(time, date, zone);
    expect(resolved.ok && resolved.occurrences?.map((d) => d.toISOString())).toEqual(both ?? undefined);
    if (both) expect(resolved.ok && resolved.instant.toISOString()).toBe(both[0]);
  });

  it('out of order, it is told to write one of its two offsets, the one that fits first, instead of the midnight hint', async () => {
    const order = (await check('timeline-repeated-hour')).diagnostics.filter((d) => d.ruleId === 'schema/timeline-order');
    expect(order.map((d) => [d.path, d.line, d.column, d.note, d.suggestions])).toEqual([
      [
        'timeline[1].time',
        12,
        11,
        '`01:30` occurs twice on 2023-11-05 in America/Chicago; write `2023-11-05T01:30:00-06:00` or `-05:00` (without an offset, the first occurrence is meant).',
        ['2023-11-05T01:30:00-06:00'],
      ],
      // A time on no clock change keeps the hint about days.
      ['timeline[2].time', 15, 11, 'Move the entry to its place, or give the day for events after midnight ("YYYY-MM-DD HH:MM").', []],
    ]);
  });

  it('the offset it suggests makes the file valid', async () => {
    const text = await readFile(path.join(root, 'test/fixtures/timeline-repeated-hour/incident.yaml'), 'utf8');
    const fixed = text.replace('"01:30"', '"2023-11-05T01:30:00-06:00"').replace(/  - time: "2023-11-05 00:30"\n.*\n.*\n/, '');
    expect(checkIncident('a.yaml', fixed, DEFAULT_CONFIG).diagnostics).toEqual([]);
  });
});

describe('the timeline header across a clock change', () => {
  it.each([
    ['render-dst-chicago-fall-back', 'Times are in America/Chicago (CDT/CST: the clocks changed during the timeline; each time shows its own).'],
    ['render-dst-autumn', 'Times are in Europe/Berlin (GMT+2/GMT+1: the clocks changed during the timeline; each time shows its own).'],
    ['valid', 'Times are in UTC.'],
  ])('%s: %s', async (fixture, note) => {
    expect(buildReportView((await check(fixture)).incident!).timeZoneNote).toBe(note);
  });
});
