/**
 * The incident format as a TypeBox schema: one definition gives both the
 * TypeScript type of a written incident (`IncidentInput`) and the JSON Schema
 * published at `schema/postmortem.schema.json` for editors. A test keeps the
 * published file equal to `incidentJsonSchema()`.
 *
 * Cross-field rules (real dates, time zones, chronology, unique ids) cannot be
 * said in JSON Schema; they live in `cross-field-rules.ts`.
 *
 * Build time only for the checking itself: the CLI runs the standalone
 * validator generated from this schema (`npm run schemas`) and imports this
 * module for its types alone, so TypeBox (about 90 ms to import) stays off
 * its start-up.
 */
import { EVENT_TYPES, PHASE_EVENT_TYPES } from '../incident/events.js';
import { Type, type Static, type TSchema, type TObject, type TProperties } from '@sinclair/typebox';
import { ACTION_STATUSES, ACTION_TYPES, DATE_PATTERN, INCIDENT_STATUSES, INVESTIGATION_RESULTS, PRIORITIES } from './allowed-values.js';

/** Custom data goes under `x-` keys at any level; they are kept and ignored. */
const EXTENSION_KEYS = { '^x-': {} };

function strictObject<T extends TProperties>(properties: T, options: { description?: string; title?: string } = {}): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false, patternProperties: EXTENSION_KEYS });
}

const Text = (description: string) => Type.String({ minLength: 1, pattern: '\\S', description });
const Names = (description: string) => Type.Array(Type.String({ minLength: 1 }), { description });
const CalendarDate = (description: string) => Type.String({ pattern: DATE_PATTERN, description: `${description} (YYYY-MM-DD)`, examples: ['2024-01-15'] });

export { ACTION_STATUSES, ACTION_TYPES, DATE_PATTERN, INCIDENT_STATUSES, INVESTIGATION_RESULTS, PRIORITIES } from './allowed-values.js';

// A plain `enum` (not TypeBox's union of literals) keeps editor completion
// and validation messages simple: one error naming the allowed values.
const literalUnion = <T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });

export const TimelineEntrySchema = strictObject({
  time: Type.String({
    minLength: 1,
    description: 'HH:MM[:SS] on `date`, "YYYY-MM-DD HH:MM[:SS]", or ISO 8601 with Z or an offset',
    examples: ['10:03', '2024-01-16 02:30', '2024-01-15T10:03:00Z'],
  }),
  event: Text('What happened (prose, read by the linter)'),
  type: Type.String({
    pattern: '^[a-z][a-z0-9-]*$',
    description: `${PHASE_EVENT_TYPES.join(' | ')} give the metrics; deploy, action, note or any other word for the rest`,
    examples: [...EVENT_TYPES],
  }),
  service: Type.String({ minLength: 1, description: 'The service the event happened in (written by `postmortem timeline`)' }),
  level: Type.String({ minLength: 1, description: 'Log level of the line it came from: trace | debug | info | warn | error | fatal' }),
  source: Type.String({ minLength: 1, description: 'Where the event was read: `logs/orders.jsonl:42` (written by `postmortem timeline`)' }),
});

export const ActionItemSchema = strictObject({
  id: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
    description: 'Stable id, unique in the file (letters, digits, - and _); `postmortem sync` adds one when missing',
  }),
  action: Text('What will be done (prose, read by the linter)'),
  owner: Type.String({ minLength: 1, description: 'A person or team; a GitHub login when it starts with @' }),
  deadline: CalendarDate('Due date'),
  status: literalUnion(ACTION_STATUSES, 'open (default) | in-progress | done | wont-do'),
  priority: literalUnion(PRIORITIES, 'P0 (most urgent) .. P3'),
  type: literalUnion(ACTION_TYPES, 'prevent | detect | mitigate | process'),
  issue: Type.Integer({ minimum: 1, description: 'GitHub issue number, written by `postmortem sync`; never typed by hand' }),
  reason: Text('Why the item will not be done (for `status: wont-do`; listed in the tracker)'),
});

const LessonSchema = Type.Union([Text('A lesson learned'), strictObject({ title: Text('The lesson in one line'), detail: Text('Why it matters') })]);

export const IncidentSchema = Type.Object(
  {
    id: Type.String({
      // Lower-case letters of any script (and letters without case, such as CJK), so the id of a file `new` named in its own script can be written down.
      pattern: '^[\\p{Ll}\\p{Lo}\\p{Lm}\\p{N}][\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{N}-]*$',
      description: 'Stable incident id: lower-case letters (any script), digits and `-`; defaults to the file name without `.yaml`',
    }),
    title: Text('One line naming the incident'),
    date: CalendarDate('The day the incident began'),
    timezone: Type.String({ minLength: 1, description: 'IANA time zone for times without an offset (default UTC)', examples: ['UTC', 'Europe/Berlin'] }),
    severity: Type.String({ minLength: 1, description: 'SEV1 (worst) .. SEV5, read case-insensitively', examples: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] }),
    status: literalUnion(INCIDENT_STATUSES, 'draft (default) | in-review | published'),
    published_on: CalendarDate('When the post-mortem was published; without it the tracker reads the commit that first set `status: published`'),
    authors: Names('Who wrote the post-mortem'),
    participants: Names('Who took part in the response'),
    services: Names('Services affected'),
    tags: Names('Free-form tags'),
    summary: Text('What happened, in a few sentences'),
    impact: strictObject({
      description: Text('Who or what was affected, and how'),
      users_affected: Type.Integer({ minimum: 0, description: 'Number of users affected' }),
      requests_failed_pct: Type.Number({ minimum: 0, maximum: 100, description: 'Share of requests that failed, 0..100' }),
      revenue_loss: Type.Number({ minimum: 0, description: 'Estimated revenue lost, in `currency`' }),
      currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code', examples: ['USD', 'EUR'] }),
    }),
    timeline: Type.Array(TimelineEntrySchema, { minItems: 1, description: 'Events in chronological order' }),
    root_cause: strictObject({
      immediate: Text('The immediate technical cause'),
      contributing_factors: Type.Array(Text('A condition that allowed or worsened the incident')),
      five_whys: Type.Array(Text('One answer in the chain of whys, in order')),
    }),
    investigation: Type.Array(
      strictObject({
        hypothesis: Text('What was suspected'),
        result: literalUnion(INVESTIGATION_RESULTS, 'confirmed | rejected | open'),
        evidence: Text('What supported or refuted it'),
      }),
      { description: 'Hypotheses tested during the response' },
    ),
    resolution: Type.Union([Text('How the incident was resolved'), Type.Array(Text('One resolution step'), { minItems: 1 })], {
      description: 'Prose, or a list of steps',
    }),
    action_items: Type.Array(ActionItemSchema, { description: 'Follow-up work; may be empty only while `status: draft`' }),
    lessons: Type.Array(LessonSchema, { description: 'Lessons learned: strings, or {title, detail}' }),
  },
  { additionalProperties: false, patternProperties: EXTENSION_KEYS },
);

// Required fields are listed here rather than with Type.Optional on every
// other field, so the contract's list reads in one place.
export const REQUIRED_INCIDENT_FIELDS = [
  'title',
  'date',
  'severity',
  'summary',
  'impact',
  'timeline',
  'root_cause',
  'resolution',
  'action_items',
  'lessons',
] as const;
const NESTED_REQUIRED: Record<string, readonly string[]> = { impact: ['description'], root_cause: ['immediate'] };

type Required<T, K extends keyof T> = Partial<T> & Pick<T, K>;
type FullIncident = Static<typeof IncidentSchema>;
export type TimelineEntryInput = Required<Static<typeof TimelineEntrySchema>, 'time' | 'event'>;
export type ActionItemInput = Required<Static<typeof ActionItemSchema>, 'action'>;
export type LessonInput = string | { title: string; detail?: string };

/** A written incident file, as the schema accepts it. */
export type IncidentInput = Required<
  Omit<FullIncident, 'impact' | 'timeline' | 'root_cause' | 'action_items' | 'lessons'>,
  'title' | 'date' | 'severity' | 'summary' | 'resolution'
> & {
  impact: Required<FullIncident['impact'], 'description'>;
  timeline: TimelineEntryInput[];
  root_cause: Required<FullIncident['root_cause'], 'immediate'>;
  action_items: ActionItemInput[];
  lessons: LessonInput[];
} & Record<`x-${string}`, unknown>;

/** A JSON Schema node as plain data, so `required` can be set without TypeBox's types. */
interface SchemaNode {
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  [keyword: string]: unknown;
}

// Where `required` goes, as paths through `properties`, `items` and `anyOf`.
const REQUIRED_AT: ReadonlyArray<readonly [ReadonlyArray<string | number>, readonly string[]]> = [
  [[], REQUIRED_INCIDENT_FIELDS],
  ...Object.entries(NESTED_REQUIRED).map(([field, required]) => [[field], required] as const),
  [
    ['timeline', 'items'],
    ['time', 'event'],
  ],
  [['action_items', 'items'], ['action']],
  [['investigation', 'items'], ['hypothesis']],
  [['lessons', 'items', 1], ['title']],
];

function childSchema(node: SchemaNode, step: string | number): SchemaNode {
  const next = typeof step === 'number' ? node.anyOf?.[step] : step === 'items' ? node.items : node.properties?.[step];
  if (!next) throw new Error(`schema.ts: no schema at step \`${String(step)}\``);
  return next;
}

/**
 * Sets `required` on the schema objects, which TypeBox would otherwise infer
 * from `Type.Optional` on every other field.
 */
function withRequired(schema: TSchema): SchemaNode {
  const copy = JSON.parse(JSON.stringify(schema)) as SchemaNode;
  for (const [path, required] of REQUIRED_AT) {
    const node = path.reduce<SchemaNode>(childSchema, copy);
    node.required = [...required];
  }
  return copy;
}

/** The published JSON Schema (draft 2020-12 compatible, no TypeBox internals). */
export function incidentJsonSchema(): Record<string, unknown> {
  const schema = withRequired(IncidentSchema);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Blameless post-mortem (postmortem incident file)',
    description: 'One incident per YAML file in postmortems/. See the README for the full format.',
    ...schema,
  };
}
