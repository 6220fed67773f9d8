import { describe, expect, it } from 'vitest';
import { approvingReviewers, checkReviewGate, type Review } from '../../src/review/gate.js';
import { approvalsFor, resolveConfig } from '../../src/config/config.js';

const review = (reviewer: string, state: string): Review => ({ reviewer, state });

describe('approvingReviewers', () => {
  it.each<[string, Review[], string[]]>([
    ['one approval', [review('kim', 'APPROVED')], ['kim']],
    ['changes requested after approving withdraws it', [review('kim', 'APPROVED'), review('kim', 'CHANGES_REQUESTED')], []],
    ['approving after requesting changes counts', [review('kim', 'CHANGES_REQUESTED'), review('kim', 'APPROVED')], ['kim']],
    ['a later comment leaves the approval standing', [review('kim', 'APPROVED'), review('kim', 'COMMENTED')], ['kim']],
    ['a dismissed approval does not count', [review('kim', 'APPROVED'), review('kim', 'DISMISSED')], []],
    ["the author's own approval never counts", [review('dana', 'APPROVED'), review('Kim', 'APPROVED')], ['Kim']],
    ['each reviewer once', [review('kim', 'APPROVED'), review('lee', 'APPROVED'), review('kim', 'APPROVED')], ['kim', 'lee']],
  ])('%s', (_name, reviews, expected) => {
    expect(approvingReviewers(reviews, 'dana')).toEqual(expected);
  });
});

describe('checkReviewGate', () => {
  const config = resolveConfig({ review: { approvals: { SEV1: 2, default: 1 } } });
  const change = (severity: string) => ({ file: 'postmortems/x.yaml', severity, statusSpan: { line: 5, column: 9, endLine: 5, endColumn: 18 } });
  const gate = (severity: string, reviews: Review[]) =>
    checkReviewGate([change(severity)], reviews, { author: 'dana', approvalsFor: (s) => approvalsFor(config, s) }).map(
      (d) => `${d.line}:${d.column} ${d.severity} ${d.message} ${d.ruleId}`,
    );

  it.each<[string, string, Review[], string[]]>([
    ['SEV2 with one approval passes', 'SEV2', [review('kim', 'APPROVED')], []],
    [
      'SEV2 with no review fails',
      'SEV2',
      [],
      ['5:9 error Publishing a SEV2 post-mortem needs 1 approving review on the pull request; it has none yet review/approvals'],
    ],
    [
      'SEV1 needs two',
      'SEV1',
      [review('kim', 'APPROVED')],
      ['5:9 error Publishing a SEV1 post-mortem needs 2 approving reviews on the pull request; it has 1 (@kim) review/approvals'],
    ],
    ['SEV1 with two passes', 'SEV1', [review('kim', 'APPROVED'), review('lee', 'APPROVED')], []],
    [
      'self-approval is no approval',
      'SEV3',
      [review('dana', 'APPROVED')],
      ['5:9 error Publishing a SEV3 post-mortem needs 1 approving review on the pull request; it has none yet review/approvals'],
    ],
  ])('%s', (_name, severity, reviews, expected) => {
    expect(gate(severity, reviews)).toEqual(expected);
  });

  it('defaults to one approval for every severity', () => {
    expect(approvalsFor(resolveConfig({}), 'sev1')).toBe(1);
    expect(approvalsFor(resolveConfig({ review: { approvals: { default: 0 } } }), 'SEV4')).toBe(0);
  });
});
