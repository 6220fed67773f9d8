/**
 * Log timestamps come as ISO strings (with or without a zone), or as epoch
 * numbers in seconds, milliseconds, microseconds or nanoseconds (OpenTelemetry
 * writes nanoseconds as a string). This module turns each into epoch
 * milliseconds, and writes an instant back in the incident's zone, so that
 * timeline entries read as local times and still carry their offset.
 *
 * @example
 * parseLogTimestamp('2024-01-15 10:23:45', 'Europe/Berlin') // → 1705310625000 (09:23:45Z)
 * parseLogTimestamp(1705314225123, 'UTC')                   // → 1705314225123 (epoch ms)
 */
import { tzOffset } from '@date-fns/tz';
import { resolveTime } from '../incident/time.js';

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?\s?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH_TEXT = /^\d{9,19}(?:\.\d+)?$/;

/** Epoch milliseconds, or null when the value is not a time this reader knows (or names a local time that does not exist). */
export function parseLogTimestamp(value: unknown, naiveZone: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? epochToMillis(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (EPOCH_TEXT.test(text)) return epochTextToMillis(text);
  const match = ISO_TIME.exec(text);
  if (!match) return null;
  const [, day, clock, fraction, zone] = match;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const resolved = resolveTime(zone ? `${day}T${clock}${zoneSuffix(zone)}` : `${day} ${clock}`, day!, naiveZone);
  return resolved.ok ? resolved.instant.getTime() + millis : null;
}

function zoneSuffix(zone: string): string {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
  return zone.length === 3 ? `${zone}:00` : zone;
}

/** The magnitude says the unit: a plausible date is ~1.7e9 s, ~1.7e12 ms, ~1.7e15 µs, ~1.7e18 ns. */
function epochToMillis(value: number): number {
  if (value < 1e11) return Math.round(value * 1000);
  if (value < 1e14) return Math.round(value);
  if (value < 1e17) return Math.round(value / 1e3);
  return Math.round(value / 1e6);
}

function epochTextToMillis(text: string): number {
  // Nanoseconds overflow a double's exact range: divide as integers first.
  if (!text.includes('.') && text.length >= 17) return Number(BigInt(text) / 1_000_000n);
  return epochToMillis(Number(text));
}

/**
 * The instant as ISO 8601 in `zone`, with that zone's offset at that instant
 * (`2024-01-15T11:23:45.120+01:00`); milliseconds only when there are some.
 *
 * @example
 * formatInZone(Date.UTC(2024, 0, 15, 10, 23, 45), 'Europe/Berlin') // → '2024-01-15T11:23:45+01:00'
 */
export function formatInZone(millis: number, zone: string): string {
  const offset = tzOffset(zone, new Date(millis));
  const local = new Date(millis + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const seconds = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${seconds}${sign}${hours}:${minutes}`;
}
