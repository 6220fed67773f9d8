/**
 * `command: check`: validate and lint the incident files a pull request
 * changes (every file in `paths` outside a pull request, or when its file
 * list cannot be read), check that their rendered reports are current and
 * that no report is left behind by an incident file the pull request removes
 * or renames (outside a pull request: none anywhere), and apply the review gate to incidents the pull request publishes. Returns the
 * findings and metrics as data; main.ts turns them into annotations, the
 * summary, the comment and outputs.
 *
 * @example
 * const report = await runCheck({ workspace, paths: [], pull, github });
 */
import path from 'node:path';
import { planFiles } from '../workflows/build.js';
import { findOrphanedReports, orphanDiagnostic } from '../workflows/orphan-reports.js';
import { approvalsFor } from '../config/config.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkFiles, listFiles, listIncidentFiles } from '../workflows/incident-files.js';
import { lintWorkflow } from '../workflows/lint.js';
import type { Workspace } from '../workflows/workspace.js';
import type { PullRequestClient } from '../io/github/pull-request.js';
import { locatePath, parseYamlSource } from '../load/parse.js';
import { checkReviewGate, type PublishChange } from '../review/gate.js';
import { selectChangedFiles, selectRemovedIncidentFiles } from './changed-files.js';
import type { PullRequestEvent } from './event.js';
import type { IncidentRow } from './findings-table.js';
import type { RunReport } from './summary.js';

export interface CheckInput {
  workspace: Workspace;
  /** The `paths` input; empty means the incidents folder. */
  paths: string[];
  pull: PullRequestEvent | null;
  github: PullRequestClient | null;
}

/** Runs the check; problems with GitHub become notes or findings, never exceptions. */
export async function runCheck(input: CheckInput): Promise<RunReport> {
  const scope = input.paths.length > 0 ? input.paths : [input.workspace.config.incidents];
  const notes: string[] = [];
  const { files, removed } = await filesToCheck(input, scope, notes);
  const yamlFiles = files.filter((file) => /\.ya?ml$/i.test(file));
  const diagnostics: Diagnostic[] = [];
  const incidents: IncidentRow[] = [];
  const published: PublishChange[] = [];
  for await (const checked of checkFiles(input.workspace, yamlFiles)) {
    diagnostics.push(...checked.diagnostics);
    const incident = checked.incident;
    if (!incident) continue;
    incidents.push({ file: incident.file, title: incident.title, severity: incident.severity, status: incident.status, metrics: incident.metrics });
    if (incident.status === 'published')
      published.push({ file: incident.file, severity: incident.severity, statusSpan: locatePath(checked.source, ['status']) });
  }
  if (files.length > 0) diagnostics.push(...orThrow(await lintWorkflow(input.workspace, { paths: files })).diagnostics);
  diagnostics.push(...(await staleReports(input.workspace, await withEditedReports(input.workspace, scope, files, yamlFiles))));
  diagnostics.push(...(await orphanedReports(input.workspace, yamlFiles, removed)));
  if (input.pull && input.github && published.length > 0) diagnostics.push(...(await reviewGate(input, published, notes)));
  return { command: 'check', files: files.length, diagnostics: dedupe(diagnostics), incidents, notes };
}

/** The files to check, and the incident files the pull request removes (null: not known, so every orphan counts). */
async function filesToCheck(input: CheckInput, scope: string[], notes: string[]): Promise<{ files: string[]; removed: string[] | null }> {
  const all = async () => ({ files: orThrow(await listFiles(input.workspace, scope, ['.yaml', '.yml', '.md'])).files, removed: null });
  if (!input.pull || !input.github) return all();
  const listed = await input.github.listFiles(input.pull.number);
  if (!listed.ok) {
    notes.push(
      `Could not read the files of pull request #${input.pull.number} (${listed.status ?? 'no response'}: ${listed.message}); checked every file in ${scope.join(', ')} instead.`,
    );
    return all();
  }
  return { files: selectChangedFiles(listed.value, scope), removed: selectRemovedIncidentFiles(listed.value, scope) };
}

/** An error for each generated report whose incident file is gone: in a pull request, only those it removes or renames. */
async function orphanedReports(workspace: Workspace, sources: readonly string[], removed: readonly string[] | null): Promise<Diagnostic[]> {
  if (removed !== null && removed.length === 0) return [];
  const outDir = workspace.config.output ? workspace.displayPath(workspace.config.output) : null;
  // A report's header names its YAML file by name, so that is what a removed path is compared by.
  const removedNames = removed && new Set(removed.map((file) => path.posix.basename(file)));
  const orphans = await findOrphanedReports(workspace, { outDir, sources });
  return orphans.filter((orphan) => removedNames === null || removedNames.has(orphan.source)).map((orphan) => orphanDiagnostic(orphan, 'error'));
}

/** The YAML files whose reports to compare: the changed ones, and those whose report beside them was edited by hand. */
async function withEditedReports(workspace: Workspace, scope: string[], files: readonly string[], yamlFiles: readonly string[]): Promise<string[]> {
  const reports = files.filter((file) => /\.md$/i.test(file));
  if (reports.length === 0) return [...yamlFiles];
  const sources = new Set(orThrow(await listIncidentFiles(workspace, scope)).files);
  const edited = reports.flatMap((report) => ['.yaml', '.yml'].map((ext) => report.replace(/\.md$/i, ext))).filter((file) => sources.has(file));
  return [...new Set([...yamlFiles, ...edited])].sort();
}

/** A finding for each rendered report that is missing or differs from what the YAML renders to. */
async function staleReports(workspace: Workspace, yamlFiles: readonly string[]): Promise<Diagnostic[]> {
  if (yamlFiles.length === 0) return [];
  const { items } = orThrow(await planFiles(workspace, yamlFiles, { outDir: null }));
  return items
    .filter((item) => item.state === 'missing' || item.state === 'changed')
    .map((item) =>
      createDiagnostic({
        file: item.file,
        ruleId: 'build/stale-report',
        message: item.state === 'missing' ? `Its rendered report \`${item.target}\` is missing` : `Its rendered report \`${item.target}\` is out of date`,
        note: 'Run `npx postmortem build` and commit the result.',
      }),
    );
}

/** Applies the gate to incidents whose base version was not yet published. */
async function reviewGate(input: CheckInput, published: readonly PublishChange[], notes: string[]): Promise<Diagnostic[]> {
  const pull = input.pull!;
  const github = input.github!;
  const moved: PublishChange[] = [];
  for (const change of published) {
    const before = pull.baseSha ? await github.readFileAt(change.file, pull.baseSha) : ({ ok: true, value: null } as const);
    if (!before.ok) notes.push(`Could not read ${change.file} on the base branch (${before.status ?? 'no response'}); treated it as newly published.`);
    if (!before.ok || before.value === null || statusOf(change.file, before.value) !== 'published') moved.push(change);
  }
  if (moved.length === 0) return [];
  const reviews = await github.listReviews(pull.number);
  if (!reviews.ok) {
    return moved.map((change) =>
      createDiagnostic({
        file: change.file,
        span: change.statusSpan,
        path: 'status',
        ruleId: 'review/approvals',
        message: `Cannot read the reviews of pull request #${pull.number} (${reviews.status ?? 'no response'}), so its approvals cannot be counted`,
        note: 'Give the workflow `pull-requests: read`.',
      }),
    );
  }
  return checkReviewGate(moved, reviews.value, { author: pull.author, approvalsFor: (severity) => approvalsFor(input.workspace.config, severity) });
}

function statusOf(file: string, text: string): string {
  const data = parseYamlSource(file, text).data as { status?: unknown } | null;
  return typeof data?.status === 'string' ? data.status : 'draft';
}

/** The loader's problems reach both validation and lint: each finding once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.ruleId}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A problem with the request itself (a named path that does not exist): the step fails with it. */
function orThrow<T extends { problem: string | null }>(result: T): T & { problem: null } {
  if (result.problem !== null) throw new Error(result.problem);
  return result as T & { problem: null };
}
