/**
 * Peak memory of `postmortem build` on one incident file at the default size
 * limit (256 KiB), for the two shapes that cost most per byte: a long
 * timeline and many action items. Each run is a fresh process, so its peak
 * RSS is that file's alone; the limit is right while both stay under 512 MB.
 * `npm run bench -- file-size` (needs the built dist/); `BENCH_FILE_KIB=1024`
 * measures another size, raising `max_file_bytes` in the config to match.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_FILE_BYTES } from '../src/config/config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = readFileSync(path.join(root, 'test/fixtures/valid/incident.yaml'), 'utf8');

function grow(section: 'timeline' | 'action_items', limit: number): string {
  const start = example.indexOf(`${section}:`);
  const next = example.slice(start + section.length + 2).search(/^\S/m);
  const [head, tail] = [example.slice(0, start), example.slice(start + section.length + 2 + next)];
  const parts = [head, `${section}:\n`];
  let size = head.length + tail.length + section.length + 2;
  for (let i = 0; ; i++) {
    const s = i % 86_400;
    const clock = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
    const entry =
      section === 'timeline'
        ? `  - time: "2024-01-${String(15 + Math.floor(i / 86_400)).padStart(2, '0')} ${clock}"\n    event: Step ${i} of the rollback finished and the dashboards were checked\n    type: note\n`
        : `  - action: Add a lower bound for the pool size, number ${i}\n    owner: platform-team\n    status: open\n`;
    if (size + entry.length > limit) break;
    parts.push(entry);
    size += entry.length;
  }
  parts.push(tail);
  return parts.join('');
}

const WORKER = `
const { runCli } = await import(process.argv[1]);
const io = { cwd: process.cwd(), env: {}, stdout() {}, stderr: (s) => process.stderr.write(s), isTTY: false };
const code = await runCli(['build'], io);
console.log(JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

const SIZE = process.env.BENCH_FILE_KIB ? Number(process.env.BENCH_FILE_KIB) * 1024 : DEFAULT_MAX_FILE_BYTES;

export async function run(): Promise<void> {
  for (const section of ['timeline', 'action_items'] as const) {
    const dir = mkdtempSync(path.join(tmpdir(), 'pm-bench-size-'));
    mkdirSync(path.join(dir, 'postmortems'));
    const text = grow(section, SIZE);
    if (SIZE !== DEFAULT_MAX_FILE_BYTES) writeFileSync(path.join(dir, 'postmortem.config.yaml'), `max_file_bytes: ${SIZE}\n`);
    writeFileSync(path.join(dir, 'postmortems', '2024-01-15-big.yaml'), text);
    const started = performance.now();
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', WORKER, path.join(root, 'dist/index.js')], { cwd: dir, encoding: 'utf8' });
    const { code, maxRssMb } = JSON.parse(output.trim().split('\n').pop()!) as { code: number; maxRssMb: number };
    console.log(
      `${section.padEnd(12)} ${(text.length / 1024).toFixed(0)} KiB  build exit ${code}  peak RSS ${maxRssMb.toFixed(0)} MB  ${((performance.now() - started) / 1000).toFixed(1)} s  (limit: < 512 MB)`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
}
