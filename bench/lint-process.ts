/**
 * The whole `postmortem lint` process against the whole alex process on the
 * same Markdown drafts: start-up, reading, parsing, linting and output, as a
 * user runs them. Both CLIs read a temporary folder of N documents (about
 * 4 KB, a blaming sentence in every paragraph); runs alternate so machine
 * load affects both alike, and the figure is the ratio of the medians.
 * Needs the built CLI (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, median } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Wall time of one run of `node <script> <args>` in `cwd`, in ms. */
function timeProcess(script: string, args: readonly string[], cwd: string): number {
  const start = performance.now();
  spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'ignore' });
  return performance.now() - start;
}

/** Writes the drafts, then times both CLIs `runs` times each, alternating. */
export function compareProcesses(drafts: readonly string[], runs = 3): { postmortemMs: number; alexMs: number; kb: number } | null {
  const cli = path.join(root, 'dist/bin/postmortem.cjs');
  const alex = path.join(path.dirname(createRequire(import.meta.url).resolve('alex/package.json')), 'cli.js');
  if (!existsSync(cli)) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'postmortem-lint-bench-'));
  try {
    drafts.forEach((text, i) => writeFileSync(path.join(dir, `draft-${i}.md`), text));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < runs; r++) {
      ours.push(timeProcess(cli, ['lint', '.', '--format', 'json'], dir));
      theirs.push(timeProcess(alex, ['.'], dir));
    }
    const kb = drafts.reduce((sum, d) => sum + Buffer.byteLength(d), 0) / 1024 / drafts.length;
    return { postmortemMs: median(ours), alexMs: median(theirs), kb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line for the bench output. */
export function formatComparison(n: number, r: NonNullable<ReturnType<typeof compareProcesses>>): string {
  return `whole process, ${n} dense Markdown drafts (${r.kb.toFixed(1)} KB each): postmortem lint ${formatMs(r.postmortemMs)}, alex ${formatMs(r.alexMs)}, ratio ${(r.postmortemMs / r.alexMs).toFixed(3)} (target <= 0.10)`;
}
