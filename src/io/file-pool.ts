/**
 * Worker threads for the per-file CPU work of build, validate and report
 * (the `FilePool` port of `workflows/workspace.ts`). Spawning threads is an
 * edge like the disk: it lives here so that the workflows stay plain code
 * over a port, and a test or the Action can hand them a workspace without
 * threads. The main thread keeps reading, writing and ordering; workers
 * parse, check and render, and only plain data crosses.
 *
 * A worker that stops (a crash, `process.exit`, out of memory) costs one
 * diagnostic on the file it was working on; what else it had queued goes to
 * the other workers, or to this thread when none is left. Idle workers are
 * unreferenced, so a pool nobody closed never keeps the process alive.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { incidentIdFromFile } from '../incident/model.js';
import type { FilePool, FilePoolRequest, PooledCheck } from '../workflows/workspace.js';
import type { PoolShape } from './worker-setting.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './file-work.js';

/** The worker script, and whether it is TypeScript (run from source) that needs tsx's loader first. */
export interface WorkerEntry {
  url: URL;
  typescript: boolean;
}

/**
 * The worker script beside this module: `file-worker.js` in dist/io/ (tsc)
 * and dist/bin/ (the CLI bundle); `file-worker.ts` when running from source
 * (vitest, tsx). Null in a bundle without it (the Action): that runs in one thread.
 */
function defaultEntry(): WorkerEntry | null {
  const built = new URL('./file-worker.js', import.meta.url);
  if (existsSync(built)) return { url: built, typescript: false };
  const source = new URL('./file-worker.ts', import.meta.url);
  if (existsSync(source)) return { url: source, typescript: true };
  return null;
}

/**
 * Starts a worker on `entry`. From source, a small script registers tsx's
 * loader in the new thread first: Node 20 neither passes the parent's loader
 * hooks to a worker nor honours `--import` in a worker's execArgv.
 */
function startWorker(entry: WorkerEntry, workerData: WorkerSetup): Worker {
  if (!entry.typescript) return new Worker(entry.url, { workerData });
  // tsx's ESM register API (`tsx/esm/api`, import condition); require.resolve finds the CommonJS twin beside it.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const script = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.url.href)}); });`;
  return new Worker(script, { eval: true, workerData });
}

export interface PoolOptions extends FilePoolRequest {
  config: Config;
  /** The threads to run (`poolShape`); at least one worker. */
  shape: PoolShape;
  /** Another worker script (a test's, one that dies on purpose); `.ts` runs through tsx. */
  entry?: URL;
}

/** The pool for this run, or null when there is no worker script to run (the Action's bundle). */
export function openFilePool(options: PoolOptions): FilePool | null {
  const entry = options.entry ? { url: options.entry, typescript: options.entry.pathname.endsWith('.ts') } : defaultEntry();
  if (options.shape.workers === 0 || entry === null) return null;
  return createPool(entry, options.shape, { config: options.config, templates: options.templates ?? null });
}

interface Job {
  request: WorkerRequest;
  resolve: (reply: WorkerReply) => void;
}

interface Thread {
  worker: Worker;
  /** Sent and not yet answered, oldest first: a worker answers in order. */
  pending: Job[];
  alive: boolean;
  /** It answered at least once: a worker that stops before that failed to start, and no file is to blame. */
  answered: boolean;
}

function createPool(entry: WorkerEntry, shape: PoolShape, setup: WorkerSetup): FilePool {
  let nextId = 0;
  let closed = false;
  /** Which thread holds the model of a file checked with `keep`. */
  const holder = new Map<string, Thread>();
  const threads: Thread[] = [];

  const start = (): Thread => {
    const worker = startWorker(entry, setup);
    const thread: Thread = { worker, pending: [], alive: true, answered: false };
    worker.on('message', (reply: WorkerReply) => {
      const index = thread.pending.findIndex((job) => job.request.id === reply.id);
      if (index < 0) return;
      const [job] = thread.pending.splice(index, 1);
      thread.answered = true;
      job!.resolve(reply);
      if (thread.pending.length === 0) worker.unref();
    });
    // The 'exit' that follows says what is lost; an unhandled 'error' would take the main thread down.
    worker.on('error', () => {});
    worker.on('exit', (code) => stopped(thread, code));
    worker.unref();
    return thread;
  };

  const stopped = (thread: Thread, code: number) => {
    thread.alive = false;
    const jobs = thread.pending.splice(0);
    if (closed) return;
    // The oldest job is the one it was working on when it stopped; the rest are handed on unharmed
    // (a render whose model died with the thread fails over to this thread's renderer).
    const current = thread.answered ? jobs.shift() : undefined;
    current?.resolve({ id: current.request.id, ok: false, message: `the worker thread checking it stopped (exit code ${code})` });
    for (const job of jobs) {
      if (job.request.kind === 'check') dispatch(job);
      else job.resolve({ id: job.request.id, ok: false, message: 'its worker thread stopped' });
    }
  };

  const send = (thread: Thread, job: Job) => {
    thread.pending.push(job);
    thread.worker.ref();
    thread.worker.postMessage(job.request);
  };

  const here = localShare(setup);
  const dispatch = (job: Job) => {
    const live = threads.filter((thread) => thread.alive);
    if (live.length === 0) return here.take(job);
    const thread = live.reduce((least, other) => (other.pending.length < least.pending.length ? other : least));
    // Ties go to a worker: this thread also reads, orders and writes, so it takes a file only when it has fewer waiting.
    if (shape.shareHere && here.pending() < thread.pending.length) return here.take(job);
    if (job.request.kind === 'check' && job.request.keep) holder.set(job.request.file, thread);
    send(thread, job);
  };

  for (let i = 0; i < shape.workers; i++) threads.push(start());

  return {
    size: shape.workers + (shape.shareHere ? 1 : 0),
    async check(file, bytes, options) {
      const { today = null, keep = false, diagnosticsOnly = false } = options;
      const request: WorkerRequest = { id: nextId++, kind: 'check', file, bytes, today, keep, diagnosticsOnly };
      const reply = await new Promise<WorkerReply>((resolve) => dispatch({ request, resolve }));
      return reply.ok ? (reply.value as PooledCheck) : stoppedOn(file, reply.message);
    },
    async render(incident, options) {
      const thread = holder.get(incident.file);
      holder.delete(incident.file);
      if (thread?.alive) {
        const request: WorkerRequest = { id: nextId++, kind: 'render', file: incident.file, options };
        const reply = await new Promise<WorkerReply>((resolve) => send(thread, { request, resolve }));
        if (reply.ok) return reply.value as string;
      }
      // Not held by a live worker, or it failed there: rendered here, so the outcome (a report or the error) is this thread's.
      const { renderReport } = await import('../render/render.js');
      if (!setup.templates) throw new Error('the file pool was opened without templates');
      return renderReport(incident, setup.templates, options);
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}

/** The diagnostic on a file whose worker stopped while checking it (as any check that could not finish). */
function stoppedOn(file: string, message: string): PooledCheck {
  const diagnostic = createDiagnostic({
    file,
    ruleId: 'schema/internal',
    message: `Could not check this file: ${message}`,
    note: 'Please report this as a bug, with the file if you can; `POSTMORTEM_WORKERS=0` checks every file in one thread.',
  });
  return {
    file,
    source: null,
    input: null,
    incident: null,
    diagnostics: [diagnostic],
    id: { file, id: incidentIdFromFile(file), idSpan: null, written: false },
  };
}

/**
 * This thread's share of the checks: its share of a run past the threshold
 * (one worker fewer to start and warm up), and every check once no worker is
 * left. Queued checks run one per turn of the event loop, so the replies of
 * the workers, the reads and the writes go on between them. Nothing is kept
 * here for a render: `render` renders a file no worker holds from the model
 * it is given.
 */
function localShare(setup: WorkerSetup) {
  const queue: Job[] = [];
  let work: Promise<typeof import('./file-work.js')> | null = null;
  const next = async () => {
    const { answerRequest } = await (work ??= import('./file-work.js'));
    const job = queue.shift()!;
    const request = job.request.kind === 'check' ? { ...job.request, keep: false } : job.request;
    job.resolve(answerRequest(request, setup, { kept: new Map(), render: null }));
    if (queue.length > 0) setImmediate(next);
  };
  return {
    pending: () => queue.length,
    take(job: Job) {
      queue.push(job);
      if (queue.length === 1) setImmediate(next);
    },
  };
}
