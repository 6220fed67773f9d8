/**
 * One timed task over a folder of incidents in a fresh process (so its peak
 * memory is its own), printed as JSON: the use cases as the CLI runs them
 * (validate, lint) and the floor they are measured against (`yaml-floor`:
 * read every file and `yaml.parseDocument` it, nothing else). Build (and its
 * floors) and report have their own workers (foundation-worker.ts,
 * report-worker.ts).
 * The modules the workflows load on demand are imported up front, so the
 * time is the work, not tsx compiling TypeScript.
 *
 * @example
 * node --import tsx bench/speed-worker.ts /tmp/repo validate
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { openWorkspace } from '../src/io/workspace.js';
import { benchWorkspaceOptions } from './pool-options.js';
import '../src/lint/index.js';
import '../src/validate/check-incident.js';
import { lintWorkflow } from '../src/workflows/lint.js';
import { validateWorkflow } from '../src/workflows/validate.js';

export const SPEED_TASKS = ['validate', 'lint', 'yaml-floor'] as const;
export type SpeedTask = (typeof SPEED_TASKS)[number];

async function incidentFiles(root: string): Promise<string[]> {
  const folder = path.join(root, 'postmortems');
  return (await readdir(folder))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => path.join(folder, name));
}

/** Runs one task; the count says how many files it got through (failures would make a fast run meaningless). */
async function runTask(root: string, task: SpeedTask): Promise<{ files: number; failed: number }> {
  if (task === 'yaml-floor') {
    let failed = 0;
    const files = await incidentFiles(root);
    for (const file of files) if (parseDocument(readFileSync(file).toString('utf8')).errors.length > 0) failed++;
    return { files: files.length, failed };
  }
  const { workspace } = await openWorkspace(root, benchWorkspaceOptions());
  if (!workspace) throw new Error('workspace did not open');
  const result = task === 'validate' ? await validateWorkflow(workspace, { paths: [] }) : await lintWorkflow(workspace, { paths: [] });
  // Lint's own findings are the point; a failure is a file that could not be read or checked.
  return { files: result.files, failed: result.diagnostics.filter((d) => d.severity === 'error' && d.ruleId.startsWith('schema/')).length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [root, task] = [process.argv[2]!, process.argv[3] as SpeedTask];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const { files, failed } = await runTask(root, task);
  const ms = performance.now() - start;
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files, failed, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
