/** Sentences from an independent review of the person rules: each states the grammar it is about. */
import { describe, expect, it } from 'vitest';
import { createPeople, lintIncidentSource, lintMarkdown, lintProse } from '../../src/lint/index.js';

const people = createPeople(['kim', 'alex', 'bob']);

function blameIn(text: string): string[] {
  return [...new Set(lintProse(text, { people }).map((f) => f.ruleId))];
}

describe('review cases: prose in an incident listing Kim, Alex and Bob', () => {
  it.each([
    // A responder acts on a system object, and a purpose clause says it was mitigation.
    ['Kim killed the runaway query to stop the outage.', []],
    ['Bob restarted the broker to restore service.', []],
    // "broke X into parts": split, not damage.
    ['Alex broke the incident into three workstreams.', []],
    ['Bob broke the migration up into smaller batches.', []],
    // A possessive subject: the thing is the subject, not the person.
    ["Kim's laptop crashed during the call.", []],
    // A person's work product is still their act (as in the corpus: "Tariq's deploy script wiped…").
    ["Alex's deploy script crashed the node.", ['blame/person-as-cause']],
    // Passive agent, failure verb in a coordinated clause.
    ['The deploy was pushed by Kim without review and broke checkout.', ['blame/person-as-cause']],
    ['The change was reviewed by Kim and Alex and broke checkout.', ['blame/person-as-cause']],
    ['The alert was acknowledged by Kim and the errors stopped.', []],
    // Still blame: damage that the purpose clause does not excuse, a break without "into".
    ['Kim killed the primary database to save time.', ['blame/person-as-cause']],
    ['Alex broke the build.', ['blame/person-as-cause']],
    ['Kim took down the payment API.', ['blame/person-as-cause']],
  ])('%s', (text, expected) => {
    expect(blameIn(text)).toEqual(expected);
  });
});

const incident = (action: string): string => `id: 2024-01-15-checkout
title: Checkout errors
participants: [Kim, Alex, Bob]
action_items:
  - action: ${action}
    owner: Kim
`;

describe('review cases: YAML action items', () => {
  it.each([
    ['Kim killed the stale process', []],
    ['Kim broke the build', ['blame/person-as-cause']],
  ])('%s', (action, expected) => {
    const rules = lintIncidentSource('a.yaml', incident(action))
      .map((d) => d.ruleId)
      .filter((id) => id.startsWith('blame/'));
    expect(rules).toEqual(expected);
  });
});

describe('review cases: Markdown (Kim declared in the configuration)', () => {
  // GitHub renders the text of a <details> block; its summary label, code and preformatted logs are not prose.
  it.each([
    ['<details>\n<summary>Timeline</summary>\n\nKim broke the build.\n\n</details>\n', ['4:1-4:10 blame/person-as-cause']],
    ['<details><summary>Log</summary>Kim broke the build.</details>\n', ['1:32-1:41 blame/person-as-cause']],
    ['<details>\n<summary>Log</summary>\nThe day went fine.\nKim broke the build.\n</details>\n', ['4:1-4:10 blame/person-as-cause']],
    ['  <details>\n  <p>Kim broke the build &amp; more.</p>\n</details>\n', ['2:6-2:15 blame/person-as-cause']],
    ['<details><summary>Kim broke the build.</summary>\n<pre>Kim broke the build.</pre>\n<code>Kim broke the build.</code>\n</details>\n', []],
    ['<div>Kim broke the build.</div>\n', []],
    ['Kim killed the runaway query to stop the outage.\n', []],
    ["Kim's laptop crashed during the call.\n", []],
  ])('%j', (markdown, expected) => {
    expect(lintMarkdown('a.md', markdown, { people: ['Kim'] }).map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}`)).toEqual(expected);
  });
});
