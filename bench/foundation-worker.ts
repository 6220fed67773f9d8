/**
 * One benchmark run in a fresh process (so peak memory belongs to this case),
 * printing its figures as JSON. Cases: `build` (plan + write, as the CLI),
 * `check` (plan only, as `build --check`), `floor-cold` (read, parse + check,
 * template render and atomic write of each file: no related incidents, no
 * layout, no key), `floor-warm` (read and hash every source and report), and
 * `write` (the same report written atomically N times, with and without fsync).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openWorkspace, writeFileSafely } from '../src/io/workspace.js';
import { benchWorkspaceOptions } from './pool-options.js';
import { loadTemplates } from '../src/io/templates.js';
import { renderRawReport } from '../src/render/render.js';
import { checkIncident } from '../src/validate/check-incident.js';
import { median } from './stats.js';
import { applyBuild, planBuild } from '../src/workflows/build.js';
import { reportPathFor } from '../src/workflows/report-path.js';
import { listIncidentFiles, readFiles } from '../src/workflows/incident-files.js';

const [root, mode] = [process.argv[2]!, process.argv[3] ?? 'build'];
const start = performance.now();
const { workspace } = await openWorkspace(root, benchWorkspaceOptions());
let failed = 0;
let reused = false;
const extra: Record<string, number> = {};
if (mode === 'build' || mode === 'check') {
  const plan = await planBuild(workspace!, [], { outDir: null });
  if (!plan.items) throw new Error('nothing to build');
  reused = plan.reused ?? false;
  if (mode === 'build') await applyBuild(workspace!, plan.items);
  failed = plan.items.filter((item) => item.state === 'failed').length;
} else if (mode === 'floor-cold' || mode === 'floor-warm') {
  const { files } = await listIncidentFiles(workspace!, []);
  const templates = await loadTemplates(null);
  const writing = new Set<Promise<void>>();
  // The project's read loop (a few files ahead), as the build uses it.
  for await (const { file, read } of readFiles(workspace!, files!)) {
    if (!('bytes' in read)) throw new Error(`cannot read ${file}`);
    const bytes = read.bytes;
    const target = path.join(root, reportPathFor(file, workspace!.config.output));
    if (mode === 'floor-warm') {
      createHash('sha256').update(bytes).digest('hex');
      createHash('sha256')
        .update(await readFile(target, 'utf8'))
        .digest('hex');
      continue;
    }
    const checked = checkIncident(file, bytes, workspace!.config);
    if (!checked.incident) failed++;
    else {
      // As many writes in flight as the build keeps (applyBuild).
      if (writing.size >= 8) await Promise.race(writing);
      const write: Promise<void> = writeFileSafely(target, renderRawReport(checked.incident, templates), { durable: false }).then(
        () => void writing.delete(write),
      );
      writing.add(write);
    }
  }
  await Promise.all(writing);
} else if (mode === 'write') {
  // Alternating, so both see the same load; the median of each is printed.
  const text = 'x'.repeat(5_000);
  const samples: Record<'fsyncMs' | 'noFsyncMs', number[]> = { fsyncMs: [], noFsyncMs: [] };
  for (let i = 0; i < 400; i++) {
    const durable = i % 2 === 1;
    const began = performance.now();
    await writeFileSafely(path.join(root, `write-${i % 10}.md`), text, { durable });
    samples[durable ? 'fsyncMs' : 'noFsyncMs'].push(performance.now() - began);
  }
  extra.fsyncMs = median(samples.fsyncMs);
  extra.noFsyncMs = median(samples.noFsyncMs);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, failed, reused, maxRssMb: process.resourceUsage().maxRSS / 1024, ...extra }));
