/**
 * Dates and times as post-mortems write them in prose and tables
 * ("21 Nov 2016", "December 13th, 2022", "2020-02-20", "14/10/2023",
 * "16:15 UTC", "3:05 pm PST"), and the zone a document states for its
 * times ("All times in UTC", "(PDT)"). Abbreviations map to IANA zones, so
 * daylight saving is applied by date rather than guessed.
 *
 * @example
 * findDate('Between 16:15 UTC and 22:20 UTC on 21 Nov 2016, …') // → '2016-11-21'
 * readClock('3:05 pm PST')                                    // → { clock: '15:05', zone: 'America/Los_Angeles', offset: null, rest: '' }
 */
import { isCalendarDate } from '../incident/time.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?';

/** Zone abbreviations and names documents use, to IANA zones. */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  utc: 'UTC',
  gmt: 'UTC',
  z: 'UTC',
  'coordinated universal time': 'UTC',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  mountain: 'America/Denver',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  central: 'America/Chicago',
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  eastern: 'America/New_York',
  bst: 'Europe/London',
  cet: 'Europe/Berlin',
  cest: 'Europe/Berlin',
  eet: 'Europe/Athens',
  eest: 'Europe/Athens',
  ist: 'Asia/Kolkata',
  jst: 'Asia/Tokyo',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
};
const ZONE_WORD = '(utc|gmt|pst|pdt|mst|mdt|cst|cdt|est|edt|bst|cet|cest|eet|eest|ist|jst|aest|aedt|pt|et)';

const DATE_PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), (m) => [Number(m[3]), monthIndex(m[1]!), Number(m[2])]],
  [new RegExp(`\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i'), (m) => [Number(m[3]), monthIndex(m[2]!), Number(m[1])]],
  [/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, (m) => dayMonthOrder(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/\b(\d{4})\.(\d{2})\.(\d{2})\b/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [/(?:^|[^\d])(\d{4})(\d{2})(\d{2})(?:[^\d]|$)/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
];

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** `14/10/2023` is day first (no 14th month); otherwise the US order, month first. */
function dayMonthOrder(first: number, second: number, year: number): [number, number, number] {
  return first > 12 ? [year, second, first] : [year, first, second];
}

function isoDate([year, month, day]: [number, number, number]): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year >= 1970 && year < 2200 && isCalendarDate(iso) ? iso : null;
}

/** The first calendar date written in the text, as YYYY-MM-DD (the earliest position wins). */
export function findDate(text: string): string | null {
  let best: { index: number; date: string } | null = null;
  for (const [pattern, read] of DATE_PATTERNS) {
    const match = pattern.exec(text);
    const date = match ? isoDate(read(match)) : null;
    if (match && date && (best === null || match.index < best.index)) best = { index: match.index, date };
  }
  return best?.date ?? null;
}

/** A date without a year ("Dec 13", "13 December", "Sunday 15/10") at the start of the text, given the year. */
export function leadingDate(text: string, year: number): { date: string; rest: string } | null {
  const patterns: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => [number, number, number]]> = [
    [/^(\d{4})-(\d{2})-(\d{2})(?=[T\s,]|$)[T]?/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    [
      new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?,?`, 'i'),
      (m) => [m[3] ? Number(m[3]) : year, monthIndex(m[1]!), Number(m[2])],
    ],
    [
      new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?,?`, 'i'),
      (m) => [m[3] ? Number(m[3]) : year, monthIndex(m[2]!), Number(m[1])],
    ],
    [new RegExp(`^${WEEKDAY}(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?,?`, 'i'), (m) => dayMonthOrder(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : year)],
  ];
  for (const [pattern, read] of patterns) {
    const match = pattern.exec(text);
    const date = match ? isoDate(read(match)) : null;
    if (match && date) return { date, rest: text.slice(match[0].length).trimStart() };
  }
  return null;
}

/** A time of day at the start of the text: `HH:MM[:SS]`, am/pm, an optional zone; `rest` is what follows. */
export function readClock(text: string): { clock: string; zone: string | null; offset: string | null; rest: string } | null {
  const match = new RegExp(
    `^(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([ap]\\.?m\\.?)?\\s*(?:(Z|[+-]\\d{2}:?\\d{2})|\\(?${ZONE_WORD}\\)?)?(?![a-z0-9])`,
    'i',
  ).exec(text);
  if (!match) return null;
  if (match[5]) {
    const offset = match[5].toUpperCase() === 'Z' ? 'Z' : match[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const seconds = match[3] ?? '00';
    if (Number(match[1]) > 23) return null;
    return { clock: `${match[1]!.padStart(2, '0')}:${match[2]}:${seconds}`, zone: null, offset, rest: text.slice(match[0].length) };
  }
  let hour = Number(match[1]);
  const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || Number(match[2]) > 59) return null;
  const clock = `${String(hour).padStart(2, '0')}:${match[2]}${match[3] ? `:${match[3]}` : ''}`;
  return { clock, zone: match[6] ? ZONE_ABBREVIATIONS[match[6].toLowerCase()]! : null, offset: null, rest: text.slice(match[0].length) };
}

/** The zone the document states for its times, when it states one ("All times are UTC", "times in PDT"). */
export function statedZone(text: string): string | null {
  const stated = new RegExp(
    `\\b(?:all\\s+)?(?:times?|events?|timestamps?)\\b[^.\\n]{0,40}?\\b(?:in|are|is)\\b[^.\\n]{0,20}?\\b(${ZONE_WORD.slice(1, -1)}|pacific|eastern|central|mountain|coordinated universal time)\\b`,
    'i',
  ).exec(text);
  if (stated) return ZONE_ABBREVIATIONS[stated[1]!.toLowerCase()] ?? null;
  const mentioned = new RegExp(`\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?\\s*)?\\(?${ZONE_WORD}\\b`, 'i').exec(text);
  return mentioned ? (ZONE_ABBREVIATIONS[mentioned[1]!.toLowerCase()] ?? null) : null;
}
