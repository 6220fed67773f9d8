/**
 * The `report` use case: check every incident file of the workspace, read
 * publication dates from git, build the tracker and render it as the
 * Markdown page or JSON, and compare with what is on disk. `planReport` only
 * reads; `applyReport` writes the page atomically. Files that fail
 * validation are listed on the page, never dropped silently. No printing.
 *
 * @example
 * const { plan } = await planReport(workspace, { out: null, format: 'md', now: null, check: false });
 * if (plan && plan.state !== 'unchanged') await applyReport(workspace, plan);
 */
import path from 'node:path';
import { issueLinksOf } from '../render/issue-link.js';
import { reportPathFor } from './report-path.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Incident } from '../incident/model.js';
import { openCheckRun } from './check-cache.js';
import { checkFiles, listIncidentFiles } from './incident-files.js';
import type { Workspace } from './workspace.js';
import { readAsOf, renderTracker, trackerToJson } from '../report/render-tracker.js';
import { buildTracker } from '../report/tracker.js';
import type { TrackerReport } from '../report/tracker-types.js';

export type ReportFormat = 'md' | 'json';

export interface ReportOptions {
  /** Where the page goes, relative to the root; null: `README.md` in the incidents folder (md) or stdout (json). */
  out: string | null;
  format: ReportFormat;
  /** `--now` / `POSTMORTEM_NOW`; null means: the day of the page on disk when checking, else today. */
  now: Date | null;
  check: boolean;
  /** Today, when `now` is not given (injectable for tests). */
  clock?: () => Date;
  onProgress?: (done: number, total: number) => void;
}

export type ReportPlanResult = { plan: ReportPlan; problem: null } | { plan: null; problem: string };

export interface ReportPlan {
  /** The page path relative to the root, or null for stdout. */
  target: string | null;
  text: string;
  state: 'missing' | 'changed' | 'unchanged';
  report: TrackerReport;
  /** Every problem of the files left out (errors) and the warnings of the others. */
  diagnostics: Diagnostic[];
  /** The target exists and was not written by `postmortem report`: it is never replaced. */
  foreign: boolean;
  /** Template overrides under `report/` that match no tracker template (warnings). */
  templateWarnings?: Diagnostic[];
}

/** The page's default place: README.md in the incidents folder, shown on GitHub when the folder is opened. */
export function defaultReportPath(workspace: Workspace): string {
  return path.posix.join(workspace.config.incidents.split(path.sep).join('/'), 'README.md');
}

/** Builds the page in memory and says whether the file on disk matches it. */
export async function planReport(workspace: Workspace, options: ReportOptions): Promise<ReportPlanResult> {
  const target = options.out === '-' ? null : (options.out ?? (options.format === 'md' ? defaultReportPath(workspace) : null));
  const relativeTarget = target === null ? null : workspace.displayPath(target);
  const unwritable = relativeTarget === null || options.check ? null : await workspace.writableFolderProblem(path.posix.dirname(relativeTarget));
  if (unwritable !== null) return { plan: null, problem: unwritable };
  const existing = relativeTarget === null ? null : await workspace.readTextIfExists(relativeTarget);
  const today = resolveToday(options, existing);
  // A missing incidents folder is an empty tracker, not an error: a new repository has none yet.
  const files = (await workspace.exists(workspace.config.incidents)) ? await listIncidentFiles(workspace, []) : { files: [], problem: null };
  if (files.problem !== null) return { plan: null, problem: files.problem };
  const loaded = options.format === 'md' ? await workspace.loadTrackerTemplates() : null;
  if (loaded?.problem) return { plan: null, problem: loaded.problem };
  const incidents: Incident[] = [];
  const diagnostics: Diagnostic[] = [];
  const unreadable: Diagnostic[] = [];
  const run = await openCheckRun(workspace, files.files, { today: null, diagnosticsOnly: false });
  try {
    for await (const entry of checkFiles(workspace, files.files, { pool: run.pool, cache: run.checks })) {
      options.onProgress?.(entry.position, entry.total);
      diagnostics.push(...entry.diagnostics);
      // Only the model is kept: the parsed YAML trees of thousands of files would not fit.
      if (entry.incident) incidents.push(entry.incident);
      else unreadable.push(...(hasErrors(entry.diagnostics) ? entry.diagnostics.filter((d) => d.severity === 'error') : entry.diagnostics));
    }
  } finally {
    await run.close();
  }

  const publication = await workspace.readPublicationDates(workspace.config.incidents);
  const outDir = workspace.config.output ? workspace.displayPath(workspace.config.output) : null;
  const pageFolder = path.posix.dirname(relativeTarget ?? defaultReportPath(workspace));
  const report = buildTracker({
    incidents,
    unreadable,
    publication,
    today,
    policies: workspace.config.policies,
    severities: workspace.config.severities,
    reportLink: (file) => path.posix.relative(pageFolder, reportPathFor(file, outDir)),
    issueLinks: issueLinksOf(workspace.config.sync),
  });
  const text = loaded?.templates ? renderTracker(report, loaded.templates) : trackerToJson(report);
  const state = existing === null ? 'missing' : existing === text ? 'unchanged' : 'changed';
  const foreign = existing !== null && options.format === 'md' && readAsOf(existing) === null;
  return { plan: { target: relativeTarget, text, state, report, diagnostics, foreign, templateWarnings: loaded?.diagnostics ?? [] }, problem: null };
}

/** Writes the page (temp file + rename); a no-op for stdout or an unchanged page. */
export async function applyReport(workspace: Workspace, plan: ReportPlan): Promise<void> {
  if (plan.target === null || plan.state === 'unchanged' || plan.foreign) return;
  await workspace.writeText(plan.target, plan.text, { durable: false });
}

/** The day overdue is counted against, as YYYY-MM-DD in UTC. */
function resolveToday(options: ReportOptions, existing: string | null): string {
  if (options.now) return options.now.toISOString().slice(0, 10);
  // A check without --now asks "is the page current for the day it was made?", so it does not go stale overnight.
  if (options.check && existing !== null) {
    const recorded = options.format === 'md' ? readAsOf(existing) : jsonAsOf(existing);
    if (recorded) return recorded;
  }
  return (options.clock ?? (() => new Date()))().toISOString().slice(0, 10);
}

function jsonAsOf(text: string): string | null {
  try {
    const asOf = (JSON.parse(text) as { as_of?: unknown }).as_of;
    return typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null;
  } catch {
    return null;
  }
}
