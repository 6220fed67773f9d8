/**
 * `command: report`: regenerate the tracker page (the index of all
 * incidents, metrics, open and overdue action items) through the report
 * workflow, writing it only when it changed and never over a page it did
 * not write (that is a note in the summary). Returns the findings and what changed as a RunReport.
 *
 * @example
 * const report = await runReportCommand({ workspace, now: null });
 */
import { applyReport, planReport } from '../workflows/report.js';
import type { Workspace } from '../workflows/workspace.js';
import type { RunReport } from './summary.js';

export interface ReportCommandInput {
  workspace: Workspace;
  /** `POSTMORTEM_NOW`, for a reproducible "today"; null means the clock. */
  now: Date | null;
}

export async function runReportCommand(input: ReportCommandInput): Promise<RunReport> {
  const planned = await planReport(input.workspace, { out: null, format: 'md', now: input.now, check: false });
  if (planned.problem !== null) throw new Error(planned.problem);
  const { plan } = planned;
  const diagnostics = [...plan.diagnostics];
  const changes: string[] = [];
  const written: string[] = [];
  const notes: string[] = [];
  if (plan.foreign && plan.target !== null) {
    notes.push(`${plan.target} was not written by \`postmortem report\`, so it was left as it is; move it to let the index be written there.`);
  } else if (plan.state !== 'unchanged') {
    await applyReport(input.workspace, plan);
    if (plan.target !== null) written.push(plan.target);
    changes.push(`${plan.state === 'missing' ? 'wrote' : 'updated'} ${plan.target}`);
  }
  return { command: 'report', files: plan.report.totals.incidents + plan.report.totals.unreadable, diagnostics, incidents: [], notes, changes, written };
}
