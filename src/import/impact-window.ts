/**
 * Many reports have no timeline section but state the impact window in a
 * sentence ("Between 16:15 UTC and 22:20 UTC on 21 Nov 2016, customers…").
 * That window gives the two entries the metrics need: `start` and
 * `mitigate`, each quoting the sentence it came from, so a reader can check
 * it. Used only when the document has no timeline of its own.
 *
 * @example
 * impactWindowEntries('Between 05:15 and 05:53 on 26 Nov 2016, …', { date: '2016-11-26', zone: 'UTC' }).entries.map((e) => e.time)
 * // → ['05:15', '05:53']
 */
import type { Paragraph } from 'mdast';
import { readTimeline, type TimelineReading } from './timeline-section.js';

const ZONE = '(UTC|GMT|PST|PDT|PT|EST|EDT|ET|CST|CDT|MST|MDT|CET|CEST|BST|US/Pacific|US/Eastern)';
const DATE = '(\\d{1,2}\\s+[A-Za-z]{3,9}\\.?\\s+\\d{4}|[A-Za-z]{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})';
const WINDOW = new RegExp(
  `\\b(?:between|from)\\s+(\\d{1,2}:\\d{2})\\s*${ZONE}?(?:\\s+on\\s+(?:the\\s+)?${DATE})?\\s*(?:and|to|until|-|–)\\s*(\\d{1,2}:\\d{2})\\s*${ZONE}?(?:\\s+on\\s+(?:the\\s+)?${DATE})?(?:\\s+${ZONE})?`,
  'i',
);
const NAMED_ZONES: Record<string, string> = { 'us/pacific': 'PT', 'us/eastern': 'ET' };

/** The start and end entries of the first impact window stated in the text, or null when it states none. */
export function impactWindowEntries(text: string, incident: { date: string; zone: string }): TimelineReading | null {
  const match = WINDOW.exec(text);
  if (!match) return null;
  const [stated, startClock, startZone, startDate, endClock, endZone, endDate, trailingZone] = match;
  const zone = (z: string | undefined) => (z ? (NAMED_ZONES[z.toLowerCase()] ?? z) : '');
  const fallbackZone = zone(startZone ?? endZone ?? trailingZone);
  const quoted = stated!.trim().replace(/[,.;:]$/, '');
  const line = (date: string | undefined, clock: string, clockZone: string | undefined, what: string): Paragraph => ({
    type: 'paragraph',
    children: [
      {
        type: 'text',
        value: `${date ?? startDate ?? endDate ?? ''} ${clock} ${zone(clockZone) || fallbackZone} ${what} (from the impact statement “${quoted}”)`.trim(),
      },
    ],
  });
  const reading = readTimeline([line(startDate, startClock!, startZone, 'Impact began'), line(endDate, endClock!, endZone, 'Impact ended')], incident);
  if (reading.entries.length !== 2) return null;
  reading.entries[0]!.type = 'start';
  reading.entries[1]!.type = 'mitigate';
  return reading;
}
