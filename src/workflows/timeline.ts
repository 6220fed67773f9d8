/**
 * The timeline use case: read the logs named by `--from` (streamed through
 * the LogReader port), keep the lines of one correlation id and its
 * children, and merge them into the incident's timeline, in its zone,
 * deduplicated against what is there. The file is written only when the
 * merged text validates; `dryRun` returns the entries and writes nothing.
 *
 * @example
 * const result = await timelineWorkflow(workspace, diskLogReader(root), { file: 'postmortems/2024-01-15-checkout.yaml', from: ['logs/gateway.log'], requestId: 'req_a7f3c2d1' });
 */
import { createDiagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveTime } from '../incident/time.js';
import { checkIncident } from '../validate/check-incident.js';
import { createMatcher, DEFAULT_ID_FIELDS } from '../timeline/correlation.js';
import { planDiagnostics, scanDiagnostics } from '../timeline/diagnostics.js';
import type { LogLevel } from '../timeline/log-level.js';
import { mergeIntoTimeline } from '../timeline/merge-into-yaml.js';
import { createLogScanner, type ScanResult } from '../timeline/scan-log.js';
import { selectEntries, type PlannedEntry } from '../timeline/select-entries.js';
import { listIncidentFiles } from './incident-files.js';
import type { Workspace } from './workspace.js';

/** The port logs are read through: chunks of bytes, never the whole file (io/log-reader.ts on disk). */
export interface LogReader {
  readChunks(file: string): AsyncIterable<Uint8Array>;
}

export interface TimelineOptions {
  file: string;
  from: readonly string[];
  requestId: string;
  idFields?: readonly string[];
  dryRun?: boolean;
  level?: LogLevel;
  /** As incident times are written: `10:00` on the incident's date, `2024-01-15 10:00`, or ISO with an offset. */
  since?: string;
  until?: string;
  max?: number;
  /** Zone of log times written without one (default: the incident's). */
  logTimezone?: string;
}

export interface TimelineResult {
  problem: string | null;
  /** The incident file, as shown. */
  file: string;
  /** Entries merged (or, with dryRun, that would be). */
  entries: PlannedEntry[];
  counts: { lines: number; matched: number; filtered: number; duplicates: number; leftOut: number };
  written: boolean;
  diagnostics: Diagnostic[];
}

export async function timelineWorkflow(workspace: Workspace, logs: LogReader, options: TimelineOptions): Promise<TimelineResult> {
  const result: TimelineResult = {
    problem: null,
    file: options.file,
    entries: [],
    counts: { lines: 0, matched: 0, filtered: 0, duplicates: 0, leftOut: 0 },
    written: false,
    diagnostics: [],
  };
  const problem = (text: string) => ({ ...result, problem: text });
  const listed = await listIncidentFiles(workspace, [options.file]);
  if (listed.problem !== null) return problem(listed.problem);
  if (listed.files.length !== 1) return problem(`timeline takes one incident file; \`${options.file}\` names ${listed.files.length} files`);
  const file = listed.files[0]!;
  result.file = file;
  const read = await workspace.readBytes(file);
  if ('diagnostic' in read) return { ...result, diagnostics: [read.diagnostic] };
  const checked = checkIncident(file, read.bytes, workspace.config);
  if (!checked.incident || !checked.source) return { ...result, diagnostics: checked.diagnostics };
  const incident = checked.incident;
  const window = { since: options.since, until: options.until };
  const bounds: Record<string, number> = {};
  for (const [flag, raw] of Object.entries(window)) {
    if (raw === undefined) continue;
    const resolved = resolveTime(raw, incident.date, incident.timezone);
    if (!resolved.ok) return problem(`--${flag}: ${resolved.message}`);
    bounds[flag] = resolved.instant.getTime();
  }

  const matcher = createMatcher(options.requestId, options.idFields ?? DEFAULT_ID_FIELDS);
  const scans: ScanResult[] = [];
  for (const log of options.from) {
    const scan = await scanLog(logs, workspace.displayPath(log), log, matcher, options.logTimezone ?? incident.timezone);
    if ('diagnostic' in scan) result.diagnostics.push(scan.diagnostic);
    else {
      scans.push(scan);
      result.counts.lines += scan.lines;
      result.diagnostics.push(...scanDiagnostics(scan, options.requestId));
    }
  }
  const existing = incident.timeline.map((entry, index) => ({
    instant: entry.instant.getTime(),
    event: entry.event,
    source: checked.input?.timeline[index]?.source ?? null,
  }));
  const plan = selectEntries(scans, { zone: incident.timezone, existing, level: options.level, since: bounds.since, until: bounds.until, max: options.max });
  Object.assign(result.counts, { matched: plan.matched, filtered: plan.filtered, duplicates: plan.duplicates, leftOut: plan.leftOut });
  result.entries = plan.entries;
  result.diagnostics.push(...planDiagnostics(file, plan, options.requestId, options.max));
  // A log that could not be read may hold entries that belong between these: merge nothing rather than half.
  if (options.dryRun || plan.entries.length === 0 || hasErrors(result.diagnostics)) return result;

  let text: string;
  try {
    text = mergeIntoTimeline(checked.source, plan.entries);
  } catch (error) {
    result.diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'timeline/merge-failed',
        path: 'timeline',
        message: `Cannot merge into this file: ${error instanceof Error ? error.message : String(error)}; nothing was written`,
      }),
    );
    return result;
  }
  const merged = checkIncident(file, text, workspace.config);
  if (!merged.incident) {
    result.diagnostics.push(...merged.diagnostics);
    return result;
  }
  // Checked on the bytes too: a TextDecoder may drop the BOM before the loader sees it.
  const bom = checked.source.hasBom || (read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf);
  await workspace.writeText(file, (bom ? '\uFEFF' : '') + text, { durable: true });
  return { ...result, written: true };
}

async function scanLog(
  logs: LogReader,
  shown: string,
  file: string,
  matcher: ReturnType<typeof createMatcher>,
  naiveZone: string,
): Promise<ScanResult | { diagnostic: Diagnostic }> {
  const scanner = createLogScanner({ file: shown, matcher, naiveZone });
  try {
    for await (const chunk of logs.readChunks(file)) scanner.push(chunk);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'File not found'
        : code === 'EISDIR'
          ? 'Expected a file, found a folder'
          : `Cannot read the log (${code ?? (error instanceof Error ? error.message : String(error))})`;
    return { diagnostic: createDiagnostic({ file: shown, ruleId: 'timeline/unreadable-log', message: `${reason}; nothing was merged` }) };
  }
  return scanner.finish();
}
