/**
 * The trailing comments of the skeleton `new` writes read as one column,
 * whatever the date, zone or severity scale put before them: the lines with
 * a value from the input are padded to the column of the fixed lines.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSkeleton } from '../../src/incident/skeleton.js';
import { folderWith, run } from './run-in-process.js';

/** Field → the 1-based column of its trailing `# …` comment, for every line with one (commented-out fields included). */
function commentColumns(text: string): Map<string, number> {
  const columns = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^\s*(?:#\s+)?(\S.*?\S)\s+#\s/.exec(line);
    if (match) columns.set(match[1]!.split(':')[0]!, match[0].length - 1);
  }
  return columns;
}

/** The distinct columns, for a one-line assertion that names the odd ones out when it fails. */
const distinct = (columns: Map<string, number>) => new Set(columns.values());

describe('the comments of the skeleton', () => {
  it.each([
    { timezone: undefined, severity: 'SEV3', severities: undefined },
    { timezone: 'UTC', severity: 'SEV3', severities: undefined },
    { timezone: 'Europe/Berlin', severity: 'SEV3', severities: undefined },
    { timezone: 'America/Los_Angeles', severity: 'SEV1', severities: undefined },
    { timezone: 'Asia/Kolkata', severity: 'P2', severities: ['P0', 'P1', 'P2', 'P3'] },
    { timezone: 'Europe/Berlin', severity: 'CRITICAL', severities: ['CRITICAL', 'MAJOR', 'MINOR'] },
  ])('start in one column with zone $timezone and severity $severity', (input) => {
    const text = buildSkeleton({ title: 'Checkout errors', date: '2024-03-20', ...input });
    const columns = commentColumns(text);
    expect(columns.size).toBeGreaterThan(15);
    expect([...distinct(columns)], JSON.stringify(Object.fromEntries(columns))).toEqual([35]);
  });

  it('start in one column in the file `new --timezone Europe/Berlin` writes', async () => {
    const dir = await folderWith({ 'postmortems/.keep': '' });
    expect((await run(dir, ['new', 'Checkout errors', '--date', '2024-03-20', '--timezone', 'Europe/Berlin'])).code).toBe(0);
    const text = await readFile(path.join(dir, 'postmortems', '2024-03-20-checkout-errors.yaml'), 'utf8');
    expect(text).toContain('timezone: Europe/Berlin           # IANA zone for times without an offset\n');
    expect([...distinct(commentColumns(text))]).toEqual([35]);
  });
});
