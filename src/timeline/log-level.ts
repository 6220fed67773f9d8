/**
 * One level scale for every log format: pino and bunyan write numbers
 * (10..60), OpenTelemetry a severity number (1..24) and text, structlog and
 * plain lines words. `--level error` keeps error and fatal.
 *
 * @example
 * normalizeLevel(50, 'level')          // → 'error' (pino)
 * normalizeLevel(13, 'severityNumber') // → 'warn' (OpenTelemetry)
 * normalizeLevel('WARNING')            // → 'warn'
 */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const WORDS: Record<string, LogLevel> = {
  trace: 'trace',
  verbose: 'trace',
  debug: 'debug',
  dbg: 'debug',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  panic: 'fatal',
};

/** The level, or null when the value names none; `field` tells OpenTelemetry's numbers from pino's. */
export function normalizeLevel(value: unknown, field = 'level'): LogLevel | null {
  if (typeof value === 'string') return WORDS[value.trim().toLowerCase()] ?? (/^\d+$/.test(value.trim()) ? normalizeLevel(Number(value), field) : null);
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  if (field.toLowerCase() === 'severitynumber') {
    if (value < 1 || value > 24) return null;
    return LOG_LEVELS[Math.floor((value - 1) / 4)] ?? null;
  }
  if (value < 10 || value > 60) return null;
  return LOG_LEVELS[Math.min(5, Math.floor(value / 10) - 1)] ?? null;
}

/** True when `level` is at least `minimum` (an unknown level never is). */
export function isAtLeast(level: LogLevel | null, minimum: LogLevel): boolean {
  return level !== null && LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum);
}
