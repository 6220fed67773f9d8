/**
 * Hints for a date field written wrong, with the fix built from what was
 * written: a day the month does not have (`2024-02-30`: February 2024 has 29
 * days), a day and month swapped (`2024-13-05`), and a date in another form
 * (`20-03-2024`, `2024/3/20`, `20240320`, `2024-03-20 10:00`) rewritten as
 * YYYY-MM-DD. Used by the schema's messages (the form) and the calendar rule.
 */
import { daysInMonth, isCalendarDate } from '../incident/time.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FORM = 'YYYY-MM-DD (year, month, day)';
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/**
 * The hint for a date of the right form whose day does not exist.
 *
 * @example
 * calendarDayHint('2024-02-30') // → 'February 2024 has 29 days: the last is `2024-02-29`; check the day.'
 */
export function calendarDayHint(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (month >= 1 && month <= 12) {
    const last = daysInMonth(year, month);
    if (day === 0) return `Days count from 01: the first of ${MONTHS[month - 1]} ${year} is \`${ymd(year, month, 1)}\`.`;
    return `${MONTHS[month - 1]} ${year} has ${last} days: the last is \`${ymd(year, month, last)}\`; check the day.`;
  }
  const swapped = ymd(year, day, month);
  if (isCalendarDate(swapped)) return `There is no month ${pad(month)}: the form is ${FORM}; with day and month swapped it is \`${swapped}\`.`;
  return `There is no month ${pad(month)}: the form is ${FORM}, e.g. \`${ymd(year, 1, 15)}\`.`;
}

export interface DateFormHint {
  note: string;
  /** The value as YYYY-MM-DD, when it can be read (two when day and month could be either). */
  suggestions: string[];
}

/**
 * The hint for a date field that is not written YYYY-MM-DD.
 *
 * @example
 * dateFormHint('20-03-2024') // → { note: 'Write the date as YYYY-MM-DD (year, month, day): `2024-03-20`.', suggestions: ['2024-03-20'] }
 */
export function dateFormHint(value: string): DateFormHint {
  const text = value.trim();
  const withTime = /^(\d{4}-\d{2}-\d{2})[T ]\d/.exec(text);
  if (withTime && isCalendarDate(withTime[1]!)) {
    return { note: `This field holds the day only, as ${FORM}: \`${withTime[1]}\`; times go in the timeline.`, suggestions: [withTime[1]!] };
  }
  const readings = readDate(text).filter(isCalendarDate);
  if (readings.length === 1) return { note: `Write the date as ${FORM}: \`${readings[0]}\`.`, suggestions: readings };
  if (readings.length === 2) {
    const [a, b] = readings as [string, string];
    return { note: `Write the date as ${FORM}: \`${a}\` for ${spoken(a)}, or \`${b}\` for ${spoken(b)}.`, suggestions: readings };
  }
  return { note: `Write the date as ${FORM}, e.g. \`2024-01-15\` for 15 January 2024.`, suggestions: [] };
}

/** The YYYY-MM-DD readings of a date in another common form; both orders when day and month could be either. */
function readDate(text: string): string[] {
  const yearFirst = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (yearFirst) return [ymd(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]))];
  const yearLast = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text);
  if (!yearLast) return [];
  const [first, second, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])];
  const dayFirst = ymd(year, second, first);
  const monthFirst = ymd(year, first, second);
  return dayFirst === monthFirst ? [dayFirst] : [dayFirst, monthFirst];
}

/** `2024-03-04` → `4 March 2024`. */
function spoken(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
