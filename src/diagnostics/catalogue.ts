/**
 * The catalogue of every rule id any stage emits (policy/ comes from the tracker's config policies): id, family, default
 * severity, one-line summary and where it is documented. `RuleId` is derived
 * from it, so a diagnostic with an id nobody documented does not compile;
 * `createDiagnostic` stamps the docs URL from here, SARIF lists its rules from
 * here, and `docs/rules.md` is generated from it. Lint's own table
 * (`lint-rules.ts`: why, suggestion, examples) supplies the blame/ and
 * structure/ summaries and anchors.
 *
 * @example
 * ruleEntry('schema/required') // → { id: 'schema/required', family: 'schema', severity: 'error', summary: 'a required field is missing', url: 'docs/rules.md#schemarequired' }
 */
import type { Severity } from './diagnostic.js';
import { BLAME_RULES, RULES as LINT_RULES, ruleUrl as lintRuleUrl } from './lint-rules.js';

export type RuleFamily = 'schema' | 'build' | 'sync' | 'review' | 'policy' | 'timeline' | 'import' | 'blame' | 'structure';

export interface RuleEntry {
  id: RuleId;
  family: RuleFamily;
  severity: Severity;
  summary: string;
  /** A docs page and heading anchor that exist in this repository. */
  url: string;
}

/** The rules of validation, build and sync: [id, default severity, summary]. Lint's come from lint-rules.ts. */
const OWN_RULES = [
  ['schema/unreadable', 'error', 'the file cannot be read'],
  ['schema/encoding', 'error', 'the file is not valid UTF-8'],
  ['schema/binary', 'error', 'the file holds a NUL byte (binary, not text)'],
  ['schema/file-too-large', 'error', 'the file is over its size limit (256 KiB by default, 4 MiB at most)'],
  ['schema/empty-file', 'error', 'the file holds no document'],
  ['schema/multi-document', 'error', 'the file holds more than one YAML document'],
  ['schema/yaml-syntax', 'error', 'the text is not well-formed YAML'],
  ['schema/duplicate-key', 'error', 'a key appears twice in one mapping'],
  ['schema/complex-key', 'error', 'a key that is not plain text'],
  ['schema/forbidden-key', 'error', 'a key that names JavaScript object internals'],
  ['schema/too-deep', 'error', 'nesting deeper than any incident needs'],
  ['schema/unknown-alias', 'error', 'an alias that names no anchor'],
  ['schema/recursive-alias', 'error', 'an alias that contains itself'],
  ['schema/alias-limit', 'error', 'aliases that expand past the bound'],
  ['schema/required', 'error', 'a required field is missing'],
  ['schema/unknown-field', 'error', 'a field the format does not know'],
  ['schema/type', 'error', 'a value of the wrong type'],
  ['schema/enum', 'error', 'a value not among the allowed ones'],
  ['schema/empty', 'error', 'text that is empty or only white space'],
  ['schema/min-items', 'error', 'a list with too few entries'],
  ['schema/range', 'error', 'a number out of range (or not finite)'],
  ['schema/format', 'error', 'text of the wrong form'],
  ['schema/duplicate-item', 'error', 'the same entry twice in a list'],
  ['schema/invalid', 'error', 'a value the schema refuses for another reason'],
  ['schema/date', 'error', 'a date that is not a real calendar day'],
  ['schema/time', 'error', 'a time that cannot be read'],
  ['schema/time-nonexistent', 'error', 'a wall-clock time skipped by a clock change'],
  ['schema/timezone', 'error', 'an unknown time zone'],
  ['schema/timeline-order', 'error', 'a timeline out of chronological order'],
  ['schema/event-type', 'warning', 'an event type that is not one of the known ones'],
  ['schema/duplicate-id', 'error', 'two action items with the same id'],
  ['schema/duplicate-incident-id', 'error', 'two incident files in the incidents folder with the same incident id'],
  ['schema/action-items-empty', 'error', 'a resolved incident without action items'],
  ['schema/severity', 'error', 'a severity not on the configured scale'],
  ['schema/severities', 'error', 'a configured severity scale that cannot be used'],
  ['schema/unknown-rule', 'error', 'a lint rule name in the configuration that does not exist'],
  ['schema/no-files', 'warning', 'no incident files matched'],
  ['schema/not-a-file', 'error', 'a named pipe, device or socket given as an incident file'],
  ['schema/too-many-problems', 'info', 'more problems in the file than are listed'],
  ['schema/internal', 'error', 'a bug: the file could not be checked'],
  ['schema/placeholder-text', 'error', 'a `published` incident still holding placeholder text from `new` or `import` (a warning while `in-review`)'],
  ['schema/no-authors', 'error', 'a `published` incident that names no authors (a warning while `in-review`)'],
  ['schema/wont-do-reason', 'warning', 'a `wont-do` action item without a `reason`'],
  ['build/duplicate-report', 'error', 'two incidents whose reports would land on the same path'],
  ['build/write-failed', 'error', 'a report that cannot be written'],
  [
    'build/orphaned-report',
    'error',
    'a generated report whose incident file no longer exists (for `build --check`; a warning for `build`, which never deletes it)',
  ],
  ['build/template-syntax', 'error', 'a template override with a Handlebars syntax error (nothing is rendered; exit 2)'],
  ['build/unknown-template', 'warning', 'a template override whose name matches no built-in template, so it is not used'],
  ['build/stale-report', 'error', "a rendered report that is missing or out of date (the Action's check)"],
  ['sync/failed', 'error', 'an action item or issue that could not be synced'],
  ['sync/conflict', 'warning', 'the YAML and the issue disagree about the status'],
  ['sync/warning', 'warning', 'synced, with a caveat (such as a refused assignee)'],
  ['sync/removed', 'warning', 'the issue of an action item removed from the YAML'],
  ['sync/skipped', 'error', "an incident the Action's sync left out (such as an id shared with another file)"],
  ['review/approvals', 'error', 'a pull request publishing an incident without the approving reviews the configuration asks for'],
  ['policy/action-deadline', 'warning', 'an open action item due later than the configured policy allows for its severity'],
  ['policy/draft-age', 'warning', 'an incident still `draft` longer after its date than the policy allows'],
  ['policy/review-age', 'warning', 'an incident still `in-review` longer after its date than the policy allows'],
  ['timeline/unparsable-lines', 'warning', 'log lines with the id that are not a record this reader knows (skipped, counted)'],
  ['timeline/long-lines', 'warning', 'log lines longer than 1 MiB (skipped)'],
  ['timeline/no-matches', 'warning', 'no log line carries the id in a correlation field'],
  ['timeline/max-entries', 'info', 'entries left out by --max'],
  ['timeline/unreadable-log', 'error', 'a log that cannot be read; nothing is merged'],
  ['timeline/merge-failed', 'error', 'the timeline cannot be edited in place; nothing is written'],
  ['import/missing-field', 'warning', 'a required field not found in the Markdown; a placeholder, and the incident is a draft'],
  ['import/unmapped', 'info', 'a section with no field in the format, kept under x-unmapped'],
  ['import/timeline-from-impact', 'info', 'no timeline section: start and end of impact taken from the impact statement'],
  ['import/timeline-sorted', 'info', 'timeline entries that were out of order, sorted'],
  ['import/front-matter', 'warning', 'front matter that is not a YAML mapping, kept as text'],
  ['import/target-exists', 'error', 'the incident file to write exists already; not overwritten'],
  ['import/unwritable', 'error', 'the incident file cannot be written'],
] as const satisfies ReadonlyArray<readonly [`${RuleFamily}/${string}`, Severity, string]>;

const STRUCTURE_RULES = [
  'structure/action-owner',
  'structure/action-deadline',
  'structure/contributing-factors',
  'structure/metrics',
  'structure/impact-number',
  'structure/lessons',
] as const;
const OTHER_LINT_RULES = ['blame/model', 'blame/custom', 'blame/unused-suppression'] as const;

/** Every rule id any stage may emit. */
export type RuleId = (typeof OWN_RULES)[number][0] | (typeof BLAME_RULES)[number] | (typeof STRUCTURE_RULES)[number] | (typeof OTHER_LINT_RULES)[number];

/** The documentation page generated from the catalogue. */
export const RULES_DOC = 'docs/rules.md';

/** `schema/required` → `schemarequired`: the anchor GitHub gives the heading `` `schema/required` ``. */
export function headingAnchor(heading: string): string {
  const lower = heading.toLowerCase();
  // Every rule id is ASCII, and the catalogue anchors them all at start-up: the Unicode classes
  // (an expression that costs about 1 ms to compile) only for a heading that needs them.
  const kept = /^[\x20-\x7e]*$/.test(lower) ? lower.replace(/[^a-z0-9\s-]/g, '') : lower.replace(/[^\p{L}\p{N}\s-]/gu, '');
  return kept.trim().replace(/\s/g, '-');
}

const familyOf = (id: string) => id.slice(0, id.indexOf('/')) as RuleFamily;

/** Every rule, in the order of the docs: validation, build, sync, then lint. */
export const CATALOGUE: readonly RuleEntry[] = [
  ...OWN_RULES.map(([id, severity, summary]): RuleEntry => ({ id, family: familyOf(id), severity, summary, url: `${RULES_DOC}#${headingAnchor(id)}` })),
  ...[...BLAME_RULES, ...OTHER_LINT_RULES, ...STRUCTURE_RULES].map((id): RuleEntry => {
    const info = LINT_RULES[id]!;
    return { id, family: familyOf(id), severity: info.severity, summary: info.summary, url: lintRuleUrl(id) };
  }),
];

const BY_ID = new Map<string, RuleEntry>(CATALOGUE.map((entry) => [entry.id, entry]));

/** The entry of a rule id, or undefined for an id that is not in the catalogue. */
export function ruleEntry(id: string): RuleEntry | undefined {
  return BY_ID.get(id);
}
