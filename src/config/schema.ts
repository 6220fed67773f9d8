/**
 * `postmortem.config.yaml` at the repository root: one optional file for every
 * command. Every setting has a default (see `DEFAULT_CONFIG` in config/config.ts), so
 * a repository without the file behaves the same as one with an empty file.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_FILE_BYTES } from '../load/source.js';

const RuleLevel = Type.Unsafe<'off' | 'error' | 'warning' | 'info'>({
  type: 'string',
  enum: ['off', 'error', 'warning', 'info'],
  description: 'off disables the rule; otherwise the severity it reports at',
});

export const LintConfigSchema = Type.Object(
  {
    rules: Type.Optional(
      Type.Record(Type.String({ pattern: '^(blame|structure)/' }), RuleLevel, {
        description: 'Rule id (or family such as `blame/hindsight`) → off | error | warning | info',
        additionalProperties: false,
      }),
    ),
    phrases: Type.Optional(
      Type.Array(
        Type.Object(
          {
            phrase: Type.String({ minLength: 1, description: 'Words to flag, matched case-insensitively on word boundaries' }),
            rule: Type.Optional(Type.String({ pattern: '^blame/', description: 'Rule id the finding is reported under (default `blame/custom`)' })),
            message: Type.Optional(Type.String({ description: 'Why the phrase hurts a blameless review' })),
            suggestion: Type.Optional(Type.String({ description: 'A systemic rewrite to offer' })),
          },
          { additionalProperties: false },
        ),
        { description: 'Team-specific phrases to flag' },
      ),
    ),
    allow: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Phrases never flagged (matched case-insensitively)' })),
    people: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), { description: 'Names (or logins) lint treats as people in every file, besides those a file lists' }),
    ),
  },
  { additionalProperties: false },
);

export const SyncConfigSchema = Type.Object(
  {
    repo: Type.Optional(Type.String({ pattern: '^[\\w.-]+/[\\w.-]+$', description: 'owner/name of the repository that receives the issues' })),
    server_url: Type.Optional(
      Type.String({
        pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$',
        description: 'Web address of the GitHub server that issue links in reports point to, e.g. a GitHub Enterprise Server (default `https://github.com`)',
      }),
    ),
    label: Type.Optional(Type.String({ minLength: 1, description: 'Label marking post-mortem action issues (default `postmortem-action`)' })),
    incident_label_prefix: Type.Optional(Type.String({ minLength: 1, description: 'Prefix of the per-incident label (default `incident:`)' })),
    pace_ms: Type.Optional(Type.Integer({ minimum: 0, description: 'Pause between writes, in ms (default 1000)' })),
    max_wait: Type.Optional(Type.Integer({ minimum: 0, description: 'Longest wait for the retries of one request, in seconds (default 30)' })),
  },
  { additionalProperties: false },
);

export const ReviewConfigSchema = Type.Object(
  {
    approvals: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Type.Integer({ minimum: 0 }), {
        description: 'Approving reviews a pull request needs to move an incident to `status: published`: severity (or `default`) → count (default 1)',
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);

const Days = (description: string) => Type.Integer({ minimum: 0, description });

export const PoliciesConfigSchema = Type.Object(
  {
    action_deadline_days: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Days('days'), {
        description: 'Severity → the latest deadline allowed for its action items, in days after the incident date (e.g. `SEV1: 28`)',
      }),
    ),
    max_days_in_draft: Type.Optional(Days('How many days after the incident date it may still be `draft`')),
    max_days_in_review: Type.Optional(Days('How many days after the incident date it may still be `in-review`')),
  },
  { additionalProperties: false, description: 'Limits the tracker reports breaches of and `validate` warns about' },
);

export const ConfigSchema = Type.Object(
  {
    incidents: Type.Optional(Type.String({ minLength: 1, description: 'Folder of incident files (default `postmortems`)' })),
    templates: Type.Optional(
      Type.String({ minLength: 1, description: 'Folder of your own Handlebars templates; files there replace the built-in ones of the same name' }),
    ),
    output: Type.Optional(Type.String({ minLength: 1, description: 'Folder for rendered reports (default: beside each incident file)' })),
    severities: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        minItems: 1,
        uniqueItems: true,
        description: 'The severity scale, worst first (default SEV1..SEV5)',
      }),
    ),
    max_file_bytes: Type.Optional(
      Type.Integer({
        minimum: 1024,
        maximum: MAX_FILE_BYTES,
        description: 'Largest incident file read, in bytes (default 262144, 256 KiB: a file at the limit builds in well under 512 MB of memory)',
      }),
    ),
    lint: Type.Optional(LintConfigSchema),
    sync: Type.Optional(SyncConfigSchema),
    review: Type.Optional(ReviewConfigSchema),
    policies: Type.Optional(PoliciesConfigSchema),
  },
  { additionalProperties: false, patternProperties: { '^x-': {} } },
);

export type ConfigInput = Partial<Static<typeof ConfigSchema>>;
export type LintConfigInput = Partial<Static<typeof LintConfigSchema>>;
export type SyncConfigInput = Partial<Static<typeof SyncConfigSchema>>;

export function configJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'postmortem configuration (postmortem.config.yaml)',
    ...(JSON.parse(JSON.stringify(ConfigSchema)) as Record<string, unknown>),
  };
}
