/**
 * A problem that involves two places names the second one as `cause`: the
 * first of two duplicate action ids, the earlier timeline entry of an order
 * error. Every formatter shows it: text as a `see:` line, JSON as a `cause`
 * key, SARIF as `relatedLocations`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { formatJson } from '../../src/diagnostics/format/json.js';
import { buildSarif } from '../../src/diagnostics/format/sarif.js';
import { formatText } from '../../src/diagnostics/format/text.js';
import { checkIncident } from '../../src/validate/check-incident.js';
import { edit } from './minimal.js';

const DUPLICATE_IDS = edit(['  - action: Add a test', '  - id: add-test\n    action: Add a test\n  - id: add-test\n    action: Add a canary']);
const OUT_OF_ORDER = edit(['    type: start\n', '    type: start\n  - time: "09:30"\n    event: Paged\n']);

const only = (text: string) => {
  const { diagnostics } = checkIncident('incident.yaml', text, DEFAULT_CONFIG);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
};

describe('cause', () => {
  it.each([
    {
      name: 'the first of two duplicate ids',
      text: DUPLICATE_IDS,
      ruleId: 'schema/duplicate-id',
      cause: { file: 'incident.yaml', line: 15, column: 9, message: 'the first use of `add-test`' },
    },
    {
      name: 'the earlier timeline entry',
      text: OUT_OF_ORDER,
      ruleId: 'schema/timeline-order',
      cause: { file: 'incident.yaml', line: 8, column: 11, message: 'the earlier entry, at 10:00' },
    },
  ])('points at $name', ({ text, ruleId, cause }) => {
    const diagnostic = only(text);
    expect(diagnostic.ruleId).toBe(ruleId);
    expect(diagnostic.cause).toEqual(cause);
  });

  it('is a `see:` line in the text format', () => {
    expect(formatText([only(DUPLICATE_IDS)])).toContain('see: 15:9: the first use of `add-test`');
  });

  it('is a `cause` key in JSON', () => {
    expect(JSON.parse(formatJson([only(DUPLICATE_IDS)]))[0].cause).toEqual({
      file: 'incident.yaml',
      line: 15,
      column: 9,
      message: 'the first use of `add-test`',
    });
  });

  it('is a related location in SARIF', () => {
    const [result] = buildSarif([only(OUT_OF_ORDER)]).runs[0]!.results!;
    expect(result!.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: 'the earlier entry, at 10:00' },
        physicalLocation: { artifactLocation: { uri: 'incident.yaml' }, region: { startLine: 8, startColumn: 11 } },
      },
    ]);
  });
});
