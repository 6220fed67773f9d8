/**
 * Runs the committed Action bundle (action/dist/index.js) as a runner does:
 * a node process with the inputs as `INPUT_*` variables, the event payload in
 * `GITHUB_EVENT_PATH`, and `GITHUB_STEP_SUMMARY` / `GITHUB_OUTPUT` files it
 * appends to; the API is the loopback fake GitHub.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const BUNDLE = path.join(REPO_ROOT, 'action/dist/index.js');

export interface BundleRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

export interface BundleOptions {
  workspace: string;
  inputs: Record<string, string>;
  /** The event payload; omitted for a push without one. */
  event?: unknown;
  eventName?: string;
  apiUrl?: string;
  env?: Record<string, string>;
}

/** One step: the exit code, what it printed, and the summary and outputs it wrote. */
export async function runBundle(options: BundleOptions): Promise<BundleRun> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'postmortem-runner-'));
  const summaryFile = path.join(scratch, 'step-summary.md');
  const outputFile = path.join(scratch, 'output');
  const eventFile = path.join(scratch, 'event.json');
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
  await writeFile(eventFile, JSON.stringify(options.event ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    POSTMORTEM_SYNC_BACKOFF_MS: '1',
    ...(options.apiUrl ? { GITHUB_API_URL: options.apiUrl } : {}),
    ...options.env,
  };
  // The runner's naming: `INPUT_` + the name upper-cased, spaces as underscores, hyphens kept.
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BUNDLE], { cwd: options.workspace, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
  const run = { ...result, summary: await readFile(summaryFile, 'utf8'), outputs: parseOutputs(await readFile(outputFile, 'utf8')) };
  await rm(scratch, { recursive: true, force: true });
  return run;
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as the toolkit writes `GITHUB_OUTPUT`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** A `pull_request` payload shaped like GitHub's (the fields the Action reads, and some it does not). */
export function pullRequestEvent(number: number, author: string, options: { fork?: boolean } = {}) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'Post-mortem updates',
      user: { login: author, type: 'User' },
      head: { ref: 'postmortem-edits', sha: 'c0ffee'.padEnd(40, '1'), repo: { full_name: options.fork ? `${author}/platform` : 'acme/platform' } },
      base: { ref: 'main', sha: 'ba5e'.padEnd(40, '0'), repo: { full_name: 'acme/platform' } },
    },
    repository: { full_name: 'acme/platform', default_branch: 'main' },
    sender: { login: author },
  };
}
