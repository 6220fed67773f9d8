/**
 * The public API: every command's programmatic twin, so the GitHub Action
 * and other tools call functions instead of shelling out. Named exports only.
 */
export { createDiagnostic, compareDiagnostics, formatFieldPath, hasErrors } from './diagnostics/diagnostic.js';
export type { Diagnostic, Severity, SourceSpan } from './diagnostics/diagnostic.js';
export { parseYamlSource, locatePath } from './load/parse.js';
export type { YamlSource, LoadResult } from './load/parse.js';
export { checkIncident, checkIncidentData } from './validate/check-incident.js';
export type { CheckedIncident } from './validate/check-incident.js';
export type { Incident, ActionItem, TimelineEvent, Lesson } from './incident/model.js';
export { computeMetrics } from './incident/metrics.js';
export type { Metrics } from './incident/metrics.js';
export { incidentJsonSchema } from './validate/schema.js';
export type { IncidentInput } from './validate/schema.js';
export { configJsonSchema } from './config/schema.js';
export { checkConfig, DEFAULT_CONFIG } from './config/config.js';
export type { Config } from './config/config.js';
export { renderReport, normaliseMarkdown } from './render/render.js';
export type { TemplateSet } from './render/render.js';
export { loadTemplates } from './io/templates.js';
export { planBuild, applyBuild } from './workflows/build.js';
export { incidentToJson } from './incident/to-json.js';
export { planReport, applyReport } from './workflows/report.js';
export type { ReportOptions, ReportPlan } from './workflows/report.js';
export { buildTracker } from './report/tracker.js';
export type { TrackerInput } from './report/tracker.js';
export type { TrackerReport } from './report/tracker-types.js';
export { renderTracker } from './report/render-tracker.js';
export { formatDiagnostics } from './diagnostics/format/index.js';
export { buildSkeleton } from './incident/skeleton.js';
export { openWorkspace } from './io/workspace.js';
export { runCli } from './cli/run.js';
export { planSync } from './sync/plan.js';
export type { SyncOp, RemoteIssue, PlanOptions } from './sync/plan.js';
export { applySync, summarize as summarizeSync } from './sync/apply.js';
export type { OpResult } from './sync/apply.js';
export type { Tracker } from './sync/tracker.js';
export { createGithubTracker } from './io/github/tracker.js';
export { collectSyncItems } from './sync/sync-item.js';
export type { SyncItem } from './sync/sync-item.js';
export { spliceItemFields } from './sync/write-back.js';
export { lintIncidentSource, lintMarkdown, lintProse, retextPostmortem, RULES as LINT_RULES } from './lint/index.js';
export type { LintOptions, Finding, RetextPostmortemOptions } from './lint/index.js';
export { timelineWorkflow } from './workflows/timeline.js';
export type { TimelineOptions, TimelineResult, LogReader } from './workflows/timeline.js';
export { diskLogReader } from './io/log-reader.js';
export { importWorkflow } from './workflows/import.js';
export { importMarkdown } from './import/import-markdown.js';
