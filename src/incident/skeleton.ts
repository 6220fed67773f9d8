/**
 * The starting point `postmortem new` writes: every section present, each
 * with a comment saying what belongs there. It validates as a draft, so a
 * team can commit it at once and fill it in through review.
 *
 * @example
 * buildSkeleton({ title: 'Checkout errors', date: '2024-01-15', severity: 'SEV2' })
 */
import { DEFAULT_TIMEZONE } from './defaults.js';
import { SKELETON_PLACEHOLDERS as PLACEHOLDER } from './placeholders.js';
export interface SkeletonInput {
  title: string;
  date: string;
  severity: string;
  timezone?: string;
  /** The configured severity scale, worst first, for the comment. */
  severities?: readonly string[];
  /** Where the editor finds the JSON Schema, relative to the new file (default: this repository's own `schema/`). */
  schemaPath?: string;
}

export function buildSkeleton(input: SkeletonInput): string {
  // JSON strings are valid YAML double-quoted scalars, so any title is safe here.
  const quote = (text: string) => JSON.stringify(text);
  return `# yaml-language-server: $schema=${input.schemaPath ?? '../schema/postmortem.schema.json'}
# A blameless post-mortem: describe what the system allowed, not who is at fault.
title: ${quote(input.title)}
${commented(`date: ${input.date}`, 'the day the incident began')}
${commented(`timezone: ${input.timezone ?? DEFAULT_TIMEZONE}`, 'IANA zone for times without an offset')}
${commented(`severity: ${input.severity}`, scaleComment(input.severities ?? ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']))}
status: draft                     # draft | in-review | published
authors: []                       # who wrote this post-mortem
participants: []                  # who took part in the response
services: []                      # services affected
tags: []

summary: >                        # what happened, in two or three sentences
  ${PLACEHOLDER['summary']}

impact:
  description: >                  # who or what was affected, and how
    ${PLACEHOLDER['impact.description']}
  # users_affected: 0
  # requests_failed_pct: 0
  # revenue_loss: 0
  # currency: USD

timeline:                         # in order; types start, detect, ack, mitigate, resolve give the metrics
  - time: "12:00"                 # HH:MM on \`date\`, "YYYY-MM-DD HH:MM", or ISO 8601 with an offset
    event: ${PLACEHOLDER['timeline[0].event']}
    type: start
  # - time: "12:05"
  #   event: Alert fired and on-call was paged
  #   type: detect

root_cause:
  immediate: ${PLACEHOLDER['root_cause.immediate']}
  contributing_factors: []        # conditions that allowed or worsened the incident
  five_whys: []                   # optional: the chain of whys, in order

resolution: >                     # prose, or a list of steps
  ${PLACEHOLDER['resolution']}

action_items: []                  # may stay empty only while status is draft
  # - id: add-regression-test
  #   action: Add a regression test for the failing code path
  #   owner: "@login"             # a GitHub login becomes the issue's assignee
  #   deadline: ${input.date}
  #   priority: P2                # P0..P3
  #   type: prevent               # prevent | detect | mitigate | process

lessons: []                       # strings, or {title, detail}
`;
}

/** Where every trailing comment of the skeleton starts (0-based), so that they read as one column. */
const COMMENT_COLUMN = 34;

/**
 * A line whose value comes from the input (a date, a zone, a severity), its comment padded to the
 * column of the fixed lines; a value too long for it keeps one space before the `#`.
 */
function commented(text: string, comment: string): string {
  return `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;
}

function scaleComment(scale: readonly string[]): string {
  return scale.length > 1 ? `${scale[0]} (worst) .. ${scale[scale.length - 1]}` : scale.join('');
}
