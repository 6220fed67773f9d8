/**
 * The validate stage for one incident file: parse, check the schema, check
 * the cross-field rules, and build the model when nothing is wrong. Pure:
 * the caller reads the bytes and decides what to do with the result.
 *
 * @example
 * const checked = checkIncident('postmortems/2024-01-15-checkout.yaml', bytes, DEFAULT_CONFIG);
 * if (checked.incident) render(checked.incident);
 */
import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostic.js';
import { parseYamlSource, type YamlSource } from './load.js';
import { buildIncident, type Incident } from './model.js';
import { checkIncidentRules } from './rules.js';
import { incidentJsonSchema, type IncidentInput } from './schema.js';
import { checkSchema, compileSchema } from './schema-check.js';
import type { Config } from './config.js';

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

export function checkIncident(file: string, bytes: string | Uint8Array, config: Pick<Config, 'severities'>): CheckedIncident {
  const loaded = parseYamlSource(file, bytes);
  if (loaded.data === null || loaded.diagnostics.length > 0) {
    return { file, source: loaded.source, input: null, incident: null, diagnostics: loaded.diagnostics };
  }
  return checkIncidentData(file, loaded.data, loaded.source, config);
}

/** The same, for data already parsed (the linter and sync parse once and share it). */
export function checkIncidentData(file: string, data: unknown, source: YamlSource | null, config: Pick<Config, 'severities'>): CheckedIncident {
  validateIncidentSchema ??= compileSchema(incidentJsonSchema());
  const schemaDiagnostics = checkSchema(validateIncidentSchema, data, file, source);
  const rules = checkIncidentRules(data, { file, source, severities: config.severities });
  const diagnostics = [...schemaDiagnostics, ...rules.diagnostics].sort(compareDiagnostics);
  const input = schemaDiagnostics.length === 0 ? (data as IncidentInput) : null;
  const incident =
    input && !hasErrors(diagnostics) && rules.instants.every((instant) => instant !== null)
      ? buildIncident(file, input, rules.instants as Date[])
      : null;
  return { file, source, input, incident, diagnostics };
}
