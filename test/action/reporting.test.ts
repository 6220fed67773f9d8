import { describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/action/annotations.js';
import { buildComment, COMMENT_MARKER, planComment } from '../../src/action/comment.js';
import { buildSummary, SUMMARY_LIMIT_BYTES, type RunReport } from '../../src/action/summary.js';
import { createDiagnostic, type Severity } from '../../src/diagnostics/diagnostic.js';

const finding = (severity: Severity, line: number, message = `finding on line ${line}`) =>
  createDiagnostic({ file: 'postmortems/a.yaml', line, column: 3, severity, ruleId: severity === 'error' ? 'schema/required' : 'blame/judgement', message });

const report = (diagnostics = [finding('warning', 4), finding('error', 9)]): RunReport => ({
  command: 'check',
  files: 2,
  diagnostics,
  incidents: [
    {
      file: 'postmortems/a.yaml',
      title: 'Queue | backlog <b>',
      severity: 'SEV2',
      status: 'draft',
      metrics: { timeToDetect: 180, timeToAcknowledge: null, timeToMitigate: 960, timeToResolve: 2700, duration: 2700 },
    },
  ],
  notes: [],
});

describe('planAnnotations', () => {
  it('puts errors first and keeps at most ten of each level, counting the rest', () => {
    const many = [
      ...Array.from({ length: 14 }, (_, i) => finding('warning', i + 1)),
      ...Array.from({ length: 12 }, (_, i) => finding('error', i + 50)),
      finding('info', 99),
    ];
    const { shown, omitted } = planAnnotations(many);
    expect(shown.map((d) => d.severity)).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), 'info']);
    expect(shown[0]!.line).toBe(50);
    expect(omitted).toEqual({ error: 2, warning: 4, info: 0 });
  });
});

describe('buildSummary', () => {
  it('heads with the counts, lists findings most severe first, and shows metrics with user text escaped', () => {
    const markdown = buildSummary(report(), { error: 0, warning: 0, info: 0 });
    expect(markdown).toMatchInlineSnapshot(`
      "## Post-mortems: \`check\` found 1 error, 1 warning in 2 files

      ### Findings

      | Severity | Where | Rule | Finding |
      |---|---|---|---|
      | ❌ error | postmortems/a.yaml:9:3 | \`schema/required\` | finding on line 9 |
      | ⚠️ warning | postmortems/a.yaml:4:3 | \`blame/judgement\` | finding on line 4 |

      ### Metrics

      | Incident | Severity | Status | Detect | Acknowledge | Mitigate | Resolve |
      |---|---|---|---|---|---|---|
      | Queue \\| backlog \\<b><br>postmortems/a.yaml | SEV2 | draft | 3m | — | 16m | 45m |
      "
    `);
  });

  it('counts the annotations GitHub would not show', () => {
    expect(buildSummary(report(), { error: 2, warning: 0, info: 1 })).toContain('2 errors, 1 notice not annotated on the diff');
  });

  it('stays under 1 MiB however many findings there are, and says how many it left out', () => {
    const flood = Array.from({ length: 20_000 }, (_, i) => finding('warning', i + 1, `a long finding ${'x'.repeat(80)}`));
    const markdown = buildSummary(report(flood), { error: 0, warning: 19_990, info: 0 });
    expect(Buffer.byteLength(markdown)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(markdown).toMatch(/\n\d+ more findings not shown: the summary is limited to 1 MiB/);
  });
});

describe('the pull-request comment', () => {
  it('carries the hidden marker and the findings', () => {
    const { body, clear } = buildComment(report(), 'https://github.example/acme/platform/actions/runs/1');
    expect(clear).toBe(false);
    expect(body.startsWith(`${COMMENT_MARKER}\n### Post-mortem check: 1 error, 1 warning ([run](https://github.example/acme/platform/actions/runs/1))`)).toBe(
      true,
    );
    expect(body).toContain('| ❌ error | postmortems/a.yaml:9:3 |');
  });

  it('is "all clear" without errors or warnings', () => {
    expect(buildComment(report([finding('info', 2)]), null)).toEqual({
      body: `${COMMENT_MARKER}\n### ✅ Post-mortem check: all clear\n\nNo errors or warnings in the 2 changed files.\n`,
      clear: true,
    });
  });

  const findings = buildComment(report(), null);
  const clear = buildComment(report([]), null);
  it.each([
    ['findings, no comment yet: create', [], findings, { kind: 'create', body: findings.body }],
    ['clean, no comment yet: stay silent', [], clear, { kind: 'none', reason: 'no findings and no earlier comment' }],
    [
      'findings and our comment: update it',
      [{ id: 5, body: `old\n${COMMENT_MARKER}`, author: 'github-actions[bot]' }],
      findings,
      { kind: 'update', id: 5, body: findings.body },
    ],
    [
      'clean and our comment: reduce it to all clear',
      [{ id: 5, body: findings.body, author: 'github-actions[bot]' }],
      clear,
      { kind: 'update', id: 5, body: clear.body },
    ],
    [
      'the same text: leave it',
      [{ id: 5, body: findings.body, author: 'github-actions[bot]' }],
      findings,
      { kind: 'none', reason: 'the comment is already current' },
    ],
    [
      'a pasted marker does not win over the bot',
      [
        { id: 3, body: COMMENT_MARKER, author: 'mallory' },
        { id: 8, body: COMMENT_MARKER, author: 'github-actions[bot]' },
      ],
      findings,
      { kind: 'update', id: 8, body: findings.body },
    ],
    ['comments without the marker are not ours', [{ id: 2, body: 'LGTM', author: 'github-actions[bot]' }], findings, { kind: 'create', body: findings.body }],
  ])('%s', (_name, existing, comment, expected) => {
    expect(planComment(existing, comment)).toEqual(expected);
  });
});
