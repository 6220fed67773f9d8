/**
 * The two sentences the product promises to flag, in a fresh repository
 * where the incident lists no one (issue 8): a name with a role before it
 * ("Engineer Bob") is a person, and "should have known (better)" is a
 * counterfactual whoever its subject is. A bare capitalised word is still
 * never guessed to be a person, and blameless near-misses stay clean.
 */
import { describe, expect, it } from 'vitest';
import { lintIncidentSource, lintMarkdown } from '../../src/lint/index.js';
import { edit } from '../validate/minimal.js';

/** The blame findings, as `rule:severity`, for a sentence in `root_cause.immediate` of an incident that lists no participants. */
function inYaml(sentence: string): string[] {
  const text = edit(['  immediate: A null pointer', `  immediate: ${JSON.stringify(sentence)}`]);
  return blame(lintIncidentSource('postmortems/2024-01-15-checkout.yaml', text));
}

/** The same for the sentence as a paragraph of a Markdown post-mortem without front matter. */
function inMarkdown(sentence: string): string[] {
  return blame(lintMarkdown('postmortems/2024-01-15-checkout.md', `# Checkout errors\n\n## Root cause\n\n${sentence}\n`));
}

function blame(found: ReadonlyArray<{ ruleId: string; severity: string }>): string[] {
  return found.filter((d) => d.ruleId.startsWith('blame/')).map((d) => `${d.ruleId}:${d.severity}`);
}

const CAUSE = 'blame/person-as-cause:warning';
const COUNTERFACTUAL = 'blame/counterfactual:warning';

const cases: Array<[string, string[]]> = [
  // The trial's sentences: a role before the name, and "should have known" with any subject.
  ['Engineer Bob deployed bad code and should have known better.', [CAUSE, COUNTERFACTUAL]],
  ['Bob should have known better.', [COUNTERFACTUAL]],
  ["Bob should've known.", [COUNTERFACTUAL]],
  ['The team ought to have known.', [COUNTERFACTUAL]],
  // A role noun directly before a capitalised name marks the name as a person.
  ['Engineer Bob took down the payment API.', [CAUSE]],
  ['engineer Bob took down the payment API.', [CAUSE]],
  ['Developer Alice took down the payment API.', [CAUSE]],
  ['SRE Kim took down the payment API.', [CAUSE]],
  ['On-call engineer Sam took down the payment API.', [CAUSE]],
  ['Operator Li took down the payment API.', [CAUSE]],
  ['Then admin Jo took down the payment API.', [CAUSE]],
  // A capitalised word alone is never guessed (docs/lint.md, "Who is a person"): list Bob in `participants` to have it checked.
  ['Bob took down the payment API.', []],
  // Blameless near-misses.
  ['The engineering team deployed the fix.', []],
  ['Engineer onboarding docs were updated.', []],
  ['The Admin Console failed to load.', []],
  ['The Google Developer Console failed to load.', []],
  ['We could have known earlier if the alert had fired.', []],
  // Self-blame by the authors is still a counterfactual, as "we should have" always was; a warning, so it never blocks.
  ['We should have known the limit is 100 — the dashboard now shows it.', [COUNTERFACTUAL]],
];

describe('a role before a name, and "should have known"', () => {
  it.each(cases)('in YAML: %s', (sentence, expected) => {
    expect(inYaml(sentence)).toEqual(expected);
  });
  it.each(cases)('in Markdown: %s', (sentence, expected) => {
    expect(inMarkdown(sentence)).toEqual(expected);
  });
});

describe('a listed person is still escalated in root_cause', () => {
  it('Engineer Bob, listed as a participant, is an error', () => {
    const text = edit(
      ['severity: SEV2', 'severity: SEV2\nparticipants: [Bob]'],
      ['  immediate: A null pointer', '  immediate: Engineer Bob took down the payment API.'],
    );
    expect(blame(lintIncidentSource('postmortems/2024-01-15-checkout.yaml', text))).toEqual(['blame/person-as-cause:error']);
  });
});
