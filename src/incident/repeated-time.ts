/**
 * The advice for a local time that a clock change repeats (01:30 on a
 * fall-back night happens in CDT, then again in CST): the time written with
 * each offset it can have. Validation gives it when such a time is out of
 * order, which means the author meant its second occurrence.
 *
 * @example
 * repeatedTimeAdvice('01:30', resolved.occurrences, 'America/Chicago', earlierEntry)
 * // → { note: '`01:30` occurs twice on 2023-11-05 in America/Chicago; write `2023-11-05T01:30:00-06:00` or `-05:00`', rewrites: ['2023-11-05T01:30:00-06:00'] }
 */
import { tzOffset } from '@date-fns/tz';
import { quoteText } from '../validate/describe.js';
import { localWallClock } from './time.js';

/**
 * The time with each offset it can have, those at or after `preferredFrom`
 * first; they alone are the `rewrites` (the suggestions), when there are any.
 */
export function repeatedTimeAdvice(
  text: string,
  occurrences: readonly Date[],
  timeZone: string,
  preferredFrom: Date | null = null,
): { note: string; rewrites: string[] } {
  const fits = (instant: Date) => preferredFrom === null || instant.getTime() >= preferredFrom.getTime();
  const ordered = [...occurrences.filter(fits), ...occurrences.filter((instant) => !fits(instant))];
  const local = localWallClock(ordered[0]!, timeZone);
  const wall = `${local.date}T${local.time}:${local.seconds}`;
  const offsets = ordered.map((instant) => utcOffsetText(tzOffset(timeZone, instant)));
  const others = offsets
    .slice(1)
    .map((offset) => `\`${offset}\``)
    .join(' or ');
  const fitting = Math.max(1, occurrences.filter(fits).length);
  return {
    note: `${quoteText(text)} occurs twice on ${local.date} in ${timeZone}; write \`${wall}${offsets[0]}\` or ${others}`,
    rewrites: offsets.slice(0, fitting).map((offset) => `${wall}${offset}`),
  };
}

/** -300 → "-05:00". */
function utcOffsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const whole = Math.abs(minutes);
  return `${sign}${pad(Math.floor(whole / 60))}:${pad(whole % 60)}`;
}

const pad = (value: number) => String(value).padStart(2, '0');
