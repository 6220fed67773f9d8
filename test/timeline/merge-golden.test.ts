/**
 * The whole pure pipeline on logs from four services in four formats, with
 * interleaved ids, clock formats and zones: the merged incident file is a
 * golden file (comments kept), and a second merge adds nothing.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/load/parse.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { createMatcher } from '../../src/timeline/correlation.js';
import { mergeIntoTimeline } from '../../src/timeline/merge-into-yaml.js';
import { createLogScanner, type ScanResult } from '../../src/timeline/scan-log.js';
import { selectEntries, type ExistingEntry } from '../../src/timeline/select-entries.js';

const fixture = new URL('../fixtures/timeline-mixed-services/', import.meta.url);
const LOGS = ['logs/gateway.log', 'logs/orders.jsonl', 'logs/inventory.log', 'logs/checkout-otel.jsonl'];

async function scanAll(chunkSize: number): Promise<ScanResult[]> {
  const matcher = createMatcher('req_a7f3c2d1');
  return Promise.all(
    LOGS.map(async (file) => {
      const bytes = await readFile(new URL(file, fixture));
      const scanner = createLogScanner({ file, matcher, naiveZone: 'Europe/Berlin' });
      for (let at = 0; at < bytes.length; at += chunkSize) scanner.push(bytes.subarray(at, at + chunkSize));
      return scanner.finish();
    }),
  );
}

function merge(text: string, scans: ScanResult[]) {
  const checked = checkIncident('incident.yaml', text, DEFAULT_CONFIG);
  expect(checked.diagnostics).toEqual([]);
  const existing: ExistingEntry[] = checked.incident!.timeline.map((entry, index) => ({
    instant: entry.instant.getTime(),
    event: entry.event,
    source: checked.input!.timeline[index]!.source ?? null,
  }));
  const plan = selectEntries(scans, { zone: checked.incident!.timezone, existing });
  return { plan, text: mergeIntoTimeline(parseYamlSource('incident.yaml', text).source!, plan.entries) };
}

describe('timeline merge', () => {
  it('merges the lines of the id and its children into the timeline, keeping comments', async () => {
    const original = await readFile(new URL('incident.yaml', fixture), 'utf8');
    const { plan, text } = merge(original, await scanAll(64 * 1024));
    expect({ matched: plan.matched, duplicates: plan.duplicates, leftOut: plan.leftOut }).toEqual({ matched: 10, duplicates: 0, leftOut: 0 });
    await expect(text).toMatchFileSnapshot('../fixtures/timeline-mixed-services/expected.yaml');
    expect(checkIncident('incident.yaml', text, DEFAULT_CONFIG).diagnostics).toEqual([]);
  });

  it('adds nothing on a rerun', async () => {
    const original = await readFile(new URL('incident.yaml', fixture), 'utf8');
    const once = merge(original, await scanAll(64 * 1024)).text;
    const twice = merge(once, await scanAll(64 * 1024));
    expect(twice.plan.entries).toEqual([]);
    expect(twice.plan.duplicates).toBe(10);
    expect(twice.text).toBe(once);
  });

  it.each([1, 7, 100])('reads the same lines whatever the chunk size (%i bytes)', async (size) => {
    const whole = await scanAll(1 << 20);
    expect(await scanAll(size)).toEqual(whole);
  });

  it('counts the lines that have the id but cannot be read', async () => {
    const [gateway, orders] = await scanAll(1 << 20);
    expect(gateway).toMatchObject({ lines: 7, unparsable: 2, unparsableLines: [4, 6] });
    expect(orders).toMatchObject({ lines: 5, unparsable: 1, unparsableLines: [5] });
  });
});

describe('merging into files of other shapes', () => {
  const scans = [
    {
      file: 'app.log',
      lines: 1,
      unparsable: 0,
      unparsableLines: [],
      tooLong: 0,
      matches: [
        { line: 1, record: { instant: Date.UTC(2024, 0, 15, 10, 5), level: 'error' as const, service: 'api', message: 'a # b: c', correlationId: 'r' } },
      ],
    },
  ];
  const merged = (text: string) => {
    const source = parseYamlSource('incident.yaml', text).source!;
    return mergeIntoTimeline(
      source,
      selectEntries(scans, { zone: 'UTC', existing: [{ instant: Date.UTC(2024, 0, 15, 10, 0), event: 'x', source: null }] }).entries,
    );
  };

  it('keeps CRLF line endings and appends at the end of a file without a final line break', () => {
    expect(merged('timeline:\r\n  - time: "10:00"\r\n    event: x')).toBe(
      'timeline:\r\n  - time: "10:00"\r\n    event: x\r\n  - time: "2024-01-15T10:05:00+00:00"\r\n    event: "a # b: c"\r\n    service: api\r\n    level: error\r\n    source: app.log:1\r\n',
    );
  });

  it('follows the indentation the file uses', () => {
    expect(merged('timeline:\n- time: "10:00"\n  event: x\nlessons: []\n')).toBe(
      'timeline:\n- time: "10:00"\n  event: x\n- time: "2024-01-15T10:05:00+00:00"\n  event: "a # b: c"\n  service: api\n  level: error\n  source: app.log:1\nlessons: []\n',
    );
  });

  it('refuses a flow list', () => {
    expect(() => merged('timeline: [{time: "10:00", event: x}]\n')).toThrow('flow list');
  });
});
