/**
 * The Action's entry point (bundled to action/dist/index.js): read the
 * inputs and the event, run the command, then report the way GitHub shows
 * it: annotations (workflow commands on stdout), the job summary, one
 * pull-request comment, the `errors`/`warnings`/`files` outputs, and a
 * failed step per `fail-on`. The only module that imports `@actions/core`.
 * Nothing it writes carries the token.
 */
import * as core from '@actions/core';
import { formatGithub } from '../diagnostics/format/github.js';
import { formatText } from '../diagnostics/format/text.js';
import { commitChanges } from '../io/git.js';
import { createPullRequestClient, type PullRequestClient } from '../io/github/pull-request.js';
import { checkApiUrl, DEFAULT_API_URL, redactToken, serverUrlFrom, type Connection } from '../io/github/connection.js';
import { readTextFile } from '../io/text-files.js';
import { openWorkspace } from '../io/workspace.js';
import type { Workspace } from '../workflows/workspace.js';
import { planAnnotations } from './annotations.js';
import { runCheck } from './check.js';
import { buildComment } from './comment.js';
import { parseEventPayload, readPullRequest, type PullRequestEvent } from './event.js';
import { parseActionInputs, type ActionCommand, type ActionInputs } from './inputs.js';
import { runReportCommand } from './report.js';
import { runSyncCommand } from './sync.js';
import { publishComment } from './publish-comment.js';
import { buildSummary, countFindings, type RunReport } from './summary.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Runs one step; every failure ends as a failed step with one readable message. */
export async function main(env: Env = process.env): Promise<void> {
  const parsed = parseActionInputs((name) => core.getInput(name));
  if (!parsed.ok) return core.setFailed(parsed.error);
  const { inputs } = parsed;
  const redact = (text: string) => redactToken(text, inputs.token || null);
  try {
    await runStep(inputs, env, redact);
  } catch (error) {
    core.setFailed(redact(`postmortem ${inputs.command}: ${error instanceof Error ? error.message : String(error)}`));
  }
}

async function runStep(inputs: ActionInputs, env: Env, redact: (text: string) => string): Promise<void> {
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const opened = await openWorkspace(root);
  if (!opened.workspace) {
    process.stdout.write(redact(formatGithub(opened.diagnostics)));
    return core.setFailed(redact(`postmortem.config.yaml is not usable:\n${formatText(opened.diagnostics, { colour: false })}`));
  }
  const pull = readPullRequest(parseEventPayload(env.GITHUB_EVENT_PATH ? await readTextFile(env.GITHUB_EVENT_PATH).catch(() => null) : null));
  const github = await connect(inputs, env);
  const report = await runCommand(inputs, opened.workspace, pull, github, env);
  if (inputs.commit) report.notes.push(await commitStep(inputs, opened.workspace, report, env));
  if (inputs.command === 'check' && pull && inputs.comment) {
    if (!github) report.notes.push('No `github-token` or repository, so the pull request was not commented on.');
    else {
      const outcome = await publishComment(github, pull.number, buildComment(report, runUrl(env)));
      if (outcome.done === 'failed') {
        report.notes.push(outcome.note);
        core.warning(redact(outcome.note));
      }
    }
  }
  await finish(inputs, report, env, redact);
}

async function runCommand(
  inputs: ActionInputs,
  workspace: Workspace,
  pull: PullRequestEvent | null,
  github: PullRequestClient | null,
  env: Env,
): Promise<RunReport> {
  switch (inputs.command) {
    case 'check':
      return runCheck({ workspace, paths: inputs.paths, pull, github });
    case 'sync':
      return runSyncCommand({ workspace, paths: inputs.paths, connection: syncConnection(inputs, workspace, env), env });
    case 'report':
      return runReportCommand({ workspace, now: parseNow(env.POSTMORTEM_NOW) });
  }
}

/** Where sync writes issues: `sync.repo` in the config, else this repository; a token is required. */
function syncConnection(inputs: ActionInputs, workspace: Workspace, env: Env): Connection {
  if (!inputs.token) throw new Error('Input `github-token` is empty; `command: sync` needs a token with `issues: write`');
  const repo = workspace.config.sync.repo ?? env.GITHUB_REPOSITORY ?? '';
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repo);
  if (!match) throw new Error('No repository for the issues: set `sync.repo` in postmortem.config.yaml');
  return {
    apiUrl: checkApiUrl(env.GITHUB_API_URL || DEFAULT_API_URL),
    owner: match[1]!,
    repo: match[2]!,
    token: inputs.token,
    serverUrl: serverUrlFrom(env, workspace.config.sync.serverUrl),
  };
}

/** Commit mode: commits what sync or report changed and says what happened, as a note for the summary. */
async function commitStep(inputs: ActionInputs, workspace: Workspace, report: RunReport, env: Env): Promise<string> {
  if (inputs.command === 'check') return '`commit: true` applies to `sync` and `report`; the check changes no files.';
  if (report.diagnostics.some((d) => d.severity === 'error')) return 'Not committed: the run had errors (see the findings).';
  const paths = [...(inputs.paths.length > 0 ? inputs.paths : [workspace.config.incidents]), ...(report.written ?? [])];
  const ref = env.GITHUB_REF ?? '';
  const result = await commitChanges(workspace.root, {
    paths,
    message: commitMessage(inputs.command, report.changes ?? []),
    env,
    ...(ref.startsWith('refs/heads/') ? { branch: ref.slice('refs/heads/'.length) } : {}),
  });
  if (!result.committed) return 'Nothing to commit: the files were already current.';
  const where = result.pushed ? 'and pushed it' : 'locally (no remote branch to push to)';
  return `Committed ${result.sha?.slice(0, 7)} (${result.files.length} file${result.files.length === 1 ? '' : 's'}) as github-actions[bot] ${where}.`;
}

function commitMessage(command: ActionCommand, changes: readonly string[]): string {
  const subject = command === 'sync' ? 'postmortem sync: write back action item issues and status' : 'postmortem report: regenerate the incident index';
  const shown = changes.slice(0, 30);
  const more = changes.length > shown.length ? [`… and ${changes.length - shown.length} more`] : [];
  return shown.length > 0 ? `${subject}\n\n${[...shown, ...more].map((line) => `- ${line}`).join('\n')}\n` : `${subject}\n`;
}

/** A client when there is a token and a repository; the API URL must be https (http only on loopback). */
async function connect(inputs: ActionInputs, env: Env): Promise<PullRequestClient | null> {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
  if (!inputs.token || !match) return null;
  const connection: Connection = { apiUrl: checkApiUrl(env.GITHUB_API_URL || DEFAULT_API_URL), owner: match[1]!, repo: match[2]!, token: inputs.token };
  return createPullRequestClient(connection, { backoffMs: Number(env.POSTMORTEM_SYNC_BACKOFF_MS) || undefined });
}

/** `POSTMORTEM_NOW` fixes "today" for overdue counts, as it does for the CLI. */
function parseNow(text: string | undefined): Date | null {
  if (!text) return null;
  const now = new Date(text);
  if (Number.isNaN(now.getTime())) throw new Error(`POSTMORTEM_NOW must be an ISO 8601 date or time; got \`${text}\``);
  return now;
}

function runUrl(env: Env): string | null {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : null;
}

/** Annotations, summary, outputs and the step's status. */
async function finish(inputs: ActionInputs, report: RunReport, env: Env, redact: (text: string) => string): Promise<void> {
  const plan = planAnnotations(report.diagnostics);
  process.stdout.write(redact(formatGithub(plan.shown)));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(buildSummary(report, plan.omitted))).write({ overwrite: false });
  const counts = countFindings(report.diagnostics);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  core.setOutput('files', report.files);
  const failing = inputs.failOn === 'never' ? 0 : inputs.failOn === 'warning' ? counts.error + counts.warning : counts.error;
  if (failing > 0) core.setFailed(`postmortem ${inputs.command}: ${counts.error} error(s), ${counts.warning} warning(s) (fail-on: ${inputs.failOn})`);
  else core.info(`postmortem ${inputs.command}: ${counts.error} error(s), ${counts.warning} warning(s) in ${report.files} file(s)`);
}
