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
import { buildIncident, type Incident } from '../incident/model.js';
import { checkIncidentRules } from './cross-field-rules.js';
import { incidentJsonSchema, type IncidentInput } from './schema.js';
import { checkSchema, compileSchema } from './schema-check.js';
import type { Config } from '../config/config.js';

export interface CheckedIncident {
  file: string;
  source: YamlSource | null;
  /** The written data when the schema accepted it (even if rules failed). */
  input: IncidentInput | null;
  /** The model, only when there is no error. */
  incident: Incident | null;
  diagnostics: Diagnostic[];
}

let validateIncidentSchema: ReturnType<typeof compileSchema> | undefined;

/** Past this many problems a file is mostly noise; the rest are summarised in one line. */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

/** Parses and checks one file; never throws, whatever the bytes. */
export function checkIncident(file: string, bytes: string | Uint8Array, config: Pick<Config, 'severities'>): CheckedIncident {
  return guarded(file, () => checkLoadedIncident(file, parseYamlSource(file, bytes), config));
}

/** The same for a file already loaded (a run's cache of loaded files parses each file once). */
export function checkLoadedIncident(file: string, loaded: LoadResult, config: Pick<Config, 'severities'>): CheckedIncident {
  return guarded(file, () => {
    if (loaded.data === null || loaded.diagnostics.length > 0) {
      return { file, source: loaded.source, input: null, incident: null, diagnostics: loaded.diagnostics };
    }
    return checkIncidentData(file, loaded.data, loaded.source, config);
  });
}

function guarded(file: string, check: () => CheckedIncident): CheckedIncident {
  try {
    return check();
  } catch (error) {
    // A bug here must not stop the other files of the run; it becomes one diagnostic on this file.
    const message = error instanceof Error ? error.message : String(error);
    const diagnostic = createDiagnostic({ file, ruleId: 'schema/internal', message: `Could not check this file: ${message}`, note: 'Please report this as a bug, with the file if you can.' });
    return { file, source: null, input: null, incident: null, diagnostics: [diagnostic] };
  }
}

/**
 * The same, for data already parsed (the linter and sync parse once and share it).
 *
 * @example
 * const { data, source } = parseYamlSource(file, bytes);
 * checkIncidentData(file, data, source, DEFAULT_CONFIG).diagnostics
 */
export function checkIncidentData(file: string, data: unknown, source: YamlSource | null, config: Pick<Config, 'severities'>): CheckedIncident {
  validateIncidentSchema ??= compileSchema(incidentJsonSchema());
  const schemaDiagnostics = checkSchema(validateIncidentSchema, data, file, source);
  const rules = checkIncidentRules(data, { file, source, severities: config.severities });
  const diagnostics = capDiagnostics(file, [...schemaDiagnostics, ...rules.diagnostics].sort(compareDiagnostics));
  const input = schemaDiagnostics.length === 0 ? (data as IncidentInput) : null;
  const instants = rules.instants.filter((instant): instant is Date => instant !== null);
  const complete = input !== null && instants.length === input.timeline.length;
  const incident = complete && !hasErrors(diagnostics) ? buildIncident(file, input, instants) : null;
  return { file, source, input, incident, diagnostics };
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
