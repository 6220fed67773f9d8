/**
 * Front matter of an imported post-mortem, read through the same safe YAML
 * loader as incident files (alias expansion bounded, one document, no
 * prototype keys). Keys the format knows fill the incident; the rest is
 * kept as text under `x-unmapped`.
 *
 * @example
 * readFrontMatter('old.md', { text: 'title: Outage\nseverity: sev2\nowner: ops\n', line: 1 }).fields.severity // → 'SEV2'
 */
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYamlSource } from '../load/parse.js';
import { INCIDENT_STATUSES } from '../validate/allowed-values.js';
import { isCalendarDate, isTimeZone } from '../incident/time.js';

export interface FrontMatter {
  fields: {
    title?: string;
    date?: string;
    timezone?: string;
    severity?: string;
    status?: (typeof INCIDENT_STATUSES)[number];
    authors?: string[];
    participants?: string[];
    services?: string[];
    tags?: string[];
  };
  /** Keys the format does not know, as YAML text. */
  extra: string | null;
  diagnostics: Diagnostic[];
}

const LIST_KEYS = { authors: ['authors', 'author'], participants: ['participants'], services: ['services', 'service'], tags: ['tags', 'labels'] } as const;
const KNOWN = new Set(['title', 'date', 'timezone', 'severity', 'status', ...Object.values(LIST_KEYS).flat()]);

export function readFrontMatter(file: string, frontMatter: { text: string; line: number } | null): FrontMatter {
  const result: FrontMatter = { fields: {}, extra: null, diagnostics: [] };
  if (!frontMatter || frontMatter.text.trim() === '') return result;
  const loaded = parseYamlSource(file, frontMatter.text);
  const data = loaded.data;
  if (loaded.diagnostics.length > 0 || data === null || typeof data !== 'object' || Array.isArray(data)) {
    result.diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'import/front-matter',
        severity: 'warning',
        span: { line: frontMatter.line, column: 1 },
        message: `The front matter is not a YAML mapping (${loaded.diagnostics[0]?.message ?? 'found another value'}); it is kept as text under \`x-unmapped\``,
      }),
    );
    result.extra = frontMatter.text;
    return result;
  }
  const record = data as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' && (record[key] as string).trim() !== '' ? (record[key] as string).trim() : undefined);
  const fields = result.fields;
  fields.title = text('title');
  const date = text('date')?.slice(0, 10);
  if (date && isCalendarDate(date)) fields.date = date;
  const zone = text('timezone');
  if (zone && isTimeZone(zone)) fields.timezone = zone;
  fields.severity = text('severity')?.toUpperCase();
  const status = text('status');
  if (status && (INCIDENT_STATUSES as readonly string[]).includes(status)) fields.status = status as FrontMatter['fields']['status'];
  for (const [field, keys] of Object.entries(LIST_KEYS) as Array<[keyof typeof LIST_KEYS, readonly string[]]>) {
    const values = keys.flatMap((key) => (Array.isArray(record[key]) ? (record[key] as unknown[]) : record[key] === undefined ? [] : [record[key]]));
    const names = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (names.length > 0) fields[field] = names;
  }
  for (const key of Object.keys(fields) as Array<keyof FrontMatter['fields']>) if (fields[key] === undefined) delete fields[key];
  // Whatever was not taken stays, as the author wrote it.
  const taken = Object.keys(record).filter(
    (key) => KNOWN.has(key) && (key !== 'date' || fields.date) && (key !== 'timezone' || fields.timezone) && (key !== 'status' || fields.status),
  );
  const rest = Object.keys(record).filter((key) => !taken.includes(key));
  if (rest.length > 0) result.extra = frontMatter.text;
  return result;
}
