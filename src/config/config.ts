/**
 * Reads `postmortem.config.yaml` (optional) into a complete `Config`: the
 * file is parsed and validated like an incident, then every missing setting
 * takes its default. Pure: the caller reads the bytes.
 *
 * @example
 * const { config, diagnostics } = checkConfig('postmortem.config.yaml', 'incidents: docs/incidents\n');
 */
import type { ConfigInput } from './schema.js';
import { compareDiagnostics, createDiagnostic, formatFieldPath, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePath, parseYamlSource } from '../load/parse.js';
import { checkSchema } from '../validate/schema-check.js';
import { configFieldPlaces, validateConfig } from '../validate/standalone-validators.js';

export const CONFIG_FILE = 'postmortem.config.yaml';
/** The names the config is looked for under, in order. */
export const CONFIG_FILES = [CONFIG_FILE, 'postmortem.config.yml'] as const;

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
  /** Incident files larger than this are refused before they are read (memory grows about 1000-fold in a build). */
  maxFileBytes: number;
  lint: { rules: Record<string, RuleLevel>; phrases: LintPhrase[]; allow: string[]; people: string[] };
  sync: { repo: string | null; serverUrl: string; label: string; incidentLabelPrefix: string; paceMs: number | null; maxWait: number | null };
  /** Approvals needed to publish, by severity; `default` covers the rest. */
  review: { approvals: Record<string, number> & { default: number } };
  /** Deadline and review-time limits; none by default. */
  policies: Policies;
}

/** The optional `policies` of the config, read by validate and the tracker (report/policies.ts checks them). */
export interface Policies {
  /** Severity → the most days after the incident date an action item may be due. */
  actionDeadlineDays: Record<string, number>;
  /** Days after the incident date it may still be `draft`; null for no limit. */
  maxDaysInDraft: number | null;
  /** Days after the incident date it may still be `in-review`; null for no limit. */
  maxDaysInReview: number | null;
}

export const NO_POLICIES: Policies = { actionDeadlineDays: {}, maxDaysInDraft: null, maxDaysInReview: null };

/** 256 KiB: the largest measured shape at this size builds in about 230 MB (`npm run bench -- file-size`). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024;

export const DEFAULT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'];

export const DEFAULT_CONFIG: Config = {
  incidents: 'postmortems',
  templates: null,
  output: null,
  severities: DEFAULT_SEVERITIES,
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  lint: { rules: {}, phrases: [], allow: [], people: [] },
  sync: { repo: null, serverUrl: 'https://github.com', label: 'postmortem-action', incidentLabelPrefix: 'incident:', paceMs: null, maxWait: null },
  review: { approvals: { default: 1 } },
  policies: NO_POLICIES,
};

/**
 * How many approving reviews moving an incident of this severity to
 * `published` needs.
 *
 * @example
 * approvalsFor(resolveConfig({ review: { approvals: { SEV1: 2 } } }), 'sev1') // → 2
 */
export function approvalsFor(config: Config, severity: string): number {
  return config.review.approvals[severity.toUpperCase()] ?? config.review.approvals.default;
}

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
    maxFileBytes: input.max_file_bytes ?? DEFAULT_MAX_FILE_BYTES,
    lint: {
      rules: input.lint?.rules ?? {},
      phrases: (input.lint?.phrases ?? []).map((p) => ({
        phrase: p.phrase,
        rule: p.rule ?? 'blame/custom',
        message: p.message ?? null,
        suggestion: p.suggestion ?? null,
      })),
      allow: input.lint?.allow ?? [],
      people: input.lint?.people ?? [],
    },
    sync: {
      repo: input.sync?.repo ?? null,
      serverUrl: (input.sync?.server_url ?? DEFAULT_CONFIG.sync.serverUrl).replace(/\/+$/, ''),
      label: input.sync?.label ?? DEFAULT_CONFIG.sync.label,
      incidentLabelPrefix: input.sync?.incident_label_prefix ?? DEFAULT_CONFIG.sync.incidentLabelPrefix,
      paceMs: input.sync?.pace_ms ?? null,
      maxWait: input.sync?.max_wait ?? null,
    },
    review: { approvals: resolveApprovals(input.review?.approvals ?? {}) },
    policies: {
      actionDeadlineDays: Object.fromEntries(
        Object.entries(input.policies?.action_deadline_days ?? {}).map(([severity, days]) => [severity.toUpperCase(), days]),
      ),
      maxDaysInDraft: input.policies?.max_days_in_draft ?? null,
      maxDaysInReview: input.policies?.max_days_in_review ?? null,
    },
  };
}

function resolveApprovals(given: Record<string, number>): Config['review']['approvals'] {
  const approvals: Config['review']['approvals'] = { default: DEFAULT_CONFIG.review.approvals.default };
  for (const [key, count] of Object.entries(given)) approvals[key === 'default' ? key : key.toUpperCase()] = count;
  return approvals;
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
  const diagnostics = checkSchema(validateConfig, loaded.data, file, loaded.source, { fieldPlaces: configFieldPlaces }).sort(compareDiagnostics);
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
  const unknownApproval = Object.keys(config.review.approvals).find((key) => key !== 'default' && !config.severities.includes(key));
  if (unknownApproval !== undefined) {
    const written = Object.keys((loaded.data as ConfigInput).review?.approvals ?? {}).find((key) => key.toUpperCase() === unknownApproval) ?? unknownApproval;
    const path = ['review', 'approvals', written];
    const diagnostic = createDiagnostic({
      file,
      ruleId: 'schema/severities',
      message: `\`review.approvals\` names \`${written}\`, which is not on the severity scale`,
      path: formatFieldPath(path),
      span: locatePath(loaded.source, path),
      expected: `\`default\` or one of ${config.severities.map((s) => `\`${s}\``).join(', ')}`,
    });
    return { config: null, diagnostics: [diagnostic] };
  }
  const unknownSeverity = Object.keys((loaded.data as ConfigInput).policies?.action_deadline_days ?? {}).find(
    (name) => !config.severities.includes(name.toUpperCase()),
  );
  if (unknownSeverity !== undefined) {
    const path = ['policies', 'action_deadline_days', unknownSeverity];
    const diagnostic = createDiagnostic({
      file,
      ruleId: 'schema/severities',
      message: `\`${unknownSeverity}\` in \`policies.action_deadline_days\` is not a severity of the scale`,
      path: formatFieldPath(path),
      span: locatePath(loaded.source, path),
      expected: `one of ${config.severities.map((s) => `\`${s}\``).join(', ')}`,
    });
    return { config: null, diagnostics: [diagnostic] };
  }
  return { config, diagnostics: [] };
}
