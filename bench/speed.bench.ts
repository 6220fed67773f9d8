/**
 * `npm run bench -- speed`: the one summary of issue 13. For 1,000 and
 * 10,000 synthetic incidents (`BENCH_SIZES`): cold build, warm build,
 * validate, lint and report, each beside its floor run in the same bench run
 * (alternating, so machine load falls on both alike), with the ratio, ms per
 * incident and peak RSS; then the start-up of the built CLI per command
 * against bare `node`. Every task runs in a fresh process; the median of
 * `BENCH_RUNS` runs (default 3) is shown, wall time measured inside the
 * process after its modules are loaded (start-up is the last table).
 *
 * Floors: `yaml` reads every file and runs `yaml.parseDocument` on it, the
 * parse no check can skip (validate's target is 1.2x of it); `render` and
 * `hash` are foundation-worker.ts's build floors (read, parse, check, render
 * and write each report; read and hash every source and report, all a no-op
 * rebuild must do).
 * Build, validate and report run as the CLI does, with worker threads above
 * the threshold (`POSTMORTEM_WORKERS=0` gives the single-thread figures); the
 * floors stay single-thread. A line shows validate and a cold build at the thresholds.
 * Start-up: each command's median over bare `node`, timed in the same rounds,
 * and its margin to the 80 ms target, with the load average (quiet means
 * below 0.5 on this 2-core machine). Needs the built CLI (`npm run build`).
 * `BENCH_TASKS=validate,lint,report` (or `build`, `threshold`, `startup`) runs only those rows;
 * `BENCH_CLI_OTHER=<checkout>/dist/bin/postmortem.js` adds another build's start-up, timed in the same rounds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_THRESHOLD, CHECK_THRESHOLD } from '../src/io/worker-setting.js';
import { poolNote } from './pool-options.js';
import { runReportWorker } from './report.bench.js';
import { formatMs, median } from './stats.js';
import { syntheticIncident, writeSyntheticRepo } from './synthetic.js';
import type { SpeedTask } from './speed-worker.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built CLI's `bin`; `BENCH_CLI=…/dist/bin/postmortem.js` times another build (say, main's) with the same table. */
const CLI = process.env.BENCH_CLI ?? path.join(here, '..', 'dist', 'bin', 'postmortem.cjs');
/** `BENCH_CLI_OTHER=…`: a second build timed in the same rounds (before and after, side by side). */
const OTHER_CLI = process.env.BENCH_CLI_OTHER;
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
/** `BENCH_TASKS=validate,lint,report` leaves out the rest (a cold build of 10,000 takes minutes). */
const TASKS = process.env.BENCH_TASKS?.split(',') ?? null;
const wanted = (label: string) => TASKS === null || TASKS.includes(label.split(' ')[0]!) || TASKS.includes(label);

interface Sample {
  ms: number;
  /** CPU time of the task (user + system), where the worker reports it: steadier than wall time on a shared machine. */
  cpuMs?: number;
  maxRssMb: number;
  failed: number;
}

/**
 * A bench process; `workers` sets `POSTMORTEM_WORKERS` for it (default: as this process has it).
 * The check cache is off (the rows reuse one repository, so a cache would turn later rounds warm)
 * unless `cacheDir` is given: the warm-cache rows.
 */
function worker(file: string, args: readonly string[], workers?: string, cacheDir?: string): Sample {
  const cache = cacheDir ? { POSTMORTEM_CACHE: 'on', POSTMORTEM_CACHE_DIR: cacheDir } : { POSTMORTEM_CACHE: 'off' };
  const env = { ...process.env, ...cache, ...(workers === undefined ? {} : { POSTMORTEM_WORKERS: workers }) };
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(here, file), ...args], { encoding: 'utf8', env })) as Sample;
}

const speedTask = (root: string, task: SpeedTask, workers?: string, cacheDir?: string) => worker('speed-worker.ts', [root, task], workers, cacheDir);
const foundation = (root: string, mode: 'build' | 'floor-cold' | 'floor-warm', workers?: string) => worker('foundation-worker.ts', [root, mode], workers);

interface Row {
  label: string;
  samples: Sample[];
  floor: string;
}

/** Every task and floor over one repository, `RUNS` rounds, alternating. */
async function measure(n: number): Promise<{ rows: Row[]; floors: Record<string, Sample[]> }> {
  const root = await writeSyntheticRepo(n, 'speed-bench');
  const floors: Record<string, Sample[]> = { yaml: [], render: [], hash: [] };
  const rows: Row[] = [
    { label: 'cold build', samples: [], floor: 'render' },
    { label: 'warm build', samples: [], floor: 'hash' },
    { label: 'validate', samples: [], floor: 'yaml' },
    { label: 'lint', samples: [], floor: 'yaml' },
    { label: 'report', samples: [], floor: 'yaml' },
    { label: 'validate (warm cache)', samples: [], floor: 'yaml' },
    { label: 'report (warm cache)', samples: [], floor: 'yaml' },
    // An empty cache, filled and written by the run: what the cache costs a cold run, against the rows above.
    { label: 'validate (cold cache)', samples: [], floor: 'yaml' },
    { label: 'report (cold cache)', samples: [], floor: 'yaml' },
  ];
  const [cold, warm, validate, lint, report, validateCached, reportCached, validateFilling, reportFilling] = rows.map((row) => row.samples) as Sample[][] as [
    Sample[],
    Sample[],
    Sample[],
    Sample[],
    Sample[],
    Sample[],
    Sample[],
    Sample[],
    Sample[],
  ];
  // The warm-cache rows' check cache, filled by one untimed run of each before the rounds.
  const cacheDir = path.join(root, 'check-cache');
  const emptyCacheDir = path.join(root, 'empty-check-cache');
  const emptied = async () => {
    await rm(emptyCacheDir, { recursive: true, force: true });
    return emptyCacheDir;
  };
  const cached = { POSTMORTEM_CACHE: 'on', POSTMORTEM_CACHE_DIR: cacheDir };
  try {
    await writeFile(path.join(root, 'postmortem.config.yaml'), 'output: reports\n');
    if (wanted('validate')) speedTask(root, 'validate', undefined, cacheDir);
    if (wanted('report')) runReportWorker(root, 'md', cached);
    await rm(path.join(root, 'postmortems', 'README.md'), { force: true });
    for (let r = 0; r < RUNS; r++) {
      floors.yaml!.push(speedTask(root, 'yaml-floor'));
      if (wanted('validate')) validate.push(speedTask(root, 'validate'));
      if (wanted('lint')) lint.push(speedTask(root, 'lint'));
      if (wanted('report')) report.push(runReportWorker(root, 'md'));
      if (wanted('validate')) validateCached.push(speedTask(root, 'validate', undefined, cacheDir));
      if (wanted('report')) reportCached.push(runReportWorker(root, 'md', cached));
      if (wanted('validate')) validateFilling.push(speedTask(root, 'validate', undefined, await emptied()));
      if (wanted('report')) reportFilling.push(runReportWorker(root, 'md', { POSTMORTEM_CACHE: 'on', POSTMORTEM_CACHE_DIR: await emptied() }));
      // The tracker page of 1,000 incidents is past the default file size limit, which lint would report.
      await rm(path.join(root, 'postmortems', 'README.md'), { force: true });
      if (!wanted('build')) continue;
      await rm(path.join(root, 'reports'), { recursive: true, force: true });
      floors.render!.push(foundation(root, 'floor-cold'));
      await rm(path.join(root, 'reports'), { recursive: true, force: true });
      cold.push(foundation(root, 'build'));
      warm.push(foundation(root, 'build'));
      floors.hash!.push(foundation(root, 'floor-warm'));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return { rows: rows.filter((row) => row.samples.length > 0), floors };
}

const wall = (samples: readonly Sample[]) => median(samples.map((s) => s.ms));
const cpu = (samples: readonly Sample[]) => (samples.every((s) => s.cpuMs !== undefined) ? median(samples.map((s) => s.cpuMs!)) : null);
const peak = (samples: readonly Sample[]) => Math.max(...samples.map((s) => s.maxRssMb));

function printSize(n: number, rows: readonly Row[], floors: Record<string, Sample[]>): void {
  console.log(`\n${n} incidents, median of ${RUNS} runs; ratios to the single-thread floor, of wall times and (where both report it) of CPU times`);
  console.log(
    'task'.padEnd(21),
    'wall'.padStart(10),
    'CPU'.padStart(10),
    'floor wall / CPU'.padStart(24),
    'wall ratio'.padStart(11),
    'CPU ratio'.padStart(10),
    'ms/incident'.padStart(12),
    'peak RSS'.padStart(9),
  );
  for (const { label, samples, floor } of rows) {
    if (samples.some((s) => s.failed > 0)) throw new Error(`${label}: synthetic incidents failed`);
    const [taskCpu, floorCpu] = [cpu(samples), cpu(floors[floor]!)];
    // With worker threads the wall time is what a user waits; CPU time then counts every thread's work.
    const cpuRatio = taskCpu !== null && floorCpu !== null ? `${(taskCpu / floorCpu).toFixed(2)}x` : '-';
    const floorText = `${floor} ${formatMs(wall(floors[floor]!))} / ${floorCpu === null ? '-' : formatMs(floorCpu)}`;
    console.log(
      label.padEnd(21),
      formatMs(wall(samples)).padStart(10),
      (taskCpu === null ? '-' : formatMs(taskCpu)).padStart(10),
      floorText.padStart(24),
      `${(wall(samples) / wall(floors[floor]!)).toFixed(2)}x`.padStart(11),
      cpuRatio.padStart(10),
      (wall(samples) / n).toFixed(3).padStart(12),
      `${peak(samples).toFixed(0)} MB`.padStart(9),
    );
  }
}

/**
 * The thresholds themselves: validate at CHECK_THRESHOLD files and a cold build at BUILD_THRESHOLD,
 * one thread against what auto runs past them: a worker per core but one, the main thread taking a share
 * (forced: `auto` also looks at the load average).
 */
async function printThreshold(): Promise<void> {
  const workers = `${Math.max(availableParallelism() - 1, 1)}+main`;
  const cases = [
    { label: 'validate', n: CHECK_THRESHOLD, run: (root: string, setting: string) => speedTask(root, 'validate', setting) },
    { label: 'cold build', n: BUILD_THRESHOLD, run: (root: string, setting: string) => foundation(root, 'build', setting) },
  ];
  console.log(`\nthread thresholds, median of ${RUNS} runs, one thread against ${workers} workers (\`npm run bench -- threads\` for the sizes around them)`);
  for (const { label, n, run } of cases) {
    const root = await writeSyntheticRepo(n, 'threshold-bench');
    try {
      await writeFile(path.join(root, 'postmortem.config.yaml'), 'output: reports\n');
      const samples: Record<string, number[]> = { '0': [], [workers]: [] };
      for (let r = 0; r < RUNS; r++) {
        for (const setting of ['0', workers]) {
          await rm(path.join(root, 'reports'), { recursive: true, force: true });
          samples[setting]!.push(run(root, setting).ms);
        }
      }
      const [one, pooled] = [median(samples['0']!), median(samples[workers]!)];
      console.log(`${label} of ${n} files: one thread ${formatMs(one)}, ${workers} ${formatMs(pooled)} (${(one / pooled).toFixed(2)}x)`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
}

/** The start-up target of issue 13: `--version` and `validate` of one file within this many ms of bare `node`. */
const STARTUP_TARGET_MS = 80;

/**
 * CPU time (user + system) of this process's reaped children so far, in ms:
 * `cutime` + `cstime` of /proc/self/stat, in USER_HZ ticks (100 a second on
 * Linux); null where there is no /proc. Steadier than wall time when other
 * work shares the cores, but 10 ms coarse, so it is read as a mean over runs.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name in parentheses; the first of them is field 3 (state), so cutime (16) is [13].
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

interface ProcessTime {
  /** Median wall time, ms. */
  wall: number;
  /** Mean CPU time, ms; null without /proc. */
  cpu: number | null;
}

/**
 * Whole processes, one of each command line per round, `STARTUP_RUNS`
 * rounds, so machine load falls on all of them alike; `before` runs untimed
 * ahead of each (e.g. removing a report).
 */
function timeProcesses(commandLines: ReadonlyArray<readonly string[]>, cwd: string, before: () => void = () => {}): ProcessTime[] {
  const walls = commandLines.map((): number[] => []);
  const cpus = commandLines.map((): number | null => 0);
  for (let r = 0; r < STARTUP_RUNS; r++) {
    commandLines.forEach((args, i) => {
      before();
      const [start, cpuStart] = [performance.now(), childrenCpuMs()];
      spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
      walls[i]!.push(performance.now() - start);
      const [cpuEnd, sum] = [childrenCpuMs(), cpus[i]!];
      cpus[i] = sum === null || cpuStart === null || cpuEnd === null ? null : sum + cpuEnd - cpuStart;
    });
  }
  return commandLines.map((_, i) => ({ wall: median(walls[i]!), cpu: cpus[i] === null ? null : cpus[i]! / STARTUP_RUNS }));
}

/** `+12.5 ms`, `-3.00 ms`: a difference to bare node (under load a short command can come out below it). */
const signedMs = (ms: number) => `${ms < 0 ? '-' : '+'}${formatMs(Math.abs(ms))}`;

/** How far a command's median over bare node is from the target: `18.5 ms left`, or `over by 12.0 ms`. */
export function startupMargin(overNodeMs: number, targetMs = STARTUP_TARGET_MS): string {
  const margin = targetMs - overNodeMs;
  return margin >= 0 ? `${formatMs(margin)} left` : `over by ${formatMs(-margin)}`;
}

async function printStartup(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log('\nstart-up: skipped, dist/bin/postmortem.cjs is missing (run `npm run build`)');
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'postmortem-startup-'));
  try {
    const { name, yaml } = syntheticIncident(1);
    await mkdir(path.join(dir, 'postmortems'));
    const file = `postmortems/${name}.yaml`;
    await writeFile(path.join(dir, file), yaml);
    const removeReport = () => spawnSync('rm', ['-f', path.join(dir, file.replace(/\.yaml$/, '.md'))]);
    const commands: Array<[string, string[], (() => void)?]> = [
      ['--version', ['--version']],
      ['validate one file', ['validate', file]],
      ['lint one file', ['lint', file]],
      ['build one file (cold)', ['build', file], removeReport],
      ['report', ['report', '--now', '2025-07-01']],
      ['show one file', ['show', file]],
    ];
    // Bare node runs in the same rounds as each command (and the other build's, if given), and each row is read against its own.
    const rows = commands.map(([label, args, before]) => {
      const [bare, cli, other] = timeProcesses([['-e', '0'], [CLI, ...args], ...(OTHER_CLI ? [[OTHER_CLI, ...args]] : [])], dir, before);
      return { label, bare: bare!, cli: cli!, other };
    });
    const bare = median(rows.map((row) => row.bare.wall));
    console.log(
      `\nstart-up of the built CLI, one incident, median of ${STARTUP_RUNS} processes (load average ${loadavg()[0]!.toFixed(2)}); bare \`node -e 0\`: ${formatMs(bare)}; target: within ${STARTUP_TARGET_MS} ms of it (--version, validate)`,
    );
    if (OTHER_CLI) console.log(`\`other\`: ${OTHER_CLI}, run in the same rounds`);
    const otherHeads = OTHER_CLI ? ['other: over node'.padStart(17), 'other: CPU'.padStart(11)] : [];
    console.log(
      'command'.padEnd(24),
      'median'.padStart(10),
      'over node'.padStart(10),
      `margin to ${STARTUP_TARGET_MS} ms`.padStart(18),
      'CPU over node (mean)'.padStart(21),
      ...otherHeads,
    );
    const cpuOver = (time: ProcessTime, own: ProcessTime) => (time.cpu === null || own.cpu === null ? '-' : signedMs(time.cpu - own.cpu));
    for (const { label, bare: own, cli, other } of rows) {
      const otherCells = other ? [signedMs(other.wall - own.wall).padStart(17), cpuOver(other, own).padStart(11)] : [];
      console.log(
        label.padEnd(24),
        formatMs(cli.wall).padStart(10),
        signedMs(cli.wall - own.wall).padStart(10),
        startupMargin(cli.wall - own.wall).padStart(18),
        cpuOver(cli, own).padStart(21),
        ...otherCells,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(
    `speed summary: targets cold build 1,000 < 3 s, 10,000 < 30 s and <= 1.5x render; validate <= 1.2x yaml; report 1,000 < 1 s, 10,000 < 10 s and < 1 GB; --version and validate within 80 ms of bare node. Workers: POSTMORTEM_WORKERS=${process.env.POSTMORTEM_WORKERS ?? 'auto'}`,
  );
  const note = poolNote();
  if (note) console.log(note);
  // `BENCH_TASKS=startup` is the start-up table alone (seconds, not minutes).
  const startupOnly = TASKS?.every((task) => task === 'startup') ?? false;
  for (const n of startupOnly ? [] : SIZES) {
    const { rows, floors } = await measure(n);
    printSize(n, rows, floors);
  }
  if (!startupOnly && wanted('threshold')) await printThreshold();
  if (wanted('startup')) await printStartup();
}
