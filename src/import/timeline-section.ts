/**
 * A post-mortem's timeline section to timeline entries: a table with a time
 * column and an event column, or list items and lines that start with a
 * time ("**18:53** First report…", "Dec 13, 18:59 UTC — …"). Date headings
 * inside the section ("### 2020-02-20") set the day of the entries below
 * them, and a time earlier than the one before it moves to the next day.
 * What is not an entry comes back as `notes`, so no sentence is lost.
 *
 * @example
 * readTimeline(nodes, { date: '2024-01-15', zone: 'UTC' }).entries[0] // → { time: '10:03', event: 'Alert fired' }
 */
import type { RootContent, Table } from 'mdast';
import { formatInZone } from '../timeline/log-time.js';
import { resolveTime } from '../incident/time.js';
import { leadingDate, readClock } from './document-time.js';
import { blockText, inlineText, listItemText } from './markdown-text.js';

export interface ImportedEntry {
  time: string;
  event: string;
  type?: string;
  /** The time as the document wrote it, when it differs from `time`. */
  'x-time'?: string;
}

export interface TimelineReading {
  entries: ImportedEntry[];
  /** Epoch milliseconds of each entry, in order. */
  instants: number[];
  notes: string[];
  /** True when the entries were not in chronological order as written and were sorted. */
  sorted: boolean;
}

interface Context {
  date: string;
  zone: string;
}

const DAY = 86_400_000;

export function readTimeline(nodes: readonly RootContent[], incident: Context): TimelineReading {
  const reader = new EntryReader(incident);
  for (const node of nodes) {
    if (node.type === 'heading') {
      const text = inlineText(node.children);
      const day = leadingDate(text, Number(reader.day.slice(0, 4)));
      if (day) reader.day = day.date;
      reader.notes.push(text);
    } else if (node.type === 'table') reader.table(node);
    else if (node.type === 'list') for (const item of node.children) reader.line(listItemText(item), true);
    else if (node.type === 'paragraph') for (const line of inlineText(node.children).split('\n')) reader.line(line, false);
    else {
      const text = blockText(node);
      if (text.trim() !== '') reader.notes.push(text);
    }
  }
  return reader.finish();
}

class EntryReader {
  day: string;
  readonly notes: string[] = [];
  private readonly entries: Array<{ entry: ImportedEntry; instant: number }> = [];

  constructor(private readonly incident: Context) {
    this.day = incident.date;
  }

  /** One list item or paragraph line; a line without a time continues the entry above it (paragraphs only). */
  line(text: string, isItem: boolean): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    const read = this.readEntry(trimmed);
    if (read) this.entries.push(read);
    else if (!isItem && this.entries.length > 0) this.entries[this.entries.length - 1]!.entry.event += `\n${trimmed}`;
    else this.notes.push(trimmed);
  }

  table(table: Table): void {
    const [header, ...rows] = table.children;
    const names = (header?.children ?? []).map((cell) => inlineText(cell.children).trim().toLowerCase());
    const timeColumn = names.findIndex((name) => /\b(time|date|when|timestamp|utc|gmt|[pmce][sd]t)\b/.test(name));
    if (timeColumn === -1) {
      this.notes.push(blockText(table));
      return;
    }
    const headers = (header?.children ?? []).map((cell) => inlineText(cell.children).trim());
    for (const row of rows) {
      const cells = row.children.map((cell) => inlineText(cell.children).trim());
      // The first other column is the event; the rest follow it as `Header: value`.
      const others = cells.map((cell, index) => ({ cell, header: headers[index] ?? '', index })).filter((c) => c.index !== timeColumn && c.cell !== '');
      const event = others.map((c, position) => (position === 0 || c.header === '' ? c.cell : `${c.header}: ${c.cell}`)).join('; ');
      const read = event !== '' ? this.readEntry(`${cells[timeColumn] ?? ''} ${event}`, cells[timeColumn]) : null;
      if (read) this.entries.push(read);
      else if (cells.some((cell) => cell !== '')) this.notes.push(cells.join(' | '));
    }
  }

  finish(): TimelineReading {
    const written = this.entries.map((e) => e.instant);
    const ordered = [...this.entries].sort((a, b) => a.instant - b.instant);
    return {
      entries: ordered.map((e) => e.entry),
      instants: ordered.map((e) => e.instant),
      notes: this.notes,
      sorted: ordered.some((e, index) => e.instant !== written[index]),
    };
  }

  private readEntry(text: string, timeText?: string): { entry: ImportedEntry; instant: number } | null {
    const dated = leadingDate(text, Number(this.day.slice(0, 4)));
    const clock = readClock((dated?.rest ?? text).replace(/^(at|,|-)\s*/i, ''));
    if (!clock) return null;
    const event = clock.rest.replace(/^[\s\-–—:|,.)\]]+/, '').trim();
    if (event === '') return null;
    let day = dated?.date ?? this.day;
    let resolved = this.resolve(day, clock);
    if (resolved === null) return null;
    const previous = this.entries[this.entries.length - 1]?.instant;
    // "23:50" then "00:10": the second is on the next day, unless a date says otherwise.
    if (!dated && previous !== undefined && resolved.instant < previous && previous - resolved.instant < DAY) {
      day = nextDay(day);
      const next = this.resolve(day, clock);
      if (next) resolved = next;
    }
    this.day = day;
    const original = (timeText ?? text.slice(0, text.length - clock.rest.length)).trim().replace(/[\s\-–—:|,]+$/, '');
    const entry: ImportedEntry = { time: resolved.time, event };
    if (original !== resolved.time) entry['x-time'] = original;
    return { entry, instant: resolved.instant };
  }

  private resolve(day: string, clock: { clock: string; zone: string | null; offset: string | null }): { time: string; instant: number } | null {
    const { date, zone } = this.incident;
    if (clock.offset) {
      const text = `${day}T${clock.clock}${clock.offset}`;
      const result = resolveTime(text, date, zone);
      return result.ok ? { time: text, instant: result.instant.getTime() } : null;
    }
    const local = `${day} ${clock.clock}`;
    const result = resolveTime(local, date, clock.zone ?? zone);
    if (!result.ok) return null;
    const instant = result.instant.getTime();
    if (clock.zone && clock.zone !== zone) return { time: formatInZone(instant, zone), instant };
    return { time: day === date ? clock.clock : local, instant };
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}
