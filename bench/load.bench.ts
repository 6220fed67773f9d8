/**
 * Loader and validator cost on large inputs: a 4 MB incident (a long
 * timeline), a 4 MB mapping with many keys (the case that made yaml's own
 * duplicate-key check quadratic), and a billion-laughs alias bomb.
 * `npm run bench -- load`
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../src/config/config.js';
import { parseYamlSource } from '../src/load/parse.js';
import { checkIncident } from '../src/validate/check-incident.js';
import { formatMs, medianMs } from './stats.js';

const FOUR_MB = 4 * 1024 * 1024 - 4096;
const example = readFileSync(fileURLToPath(new URL('../test/fixtures/valid/incident.yaml', import.meta.url)), 'utf8');

function longTimeline(): string {
  const head = example.slice(0, example.indexOf('timeline:'));
  const tail = example.slice(example.indexOf('root_cause:'));
  const parts = [head, 'timeline:\n'];
  let size = head.length + tail.length;
  for (let i = 0; size < FOUR_MB; i++) {
    const s = i % 86_400;
    const clock = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
    const entry = `  - time: "2024-01-${15 + Math.floor(i / 86_400)} ${clock}"\n    event: Step ${i} of the rollback finished and the dashboards were checked\n    type: note\n`;
    parts.push(entry);
    size += entry.length;
  }
  parts.push(tail);
  return parts.join('');
}

function manyKeys(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < FOUR_MB; i++) {
    const line = `x-key-number-${i}: value ${i}\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

function aliasBomb(): string {
  const rows = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (const [name, prev] of [
    ['b', 'a'],
    ['c', 'b'],
    ['d', 'c'],
    ['e', 'd'],
    ['f', 'e'],
    ['g', 'f'],
    ['h', 'g'],
    ['i', 'h'],
  ]) {
    rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return rows.join('\n');
}

async function measure(label: string, text: string, fn: (text: string) => unknown, times = 3): Promise<void> {
  let peak = 0;
  const ms = await medianMs(times, () => {
    fn(text);
    peak = Math.max(peak, process.memoryUsage().rss);
  });
  // RSS after each run, not a true peak: enough to see memory stays in the hundreds of MB, not growing without bound.
  console.log(
    `${label.padEnd(42)} ${(text.length / 1024 / 1024).toFixed(1).padStart(4)} MB  median ${formatMs(ms).padStart(9)}  rss ${(peak / 1024 / 1024).toFixed(0)} MB`,
  );
}

export async function run(): Promise<void> {
  const timeline = longTimeline();
  const keys = manyKeys();
  await measure('parse: 4 MB incident, long timeline', timeline, (t) => parseYamlSource('big.yaml', t));
  await measure('check: 4 MB incident, long timeline', timeline, (t) => checkIncident('big.yaml', t, DEFAULT_CONFIG));
  await measure('check: 4 MB mapping of x- keys', keys, (t) => checkIncident('keys.yaml', t, DEFAULT_CONFIG));
  await measure('check: billion laughs (rejected)', aliasBomb(), (t) => checkIncident('bomb.yaml', t, DEFAULT_CONFIG), 5);
}
