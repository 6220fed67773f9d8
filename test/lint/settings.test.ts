/** The `lint:` section of postmortem.config.yaml: levels, extra phrases, allowed phrases; and YAML suppressions. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { run } from '../first-hour/run-in-process.js';
import { checkConfig } from '../../src/config/config.js';
import { formatLine } from '../../src/diagnostics/format/text.js';
import { checkRuleNames, DEFAULT_LINT_SETTINGS, lintIncidentSource, type LintSettings } from '../../src/lint/index.js';

function settings(yaml: string): LintSettings {
  const { config, diagnostics } = checkConfig('postmortem.config.yaml', yaml);
  expect(diagnostics).toEqual([]);
  return config!.lint;
}

const incident = 'summary: Obviously the change was careless, and the team burned the pager.\n';
const found = (s: LintSettings, text = incident) =>
  lintIncidentSource('a.yaml', text, { settings: s })
    .filter((d) => !d.ruleId.startsWith('structure/'))
    .map((d) => `${d.severity} ${d.ruleId}`);

describe('configuration', () => {
  it('defaults', () => {
    expect(found(settings('{}'))).toEqual(['warning blame/hindsight', 'warning blame/judgement']);
  });
  it.each([
    ['a rule off', 'lint:\n  rules:\n    blame/judgement: "off"\n', ['warning blame/hindsight']],
    ['a severity raised', 'lint:\n  rules:\n    blame/judgement: error\n', ['warning blame/hindsight', 'error blame/judgement']],
    ['a family with /*', 'lint:\n  rules:\n    blame/*: info\n', ['info blame/hindsight', 'info blame/judgement']],
    ['an allowed phrase', 'lint:\n  allow: [was careless]\n', ['warning blame/hindsight']],
    [
      'an extra phrase',
      'lint:\n  phrases:\n    - phrase: burned the pager\n      rule: blame/judgement\n      message: mocks the responders\n      suggestion: say how many pages fired\n',
      ['warning blame/hindsight', 'warning blame/judgement', 'warning blame/judgement'],
    ],
  ])('%s', (_, yaml, expected) => {
    expect(found(settings(yaml))).toEqual(expected);
  });
  it('an extra phrase carries its own message and suggestion', () => {
    const s = settings(
      'lint:\n  phrases:\n    - phrase: burned the pager\n      rule: blame/custom\n      message: mocks the responders\n      suggestion: say how many pages fired\n',
    );
    const custom = lintIncidentSource('a.yaml', incident, { settings: s }).find((d) => d.ruleId === 'blame/custom')!;
    expect(formatLine(custom)).toBe('1:58-1:74 warning `burned the pager`: mocks the responders (summary) blame/custom');
    expect(custom.suggestions).toEqual(['say how many pages fired']);
  });
});

describe('severity policy: error only where the text is unambiguous', () => {
  const rootCause = (cause: string, config = '{}') => found(settings(config), `participants: [Kim]\nroot_cause:\n  immediate: ${cause}\n`);
  it.each([
    ['a listed person named as the cause in a root-cause field', 'Kim took down the payment API.', '{}', ['error blame/person-as-cause']],
    ['a role, not a listed person', 'The on-call took down the payment API.', '{}', ['warning blame/person-as-cause']],
    ['the configured level wins', 'Kim took down the payment API.', 'lint:\n  rules:\n    blame/person-as-cause: warning\n', ['warning blame/person-as-cause']],
    ['human error as a cause', 'Human error.', '{}', ['error blame/human-error']],
  ])('%s', (_, cause, config, expected) => {
    expect(rootCause(cause, config)).toEqual(expected);
  });
  it('the same sentence outside the root cause is a warning', () => {
    expect(found(DEFAULT_LINT_SETTINGS, 'participants: [Kim]\nsummary: Kim took down the payment API.\n')).toEqual(['warning blame/person-as-cause']);
  });
});

describe('YAML suppressions', () => {
  it('disable-next-line covers a multi-line field below it', () => {
    const text = '# postmortem-disable-next-line blame/judgement\nsummary: >\n  First line.\n  The change was careless.\n';
    expect(found(DEFAULT_LINT_SETTINGS, text)).toEqual([]);
  });
  it('disable-next-line covers a whole list item', () => {
    const text = 'timeline:\n  # postmortem-disable-next-line\n  - time: "10:00"\n    event: The change was careless.\n';
    expect(found(DEFAULT_LINT_SETTINGS, text)).toEqual([]);
  });
  it('reports an unused one at its comment', () => {
    const text = 'summary: fine\n# postmortem-disable-next-line blame/judgement\nimpact: {description: 5 users}\n';
    expect(
      lintIncidentSource('a.yaml', text)
        .filter((d) => d.ruleId === 'blame/unused-suppression')
        .map(formatLine),
    ).toEqual(['2:1 warning This suppression (blame/judgement) matches no finding blame/unused-suppression']);
  });
});

describe('rule names in the configuration', () => {
  it('an unknown one is reported with the closest known id', () => {
    const s = settings(
      'lint:\n  rules:\n    blame/judgment: "off"\n    structure/*: info\n    blame/custom-team: error\n  phrases:\n    - phrase: cowboy\n      rule: blame/custom-team\n',
    );
    expect(checkRuleNames(s).map(formatLine)).toEqual([
      '- warning Unknown rule `blame/judgment` in `lint.rules`; did you mean `blame/judgement`? (lint.rules["blame/judgment"]) schema/unknown-rule',
    ]);
  });

  it.each(['postmortem.config.yaml', 'postmortem.config.yml'])('`lint` places an unknown one at its key in %s', async (name) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pm-unknown-rule-'));
    await writeFile(path.join(dir, name), 'lint:\n  rules:\n    blame/modle: "off"\n');
    await writeFile(path.join(dir, 'notes.md'), '# Notes\n\nThe cache filled up and requests queued.\n');
    const { stdout } = await run(dir, ['lint', 'notes.md', '--format', 'json']);
    const [unknown] = (JSON.parse(stdout) as Diagnostic[]).filter((d) => d.ruleId === 'schema/unknown-rule');
    expect(unknown).toMatchObject({ file: name, line: 3, column: 5, endLine: 3, endColumn: 16, path: 'lint.rules["blame/modle"]' });
  });
});
