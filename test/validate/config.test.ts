/**
 * `postmortem.config.yaml` is validated like an incident file: the same
 * diagnostics, positions and "did you mean", against its own schema; every
 * setting is optional and an empty file means the defaults.
 */
import { describe, expect, it } from 'vitest';
import { checkConfig, DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatLine } from '../../src/diagnostics/format/text.js';

const check = (text: string) => checkConfig('postmortem.config.yaml', text);

describe('checkConfig', () => {
  it.each([
    ['an empty file', ''],
    ['only comments', '# defaults are fine\n'],
  ])('%s gives the defaults', (_name, text) => {
    expect(check(text)).toEqual({ config: DEFAULT_CONFIG, diagnostics: [] });
  });

  it('fills every missing setting with its default', () => {
    const { config, diagnostics } = check('incidents: docs/incidents\nsync:\n  repo: acme/shop\n');
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      incidents: 'docs/incidents',
      sync: { ...DEFAULT_CONFIG.sync, repo: 'acme/shop' },
    });
  });

  it('reads every setting', () => {
    const text = [
      'incidents: docs/incidents',
      'templates: docs/templates',
      'output: docs/reports',
      'severities: [P1, p2, P3]',
      'max_file_bytes: 65536',
      'lint:',
      '  rules:',
      '    blame/judgement: off',
      '    structure/owner: warning',
      '  phrases:',
      '    - phrase: cowboy',
      '      message: Labels a person',
      '      suggestion: describe the change process',
      '  allow: [root cause]',
      '  people: [Kim, "@lee"]',
      'sync:',
      '  repo: acme/shop',
      '  server_url: https://github.example.com/',
      '  label: follow-up',
      '  incident_label_prefix: "inc:"',
      '  pace_ms: 0',
      '  max_wait: 5',
      'review:',
      '  approvals: { default: 1, p1: 2 }',
      'policies:',
      '  action_deadline_days: { p1: 28 }',
      '  max_days_in_draft: 14',
      '  max_days_in_review: 30',
      'x-owner: sre-team',
    ].join('\n');
    const { config, diagnostics } = check(text);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      incidents: 'docs/incidents',
      templates: 'docs/templates',
      output: 'docs/reports',
      severities: ['P1', 'P2', 'P3'],
      maxFileBytes: 65536,
      lint: {
        rules: { 'blame/judgement': 'off', 'structure/owner': 'warning' },
        phrases: [{ phrase: 'cowboy', rule: 'blame/custom', message: 'Labels a person', suggestion: 'describe the change process' }],
        allow: ['root cause'],
        people: ['Kim', '@lee'],
      },
      sync: { repo: 'acme/shop', serverUrl: 'https://github.example.com', label: 'follow-up', incidentLabelPrefix: 'inc:', paceMs: 0, maxWait: 5 },
      review: { approvals: { default: 1, P1: 2 } },
      policies: { actionDeadlineDays: { P1: 28 }, maxDaysInDraft: 14, maxDaysInReview: 30 },
    });
  });

  it.each([
    ['a misspelt setting', 'incidnets: docs\n', ['1:1-1:10 error Unknown field `incidnets`; did you mean `incidents`? (incidnets) schema/unknown-field']],
    ['a misspelt nested setting', 'sync:\n  labl: x\n', ['2:3-2:7 error Unknown field `labl`; did you mean `label`? (sync.labl) schema/unknown-field']],
    [
      'a rule id outside blame/ and structure/',
      'lint:\n  rules:\n    judgement: off\n',
      ['3:5-3:14 error Unknown field `judgement` (lint.rules.judgement) schema/unknown-field'],
    ],
    [
      'an unknown rule level',
      'lint:\n  rules:\n    blame/judgement: loud\n',
      ['3:22-3:26 error `lint.rules["blame/judgement"]` must be one of off | error | warning | info; found `loud` (lint.rules["blame/judgement"]) schema/enum'],
    ],
    [
      'a phrase without its text',
      'lint:\n  phrases:\n    - rule: blame/x\n',
      ['3:7 error Missing required field `phrase` (lint.phrases[0].phrase) schema/required'],
    ],
    ['an empty severity scale', 'severities: []\n', ['1:13-1:15 error `severities` needs at least 1 entry (severities) schema/min-items']],
    [
      'a severity listed twice',
      'severities: [SEV1, SEV1]\n',
      ['1:20-1:24 error `severities` lists `SEV1` twice (entries 0 and 1) (severities[1]) schema/duplicate-item'],
    ],
    [
      'a severity listed twice in different case',
      'severities: [SEV1, sev1]\n',
      ['1:20-1:24 error Severity `SEV1` is listed twice (names are compared case-insensitively) (severities[1]) schema/severities'],
    ],
    [
      'a repository that is not owner/name, a negative pace',
      'sync:\n  repo: not a repo\n  pace_ms: -1\n',
      [
        '2:9-2:19 error `sync.repo` has the wrong form: `not a repo` (sync.repo) schema/format',
        '3:12-3:14 error `sync.pace_ms` must be >= 0; found the number -1 (sync.pace_ms) schema/range',
      ],
    ],
    [
      'a server address without its scheme',
      'sync:\n  server_url: github.example.com\n',
      ['2:15-2:33 error `sync.server_url` has the wrong form: `github.example.com` (sync.server_url) schema/format'],
    ],
    [
      'approvals for a severity not on the scale',
      'severities: [P1, P2]\nreview:\n  approvals: { default: 1, sev1: 2 }\n',
      ['3:34-3:35 error `review.approvals` names `sev1`, which is not on the severity scale (review.approvals.sev1) schema/severities'],
    ],
    [
      'a deadline policy for a severity not on the scale',
      'policies:\n  action_deadline_days:\n    SEV9: 10\n',
      ['3:11-3:13 error `SEV9` in `policies.action_deadline_days` is not a severity of the scale (policies.action_deadline_days.SEV9) schema/severities'],
    ],
    [
      'a negative draft age limit',
      'policies:\n  max_days_in_draft: -3\n',
      ['2:22-2:24 error `policies.max_days_in_draft` must be >= 0; found the number -3 (policies.max_days_in_draft) schema/range'],
    ],
    [
      'a negative approval count',
      'review:\n  approvals: { P1: -1 }\n',
      ['2:20-2:22 error `review.approvals.P1` must be >= 0; found the number -1 (review.approvals.P1) schema/range'],
    ],
    ['a number for a folder', 'templates: 3\n', ['1:12-1:13 error `templates` must be text, not the number 3 (templates) schema/type']],
    ['a list instead of a mapping', '- a\n', ['1:1-1:4 error The document must be a mapping, not a list of 1 schema/type']],
    ['broken YAML', 'a: [\n', ['2:1-2:2 error Flow sequence in block collection must be sufficiently indented and end with a ] schema/yaml-syntax']],
    [
      'a duplicate key',
      'incidents: a\nincidents: b\n',
      ['2:1-2:10 error Duplicate key `incidents`: each key may appear once in a mapping (incidents) schema/duplicate-key'],
    ],
  ])('%s', (_name, text, expected) => {
    const { config, diagnostics } = check(text);
    expect(diagnostics.map(formatLine)).toEqual(expected);
    expect(config).toBeNull();
  });
});
