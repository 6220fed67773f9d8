/**
 * The few statistics the tracker quotes, defined once so the page, the JSON
 * and the docs agree: the median (mean of the two middle values for an even
 * count), the 90th percentile by the nearest-rank method (the smallest value
 * at or above which 90% of the values lie, always one of the values), and
 * whole days between calendar dates.
 *
 * @example
 * median([3, 1, 2, 10]) // → 2.5
 * percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) // → 9
 * daysBetween('2024-01-20', '2024-02-01') // → 12
 */

/** Count, median and p90 of a list of figures; `null` figures are skipped, none gives nulls. */
export interface Summary {
  count: number;
  median: number | null;
  p90: number | null;
}

/** The median, or null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The 90th percentile by nearest rank: the value at rank ⌈0.9·n⌉ of the sorted list. */
export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

/** Median and p90 of the known figures of a group. */
export function summarise(values: ReadonlyArray<number | null>): Summary {
  const known = values.filter((value): value is number => value !== null);
  return { count: known.length, median: median(known), p90: percentile90(known) };
}

/**
 * Share of action items done among those not declined: a `wont-do` item is a
 * decision, listed with its reason, and counts neither for nor against.
 * Null when nothing is left to complete.
 *
 * @example
 * completionRate({ done: 3, wontDo: 1, total: 5 }) // → 0.75
 */
export function completionRate(counts: { done: number; wontDo: number; total: number }): number | null {
  const due = counts.total - counts.wontDo;
  return due === 0 ? null : counts.done / due;
}

const DAY_MS = 86_400_000;

/** Whole days from one calendar date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `2024-01` for a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `2024-Q1` for a date. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
