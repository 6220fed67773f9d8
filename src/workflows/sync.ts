/**
 * The sync use case: load and check the incidents, read the repository (its
 * default branch, for the link in each issue body) and the labelled issues,
 * write missing action ids before any issue exists, plan, then apply through
 * the Tracker port (or only plan, for a dry run). Each file is parsed once;
 * every write-back is verified by one re-parse, which the run then keeps.
 *
 * @example
 * const run = await syncWorkflow(workspace, tracker, { paths: [], dryRun: false, prune: false });
 * run.files.filter((f) => f.skipped); run.results; run.diagnostics;
 */
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import { locatePath } from '../load/locate.js';
import { applySync, type OpResult } from '../sync/apply.js';
import { syncDiagnostics } from '../sync/diagnostics.js';
import { missingIssueNumbers, planSync, type RemoteIssue, type SyncOp } from '../sync/plan.js';
import { collectSyncItems, type SyncItem } from '../sync/sync-item.js';
import type { SyncTracker, Tracker } from '../sync/tracker.js';
import { editItemFields, type ItemEdit } from '../sync/write-back.js';
import { INCIDENT_EXTENSIONS, listIncidentFiles } from './incident-files.js';
import { createWriteBackBuffer } from './write-back-buffer.js';
import { idRecord, incidentIdOwners, otherOwners } from './incident-ids.js';
import { createYamlFiles, type YamlFiles } from './yaml-files.js';
import { rerenderReports, trackWrites, type ReportRefresh } from './sync-reports.js';
import type { Workspace } from './workspace.js';

export interface SyncWorkflowOptions {
  paths: readonly string[];
  /** Plan only: write nothing to GitHub or the YAML. */
  dryRun: boolean;
  /** Close the issues of action items removed from the YAML. */
  prune: boolean;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What happened to one incident file before any issue was touched. */
export interface SyncFileOutcome {
  file: string;
  /** The file's validation problems (printed before `skipped`). */
  diagnostics: Diagnostic[];
  /** Why the file was not synced, or null when it was. */
  skipped: string | null;
  /** Action items that got (or, in a dry run, would get) a new `id:`. */
  addedIds: number;
  /** The incident id, once the file was read in full. */
  incident: string | null;
}

export interface SyncWorkflowResult {
  /** Set when the request itself is wrong (a named path does not exist); nothing was done. */
  problem: string | null;
  files: SyncFileOutcome[];
  /** The plan; in a dry run nothing of it was applied. */
  plan: SyncOp[];
  /** One per applied operation; empty in a dry run. */
  results: OpResult[];
  /** The failed, conflicting and warned items as diagnostics on their YAML lines. */
  diagnostics: Diagnostic[];
  /** Null, or why the final write-back of issue numbers failed (they are found by marker next run). */
  writeBackError: string | null;
  /** The reports of the incidents written to, re-rendered so `build --check` still passes. */
  reports: ReportRefresh;
}

export type { SyncTracker } from '../sync/tracker.js';

/** Runs one sync; see the module comment for the order of its steps. */
export async function syncWorkflow(plainWorkspace: Workspace, tracker: SyncTracker, options: SyncWorkflowOptions): Promise<SyncWorkflowResult> {
  const tracked = trackWrites(plainWorkspace);
  const { workspace } = tracked;
  const listed = await listIncidentFiles(workspace, options.paths);
  const none = { files: [], plan: [], results: [], diagnostics: [], writeBackError: null, reports: { written: [], failures: [], problem: null } };
  if (listed.problem !== null) return { problem: listed.problem, ...none };
  const yamlFiles = createYamlFiles(workspace);
  const prepared = await prepareItems(workspace, yamlFiles, listed.files);
  // Nothing is written before GitHub has answered a read: a wrong token or repository leaves the tree as it was.
  const repository = { ...(await tracker.readRepository()), pathPrefix: await workspace.readCheckoutPrefix() };
  const issues = await readIssues(tracker, prepared.items);
  const { items, incidents, files } = options.dryRun ? prepared : await writeNewIds(yamlFiles, prepared);
  const { label, incidentLabelPrefix } = workspace.config.sync;
  const plan = planSync(items, issues, { label, incidentLabelPrefix, prune: options.prune, incidents, repository });
  if (options.dryRun) return { problem: null, ...none, files, plan };
  const buffer = createWriteBackBuffer((file, edits) => yamlFiles.edit(file, (source) => editItemFields(source, edits)));
  const results = await applySync(plan, tracker, {
    writeBack: (item, issue, status) =>
      buffer.add(item.file, { actionId: item.actionId, index: item.index, fields: status ? { issue, status } : { issue } }, status !== null),
    progress: options.onProgress,
  });
  // Issue numbers not written here are found again by their markers on the next run.
  const writeBackError = await buffer.flush().then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  const fileOf = new Map(files.filter((f) => f.incident !== null).map((f) => [f.incident!, f.file]));
  const diagnostics = syncDiagnostics(results, await itemLocator(yamlFiles, results), (incident) => fileOf.get(incident) ?? workspace.config.incidents);
  const writtenYaml = tracked.written().filter((file) => INCIDENT_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext)));
  const reports = await rerenderReports(workspace, writtenYaml);
  return { problem: null, files, plan, results, diagnostics, writeBackError, reports };
}

/** The labelled issues, plus any issue the YAML names that lost its label (read by number). */
async function readIssues(tracker: Tracker, items: readonly SyncItem[]): Promise<RemoteIssue[]> {
  const issues = await tracker.listIssues();
  for (const number of missingIssueNumbers(items, issues)) {
    const issue = await tracker.getIssue(number);
    if (issue?.marker) issues.push(issue);
  }
  return issues;
}

interface PreparedItems {
  items: SyncItem[];
  incidents: string[];
  files: SyncFileOutcome[];
  /** The `id:` edits each file needs, written only after the first successful read from GitHub. */
  newIds: Map<string, ItemEdit[]>;
}

/** Checks the incidents and collects the action ids to add; writes nothing. */
async function prepareItems(workspace: Workspace, yamlFiles: YamlFiles, paths: readonly string[]): Promise<PreparedItems> {
  const prepared: PreparedItems = { items: [], incidents: [], files: [], newIds: new Map() };
  // Markers key issues by incident id: two files with one id would fight over the same issues,
  // so ids are compared across the whole incidents folder, also when PATHS names one file.
  const named = await Promise.all(paths.map(async (file) => idRecord(file, (await yamlFiles.load(file)).source)));
  const owners = await incidentIdOwners(workspace, (file) => yamlFiles.load(file), named);
  for (const [position, file] of paths.entries()) {
    const checked = await yamlFiles.check(file);
    const outcome: SyncFileOutcome = { file, diagnostics: [], skipped: null, addedIds: 0, incident: null };
    prepared.files.push(outcome);
    if (!checked.incident) {
      outcome.diagnostics = checked.diagnostics;
      outcome.skipped = 'fix the errors above first';
      continue;
    }
    const others = otherOwners(named[position]!, owners);
    if (others.length > 0) {
      outcome.skipped = `incident id \`${checked.incident.id}\` is also the id of ${others.join(', ')}; give each incident its own \`id\``;
      continue;
    }
    const collected = collectSyncItems(checked.incident);
    if (collected.newIds.length > 0)
      prepared.newIds.set(
        file,
        collected.newIds.map(({ index, id }) => ({ actionId: null, index, fields: { id } })),
      );
    outcome.addedIds = collected.newIds.length;
    outcome.incident = checked.incident.id;
    prepared.items.push(...collected.items);
    // Only incidents read in full: an incident skipped above must not look emptied.
    prepared.incidents.push(checked.incident.id);
  }
  return prepared;
}

/** Writes the missing action ids, before any issue exists; a file that cannot take them is left out of the run. */
async function writeNewIds(yamlFiles: YamlFiles, prepared: PreparedItems): Promise<PreparedItems> {
  const failed = new Set<string>();
  for (const [file, edits] of prepared.newIds) {
    try {
      await yamlFiles.edit(file, (source) => editItemFields(source, edits));
    } catch (error) {
      failed.add(file);
      const outcome = prepared.files.find((f) => f.file === file)!;
      outcome.skipped = `cannot write action ids (${error instanceof Error ? error.message : String(error)})`;
      outcome.addedIds = 0;
      outcome.incident = null;
    }
  }
  if (failed.size === 0) return prepared;
  const items = prepared.items.filter((item) => !failed.has(item.file));
  const kept = new Set(items.map((item) => item.incidentId));
  const skippedIncidents = new Set(prepared.items.filter((item) => failed.has(item.file)).map((item) => item.incidentId));
  const incidents = prepared.incidents.filter((id) => kept.has(id) || !skippedIncidents.has(id));
  return { ...prepared, items, incidents };
}

/** Positions of the items that need a diagnostic, from the files as they are now (the cache holds them). */
async function itemLocator(yamlFiles: YamlFiles, results: readonly OpResult[]): Promise<(file: string, index: number) => SourceSpan | null> {
  const sources = new Map<string, Awaited<ReturnType<YamlFiles['load']>>['source']>();
  for (const result of results) {
    if (!('item' in result.op) || (result.outcome !== 'failed' && result.outcome !== 'conflict' && result.warnings.length === 0)) continue;
    const file = result.op.item.file;
    if (!sources.has(file)) sources.set(file, (await yamlFiles.load(file)).source);
  }
  return (file, index) => {
    const source = sources.get(file);
    return source ? locatePath(source, ['action_items', index]) : null;
  };
}
