/**
 * The worker thread of the file pool (`file-pool.ts`): checks the bytes the
 * main thread read, and renders the reports of the files it checked. Only
 * plain data goes back (diagnostics, the model, the id record, Markdown); the
 * YAML syntax tree never leaves this thread. The config and templates arrive
 * once, in `workerData`, so every worker checks and renders as the main
 * thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerRequest, type WorkerRequest, type WorkerSetup, type WorkerState } from './file-work.js';

const setup = workerData as WorkerSetup;
// Handlebars is loaded only by a build's workers: validate and report render nothing here.
const state: WorkerState = { kept: new Map(), render: setup.templates ? (await import('../render/render.js')).renderReport : null };

parentPort?.on('message', (request: WorkerRequest) => parentPort!.postMessage(answerRequest(request, setup, state)));
