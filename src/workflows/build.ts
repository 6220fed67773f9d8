/**
 * The build stage over many files: render each valid incident and compare it
 * with what is on disk. `planBuild` only reads; `applyBuild` writes the
 * changed reports atomically. A failing incident is reported and skipped;
 * the others are still built.
 *
 * @example
 * const plan = await planBuild(workspace, ['postmortems/'], { outDir: null });
 * if (plan.items && !check) await applyBuild(workspace, plan.items);
 */
import path from 'node:path';
import { issueLinksOf } from '../render/issue-link.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { PENDING_KEY, readReportHeader, relatedFileHash, reportBody, reportKey, templateDigest } from '../render/report-file.js';
import type { Incident } from '../incident/model.js';
import type { TemplateSet } from '../render/render.js';
import { checkFiles, listIncidentFiles, readFiles } from './incident-files.js';
import { findOrphanedReports, type OrphanedReport } from './orphan-reports.js';
import { relatedReports } from './related-reports.js';
import { reportPathFor } from './report-path.js';
import { inOrder } from './in-order.js';
import type { FilePool, Workspace } from './workspace.js';

export type BuildState = 'unchanged' | 'changed' | 'missing' | 'failed';

export interface BuildItem {
  file: string;
  /** The report path, relative to the root; null when the incident failed. */
  target: string | null;
  state: BuildState;
  markdown: string | null;
  diagnostics: Diagnostic[];
}

export interface BuildOptions {
  /** Folder for reports; null puts each report beside its YAML file. */
  outDir: string | null;
  onProgress?: (done: number, total: number) => void;
  /** `--check`: nothing will be written, so the target folders need not be writable. */
  check?: boolean;
}

/** What `planBuild` found: the items (`reused` when every report on disk was current and nothing was rendered), or the problem with the request (a missing path or templates folder; the CLI exits 2). */
export type BuildPlan =
  | { items: BuildItem[]; problem: null; skipped?: string[]; reused?: boolean; orphans?: OrphanedReport[]; templateWarnings?: Diagnostic[] }
  | { items: null; problem: string; diagnostics?: Diagnostic[] };

/** Renders every incident PATHS name and compares it with its report on disk; writes nothing. */
export async function planBuild(workspace: Workspace, paths: readonly string[], options: BuildOptions): Promise<BuildPlan> {
  const listed = await listIncidentFiles(workspace, paths);
  if (listed.problem !== null) return { items: null, problem: listed.problem };
  const outDir = options.outDir ?? workspace.config.output;
  const relativeOut = outDir ? workspace.displayPath(outDir) : null;
  // Before any rendering: an unwritable target is refused at once, not once per report.
  if (!options.check) {
    const folders = relativeOut ? [relativeOut] : [...new Set(listed.files.map((file) => path.posix.dirname(file)))];
    for (const folder of folders) {
      const problem = await workspace.writableFolderProblem(folder);
      if (problem !== null) return { items: null, problem };
    }
  }
  const plan = await planFiles(workspace, listed.files, options);
  if (plan.problem !== null) return plan;
  const orphans = await findOrphanedReports(workspace, { outDir: relativeOut, sources: listed.files });
  return { ...plan, skipped: listed.skipped ?? [], orphans };
}

/** Renders and compares the given files in this thread, in order. */
export async function planFiles(workspace: Workspace, files: readonly string[], options: BuildOptions): Promise<BuildPlan> {
  const loaded = await workspace.loadTemplates();
  if (loaded.problem !== null) return { items: null, problem: loaded.problem, diagnostics: loaded.diagnostics ?? [] };
  const { templates } = loaded;
  const templateWarnings = loaded.diagnostics ?? [];
  const outDir = options.outDir ?? workspace.config.output;
  const relativeOut = outDir ? workspace.displayPath(outDir) : null;
  const named = new Set(files);
  const folder = await listIncidentFiles(workspace, []);
  const rest = (folder.files ?? []).filter((file) => !named.has(file));
  // The warm path: every report of the folder current, so nothing is parsed or rendered.
  const reused = await reuseReports(workspace, files, rest, templates, relativeOut, options.onProgress);
  if (reused) return { items: reused, problem: null, reused: true, templateWarnings };

  // Threads pay off only for a cold build: the warm path above only reads and hashes.
  const pool = (await workspace.openFilePool?.({ files: files.length + rest.length, templates })) ?? null;
  try {
    return await renderFiles(workspace, { files, rest, templates, relativeOut, pool, onProgress: options.onProgress }, templateWarnings);
  } finally {
    await pool?.close();
  }
}

interface ColdBuild {
  files: readonly string[];
  /** The other incident files of the folder: their data feeds "Related incidents". */
  rest: readonly string[];
  templates: TemplateSet;
  relativeOut: string | null;
  pool: FilePool | null;
  onProgress: BuildOptions['onProgress'];
}

/** Reports rendered at once: with a pool, enough to keep every worker busy; the results still come in order. */
const RENDERS_AHEAD = 32;

/** The cold path: check every file, then render each report (in the pool's workers when there is one). */
async function renderFiles(workspace: Workspace, run: ColdBuild, templateWarnings: Diagnostic[]): Promise<BuildPlan> {
  const { files, templates, relativeOut, pool } = run;
  const { renderReport } = await import('../render/render.js');
  const sourceOf = new Map<string, string>();
  // Checked first, rendered second: "Related incidents" needs every incident of the folder.
  const checked = [];
  const keys = new Map<string, string>();
  for await (const entry of checkFiles(workspace, files, { pool, keep: true })) {
    run.onProgress?.(entry.position, entry.total);
    if (entry.bytes) keys.set(entry.file, reportKeyOf(workspace, entry.file, entry.bytes, templates, relativeOut));
    // The parsed YAML tree and the bytes are dropped: thousands of them would not fit in memory.
    checked.push({ ...entry, source: null, bytes: null });
  }
  const { of: relatedOf, rest: others } = await relatedReports(workspace, checked, relativeOut, run.rest, pool);
  const render = async (incident: Incident, target: string) => {
    const options = { issueLinks: issueLinksOf(workspace.config.sync), related: relatedOf(incident, target), key: keys.get(incident.file) ?? PENDING_KEY };
    const [existing, markdown] = await Promise.all([
      workspace.readTextIfExists(target),
      pool ? pool.render(incident, options) : renderReport(incident, templates, options),
    ]);
    return { existing, markdown };
  };
  // What each file becomes, decided in order (a duplicate report path fails the later file); the renders run ahead.
  const planned = checked.map((entry): BuildItem | { entry: typeof entry & { incident: Incident }; target: string } => {
    if (!entry.incident) return { file: entry.file, target: null, state: 'failed', markdown: null, diagnostics: entry.diagnostics };
    const target = reportPathFor(entry.file, relativeOut);
    const earlier = sourceOf.get(target);
    if (earlier === undefined) {
      sourceOf.set(target, entry.file);
      return { entry: { ...entry, incident: entry.incident }, target };
    }
    // Two incidents with the same file name in different folders would overwrite one report.
    const diagnostic = createDiagnostic({
      file: entry.file,
      ruleId: 'build/duplicate-report',
      message: `Its report \`${target}\` is also the report of \`${earlier}\``,
      note: 'Rename one of the incident files, or build the folders into different --out folders.',
      cause: { file: earlier, line: null, column: null, message: `the incident whose report is also \`${target}\`` },
    });
    return { file: entry.file, target: null, state: 'failed', markdown: null, diagnostics: [diagnostic] };
  });
  const items: BuildItem[] = [];
  const compared = inOrder(planned, RENDERS_AHEAD, async (slot): Promise<BuildItem> => {
    if (!('entry' in slot)) return slot;
    const { existing, markdown } = await render(slot.entry.incident, slot.target);
    const state: BuildState = existing === null ? 'missing' : existing === markdown ? 'unchanged' : 'changed';
    return { file: slot.entry.file, target: slot.target, state, markdown, diagnostics: slot.entry.diagnostics };
  });
  for await (const item of compared) items.push(item);
  // A partial build that changes a report can change the "Related incidents" of reports it does not
  // write; then what it writes is marked pending, so the next build does not trust the folder as current.
  // Only reports that link, or linked, an incident whose report this build writes can be behind.
  const written = new Set(items.filter((item) => item.state === 'missing' || item.state === 'changed').map((item) => item.file));
  const writtenHashes = new Set([...written].map(relatedFileHash));
  for (const incident of written.size > 0 ? others : []) {
    const target = reportPathFor(incident.file, relativeOut);
    const existing = await workspace.readTextIfExists(target);
    if (existing === null) continue; // missing: its own key already makes the next build render
    const linksNow = relatedOf(incident, target).some((other) => written.has(other.file));
    const linkedBefore = (readReportHeader(existing)?.related ?? []).some((hash) => writtenHashes.has(hash));
    if ((linksNow || linkedBefore) && reportBody((await render(incident, target)).markdown) !== reportBody(existing)) {
      return { items: items.map(markPending), problem: null, templateWarnings };
    }
  }
  return { items, problem: null, templateWarnings };
}

/** The key a build gives the report of `file` with these source bytes; `init` stamps its example with it too. */
export function reportKeyOf(
  workspace: Pick<Workspace, 'config' | 'toolVersion'>,
  file: string,
  source: Uint8Array,
  templates: TemplateSet,
  relativeOut: string | null,
): string {
  const { config } = workspace;
  // What of the config reaches a report; lint, review and sync pacing do not.
  const settings = {
    out: relativeOut,
    incidents: config.incidents,
    severities: config.severities,
    maxFileBytes: config.maxFileBytes,
    repo: config.sync.repo,
    serverUrl: config.sync.serverUrl,
    policies: config.policies,
  };
  return reportKey({ file, source, toolVersion: workspace.toolVersion ?? 'unknown', templates: templateDigest(templates), settings });
}

/**
 * The build's items when every incident of the folder (those named and the
 * rest, whose data "Related incidents" uses) has its report on disk with a
 * matching key, an unedited body and no link to a removed incident; else null.
 */
async function reuseReports(
  workspace: Workspace,
  files: readonly string[],
  rest: readonly string[],
  templates: TemplateSet,
  relativeOut: string | null,
  onProgress: BuildOptions['onProgress'],
): Promise<BuildItem[] | null> {
  const all = [...files, ...rest];
  const present = new Set(all.map(relatedFileHash));
  const targets = new Set<string>();
  const items: BuildItem[] = [];
  let index = 0;
  // Stops at the first report that is not current (a cold build reads one file here).
  for await (const { file, read } of readFiles(workspace, all)) {
    const target = reportPathFor(file, relativeOut);
    if (!('bytes' in read) || targets.has(target)) return null;
    targets.add(target);
    const existing = await workspace.readTextIfExists(target);
    const header = existing === null ? null : readReportHeader(existing);
    if (!header || !header.bodyIntact || !header.related.every((hash) => present.has(hash))) return null;
    if (header.key !== reportKeyOf(workspace, file, read.bytes, templates, relativeOut)) return null;
    if (index < files.length) {
      onProgress?.(index + 1, files.length);
      items.push({ file, target, state: 'unchanged', markdown: existing, diagnostics: [] });
    }
    index++;
  }
  return items;
}

function markPending(item: BuildItem): BuildItem {
  if (item.markdown === null || item.state === 'unchanged' || item.state === 'failed') return item;
  return { ...item, markdown: item.markdown.replace(/ key:[0-9a-f]{16} /, ` key:${PENDING_KEY} `) };
}

/** Reports written at once: the disk works on some while the others wait for their rename. */
const WRITES_IN_FLIGHT = 8;

/** Writes every report that is missing or changed; returns how many were written, and the failures in item order. */
export async function applyBuild(workspace: Workspace, items: readonly BuildItem[]): Promise<{ written: number; failures: Diagnostic[] }> {
  const stale = items.filter((item) => (item.state === 'missing' || item.state === 'changed') && item.target && item.markdown !== null);
  const outcomes: Array<Diagnostic | null> = new Array(stale.length).fill(null);
  let next = 0;
  const writer = async () => {
    while (next < stale.length) {
      const index = next++;
      const item = stale[index]!;
      try {
        await workspace.writeText(item.target!, item.markdown!, { durable: false });
      } catch (error) {
        // One report that cannot be written (a folder in the way, no permission) does not stop the others.
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
        outcomes[index] = createDiagnostic({ file: item.file, ruleId: 'build/write-failed', message: `Cannot write \`${item.target}\` (${code})` });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, stale.length) }, writer));
  const failures = outcomes.filter((outcome): outcome is Diagnostic => outcome !== null);
  return { written: stale.length - failures.length, failures };
}
