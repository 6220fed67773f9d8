/**
 * `postmortem timeline` in-process through runCli, on a scratch copy of the
 * mixed-services fixture: dry run, write and rerun, gzip, filters, --max,
 * and logs that cannot be read. One run of the built CLI as a subprocess.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { runBuiltCli } from '../cli/built-cli.js';

const fixture = new URL('../fixtures/timeline-mixed-services/', import.meta.url);
const INCIDENT = 'incident.yaml';
const LOGS = ['--from', 'logs/gateway.log', 'logs/orders.jsonl', 'logs/inventory.log', 'logs/checkout-otel.jsonl'];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-timeline-'));
  dirs.push(dir);
  await cp(fixture, dir, { recursive: true });
  await rm(path.join(dir, 'expected.yaml'));
  return dir;
}

async function run(dir: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['timeline', INCIDENT, ...args], { cwd: dir, env: {}, stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('postmortem timeline', () => {
  it('merges, keeping comments, and a rerun adds nothing', async () => {
    const dir = await scratch();
    const first = await run(dir, [...LOGS, '--request-id', 'req_a7f3c2d1']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('merged 10 entries into incident.yaml (18 lines read, 10 matched, 0 filtered out, 0 already in the timeline)\n');
    expect(first.stderr).toContain('4:1  warning  2 lines with `req_a7f3c2d1` could not be read as a log record (line 4, 6); skipped');
    expect(await readFile(path.join(dir, INCIDENT), 'utf8')).toBe(await readFile(new URL('expected.yaml', fixture), 'utf8'));
    const second = await run(dir, [...LOGS, '--request-id', 'req_a7f3c2d1']);
    expect(second.stdout).toBe('incident.yaml unchanged (18 lines read, 10 matched, 0 filtered out, 10 already in the timeline)\n');
  });

  it('prints the entries with --dry-run and writes nothing', async () => {
    const dir = await scratch();
    const before = await readFile(path.join(dir, INCIDENT), 'utf8');
    const result = await run(dir, ['--from', 'logs/inventory.log', '--request-id', 'req_a7f3c2d1', '--dry-run']);
    expect(result.stdout).toBe(
      [
        '2 entries would be merged into incident.yaml (3 lines read, 2 matched, 0 filtered out, 0 already in the timeline):',
        '- time: 2024-01-15T11:23:46.900+01:00',
        '  event: reservation started',
        '  service: inventory',
        '  level: info',
        '  source: logs/inventory.log:1',
        '- time: 2024-01-15T11:24:09+01:00',
        '  event: "pool exhausted: 50 of 50 connections busy"',
        '  service: inventory',
        '  level: error',
        '  source: logs/inventory.log:3',
        '',
      ].join('\n'),
    );
    expect(await readFile(path.join(dir, INCIDENT), 'utf8')).toBe(before);
  });

  it('reads gzip-compressed logs as they are', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'logs/orders.jsonl.gz'), gzipSync(await readFile(path.join(dir, 'logs/orders.jsonl'))));
    const result = await run(dir, ['--from', 'logs/orders.jsonl.gz', '--request-id', 'req_a7f3c2d1', '--dry-run']);
    expect(result.stdout).toContain('3 entries would be merged');
    expect(result.stdout).toContain('source: logs/orders.jsonl.gz:4');
  });

  it.each([
    [['--level', 'error'], '4 entries would be merged', '6 filtered out'],
    [['--since', '11:24', '--until', '11:24:10'], '3 entries would be merged', '7 filtered out'],
    [['--max', '2'], '2 entries would be merged', '8 more entries not merged (--max 2); the earliest 2 were'],
  ])('narrows with %j', async (flags, merged, said) => {
    const dir = await scratch();
    const result = await run(dir, [...LOGS, '--request-id', 'req_a7f3c2d1', '--dry-run', ...flags]);
    expect(result.stdout).toContain(merged);
    expect(result.stdout + result.stderr).toContain(said);
  });

  it('reads naive times in --log-timezone', async () => {
    const dir = await scratch();
    const result = await run(dir, ['--from', 'logs/gateway.log', '--request-id', 'req_a7f3c2d1', '--dry-run', '--log-timezone', 'UTC']);
    expect(result.stdout).toContain('time: 2024-01-15T12:23:45+01:00');
  });

  it('reports a missing log, merges nothing and exits 1', async () => {
    const dir = await scratch();
    const before = await readFile(path.join(dir, INCIDENT), 'utf8');
    const result = await run(dir, ['--from', 'logs/gateway.log', 'logs/missing.log', '--request-id', 'req_a7f3c2d1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('File not found; nothing was merged  timeline/unreadable-log');
    expect(await readFile(path.join(dir, INCIDENT), 'utf8')).toBe(before);
  });

  it.each([
    [['--request-id', 'x'], 'name the logs to read with --from LOG'],
    [['--from', 'logs/gateway.log'], 'give the correlation id with --request-id ID'],
    [['--from', 'logs/gateway.log', '--request-id', 'x', '--level', 'loud'], '--level must be one of'],
    [['--from', 'logs/gateway.log', '--request-id', 'x', '--since', 'noon'], '--since: `noon` is not a time'],
  ])('exits 2 on %j', async (flags, message) => {
    const result = await run(await scratch(), flags);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('runs as the built CLI', async () => {
    const dir = await scratch();
    const result = await runBuiltCli(['timeline', INCIDENT, '--from', 'logs/inventory.log', '--request-id', 'req_a7f3c2d1'], dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('merged 2 entries into incident.yaml');
  });
});
