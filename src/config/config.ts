/**
 * Reads `postmortem.config.yaml` (optional) into a complete `Config`: the
 * file is parsed and validated like an incident, then every missing setting
 * takes its default. Pure: the caller reads the bytes.
 *
 * @example
 * const { config, diagnostics } = checkConfig('postmortem.config.yaml', 'incidents: docs/incidents\n');
 */
import { ConfigSchema, type ConfigInput } from './schema.js';
import { compareDiagnostics, createDiagnostic, formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePath, parseYamlSource } from '../load/parse.js';
import { checkSchema, compileSchema } from '../validate/schema-check.js';

export const CONFIG_FILE = 'postmortem.config.yaml';

export type RuleLevel = 'off' | 'error' | 'warning' | 'info';

export interface LintPhrase {
  phrase: string;
  rule: string;
  message: string | null;
  suggestion: string | null;
}

export interface Config {
  incidents: string;
  /** A folder of user templates overriding the built-in ones, or null. */
  templates: string | null;
  /** Where reports go; null means beside each incident file. */
  output: string | null;
  severities: string[];
  lint: { rules: Record<string, RuleLevel>; phrases: LintPhrase[]; allow: string[] };
  sync: { repo: string | null; label: string; incidentLabelPrefix: string; paceMs: number | null };
}

export const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'];

export const DEFAULT_CONFIG: Config = {
  incidents: 'postmortems',
  templates: null,
  output: null,
  severities: DEFAULT_SEVERITIES,
  lint: { rules: {}, phrases: [], allow: [] },
  sync: { repo: null, label: 'postmortem-action', incidentLabelPrefix: 'incident:', paceMs: null },
};

let validateConfig: ReturnType<typeof compileSchema> | undefined;

/**
 * Fills every setting the file leaves out with its default.
 *
 * @example
 * resolveConfig({ incidents: 'docs/incidents' }).severities // → ['SEV1', …, 'SEV5']
 */
export function resolveConfig(input: ConfigInput): Config {
  return {
    incidents: input.incidents ?? DEFAULT_CONFIG.incidents,
    templates: input.templates ?? null,
    output: input.output ?? null,
    severities: (input.severities ?? DEFAULT_SEVERITIES).map((s) => s.toUpperCase()),
    lint: {
      rules: input.lint?.rules ?? {},
      phrases: (input.lint?.phrases ?? []).map((p) => ({
        phrase: p.phrase,
        rule: p.rule ?? 'blame/custom',
        message: p.message ?? null,
        suggestion: p.suggestion ?? null,
      })),
      allow: input.lint?.allow ?? [],
    },
    sync: {
      repo: input.sync?.repo ?? null,
      label: input.sync?.label ?? DEFAULT_CONFIG.sync.label,
      incidentLabelPrefix: input.sync?.incident_label_prefix ?? DEFAULT_CONFIG.sync.incidentLabelPrefix,
      paceMs: input.sync?.pace_ms ?? null,
    },
  };
}

/**
 * Validates the configuration file's text; on any error the defaults are not
 * silently used. An empty file (or one holding only comments) means "all defaults".
 *
 * @example
 * checkConfig('postmortem.config.yaml', 'severities: [P1, P2]\n').config?.severities // → ['P1', 'P2']
 */
export function checkConfig(file: string, input: string | Uint8Array): { config: Config | null; diagnostics: Diagnostic[] } {
  const loaded = parseYamlSource(file, input);
  const empty = loaded.diagnostics.length === 1 && loaded.diagnostics[0]!.ruleId === 'schema/empty-file';
  if (empty) return { config: DEFAULT_CONFIG, diagnostics: [] };
  if (loaded.diagnostics.length > 0) return { config: null, diagnostics: loaded.diagnostics };
  validateConfig ??= compileSchema(ConfigSchema);
  const diagnostics = checkSchema(validateConfig, loaded.data, file, loaded.source).sort(compareDiagnostics);
  if (diagnostics.length > 0) return { config: null, diagnostics };
  const config = resolveConfig(loaded.data as ConfigInput);
  const repeated = config.severities.findIndex((name, index) => config.severities.indexOf(name) !== index);
  if (repeated !== -1) {
    const path = ['severities', repeated];
    const diagnostic = createDiagnostic({
      file,
      ruleId: 'schema/severities',
      message: `Severity \`${config.severities[repeated]!}\` is listed twice (names are compared case-insensitively)`,
      path: formatFieldPath(path),
      span: locatePath(loaded.source, path),
      expected: 'each severity name once',
    });
    return { config: null, diagnostics: [diagnostic] };
  }
  return { config, diagnostics: [] };
}
