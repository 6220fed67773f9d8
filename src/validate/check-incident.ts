/**
 * The validate stage for one incident file: parse, check the schema, check
 * the cross-field rules, and build the model when nothing is wrong. Pure:
 * the caller reads the bytes and decides what to do with the result.
 *
 * @example
 * const checked = checkIncident('postmortems/2024-01-15-checkout.yaml', bytes, DEFAULT_CONFIG);
 * if (checked.incident) render(checked.incident);
 */
import { compareDiagnostics, createDiagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYamlSource } from '../load/parse.js';
import type { LoadResult, YamlSource } from '../load/source.js';
import { repairYamlMistakes } from '../load/yaml-mistakes.js';
import { buildIncident, type Incident } from '../incident/model.js';
import { checkIncidentRules } from './cross-field-rules.js';
import type { IncidentInput } from './schema.js';
import { checkSchema } from './schema-check.js';
import { severityNumberAdvice } from './severity-level.js';
import { incidentFieldPlaces, validateIncident } from './standalone-validators.js';
import type { Config } from '../config/config.js';
import { trackerWarnings } from '../report/incident-warnings.js';
import { NO_POLICIES } from '../report/policies.js';

/** What checking needs of the configuration; `policies` adds the tracker's warnings. */
export type CheckConfig = Pick<Config, 'severities'> & Partial<Pick<Config, 'policies'>>;

export interface CheckOptions {
  /** YYYY-MM-DD, for the policy limits on how long an incident may stay unpublished. */
  today?: string | null;
}

export interface CheckedIncident {
  file: string;
  source: YamlSource | null;
  /** The written data when the schema accepted it (even if rules failed). */
  input: IncidentInput | null;
  /** The model, only when there is no error. */
  incident: Incident | null;
  diagnostics: Diagnostic[];
}

/** Past this many problems a file is mostly noise; the rest are summarised in one line. */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

/** Parses and checks one file; never throws, whatever the bytes. */
export function checkIncident(file: string, bytes: string | Uint8Array, config: CheckConfig, options: CheckOptions = {}): CheckedIncident {
  return guarded(file, () => checkLoadedIncident(file, parseYamlSource(file, bytes), config, options));
}

/** The same for a file already loaded (a run's cache of loaded files parses each file once). */
export function checkLoadedIncident(file: string, loaded: LoadResult, config: CheckConfig, options: CheckOptions = {}): CheckedIncident {
  return guarded(file, () => {
    if (loaded.data === null || loaded.diagnostics.length > 0) {
      const diagnostics = [...loaded.diagnostics, ...checkPastMistakes(file, loaded.source, config)].sort(compareDiagnostics);
      return { file, source: loaded.source, input: null, incident: null, diagnostics };
    }
    return checkIncidentData(file, loaded.data, loaded.source, config, options);
  });
}

function guarded(file: string, check: () => CheckedIncident): CheckedIncident {
  try {
    return check();
  } catch (error) {
    // A bug here must not stop the other files of the run; it becomes one diagnostic on this file.
    const message = error instanceof Error ? error.message : String(error);
    const diagnostic = createDiagnostic({
      file,
      ruleId: 'schema/internal',
      message: `Could not check this file: ${message}`,
      note: 'Please report this as a bug, with the file if you can.',
    });
    return { file, source: null, input: null, incident: null, diagnostics: [diagnostic] };
  }
}

/**
 * A common YAML mistake (an unquoted `: `, a tab, an open quote) stops
 * parsing; with the faulty lines repaired the rest of the file can still be
 * checked, so the first run shows every problem. Problems on the repaired
 * lines themselves are left out: their columns would not match the file.
 */
function checkPastMistakes(file: string, source: YamlSource | null, config: Pick<Config, 'severities'>): Diagnostic[] {
  if (!source || source.document.errors.length === 0) return [];
  const repaired = repairYamlMistakes(source.text, source.document.errors);
  if (!repaired) return [];
  const reloaded = parseYamlSource(file, repaired.text);
  if (reloaded.data === null || reloaded.diagnostics.length > 0) return [];
  return checkIncidentData(file, reloaded.data, reloaded.source, config).diagnostics.filter(
    (diagnostic) => diagnostic.line === null || !repaired.lines.has(diagnostic.line),
  );
}

/**
 * The same, for data already parsed (the linter and sync parse once and share it).
 *
 * @example
 * const { data, source } = parseYamlSource(file, bytes);
 * checkIncidentData(file, data, source, DEFAULT_CONFIG).diagnostics
 */
export function checkIncidentData(file: string, data: unknown, source: YamlSource | null, config: CheckConfig, options: CheckOptions = {}): CheckedIncident {
  const schemaDiagnostics = checkSchema(validateIncident, data, file, source, {
    advise: (path, value) => adviseOnSeverity(path, value, config.severities),
    fieldPlaces: incidentFieldPlaces,
  });
  const rules = checkIncidentRules(data, { file, source, severities: config.severities });
  const found = [...schemaDiagnostics, ...rules.diagnostics];
  const input = schemaDiagnostics.length === 0 ? (data as IncidentInput) : null;
  const instants = rules.instants.filter((instant): instant is Date => instant !== null);
  const complete = input !== null && instants.length === input.timeline.length;
  const incident = complete && !hasErrors(found) ? buildIncident(file, input, instants) : null;
  // The tracker's warnings (a declined item's reason, the configured policies) need the model.
  if (incident) found.push(...trackerWarnings(incident, source, config.policies ?? NO_POLICIES, options.today ?? null));
  const diagnostics = capDiagnostics(file, found.sort(compareDiagnostics));
  return { file, source, input, incident, diagnostics };
}

/** `severity: 2` is a number to the schema; the hint names the level of the configured scale it stands for (`SEV2`). */
function adviseOnSeverity(path: readonly (string | number)[], value: unknown, scale: readonly string[]): { note: string; suggestions: string[] } | null {
  return path.length === 1 && path[0] === 'severity' && typeof value === 'number' ? severityNumberAdvice(value, scale) : null;
}

function capDiagnostics(file: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const shown = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  const rest = diagnostics.length - shown.length;
  shown.push(
    createDiagnostic({
      file,
      ruleId: 'schema/too-many-problems',
      // An info, so counts stay true; an error only when it alone carries the file's failure.
      severity: hasErrors(diagnostics.slice(MAX_DIAGNOSTICS_PER_FILE)) && !hasErrors(shown) ? 'error' : 'info',
      message: `${rest} more problem${rest === 1 ? '' : 's'} in this file not shown (the first ${MAX_DIAGNOSTICS_PER_FILE} are listed)`,
      note: 'Fix the problems above and run again.',
    }),
  );
  return shown;
}
