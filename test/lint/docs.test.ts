/** The examples in docs/lint.md run as tests: `- flags:` lines must produce the section's rule, `- passes:` lines no blame finding. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPeople, lintProse, RULES } from '../../src/lint/index.js';
import { ruleUrl } from '../../src/diagnostics/lint-rules.js';

const doc = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
const people = createPeople(['kim', 'lee', 'sam', 'priya', 'jordan', 'dana'], true);
const sections = [...doc.matchAll(/^### `(blame\/[a-z-]+)`[^\n]*\n([^]*?)(?=^### |^## )/gm)].map((m) => ({
  rule: m[1]!,
  flags: [...m[2]!.matchAll(/^- flags: `([^`]+)`$/gm)].map((x) => x[1]!),
  passes: [...m[2]!.matchAll(/^- passes: `([^`]+)`$/gm)].map((x) => x[1]!),
}));
const documented = sections.filter((s) => s.flags.length > 0);

it('documents every blame rule that has examples in the catalogue', () => {
  const withExamples = Object.values(RULES)
    .filter((r) => r.bad.length > 0)
    .map((r) => r.id);
  expect(documented.map((s) => s.rule).sort()).toEqual(withExamples.sort());
});

describe.each(documented)('$rule', ({ rule, flags, passes }) => {
  it.each(flags)('flags %j', (text) => {
    expect(lintProse(text, { people }).map((f) => f.ruleId)).toContain(rule);
  });
  it.each(passes)('passes %j', (text) => {
    expect(lintProse(text, { people })).toEqual([]);
  });
});

it('every rule URL points at a heading of docs/lint.md', () => {
  // GitHub's anchors: lower case, punctuation other than - and _ dropped, spaces to -.
  const anchors = [...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  );
  for (const id of Object.keys(RULES)) expect(anchors).toContain(ruleUrl(id).split('#')[1]);
});
