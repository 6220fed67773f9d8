/**
 * The blame model (`blame/model`), the second stage for sentences no rule
 * flagged: what it reports and how, that configuration can silence but never
 * raise it to an error, that YAML and Markdown get the same findings, and
 * that the committed weights are what `npm run train` makes of the current
 * inputs (skipped without ../shared/corpus, which training reads).
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/config.js';
import { createPeople, lintIncidentSource, lintMarkdown, lintProse, type LintSettings } from '../../src/lint/index.js';
import { labelledSamples } from '../../src/lint/model/samples.js';
import { trainBlameModel } from '../../src/lint/model/train.js';
import { readReal, readSets, WEIGHTS_FILE, weightsFileText } from '../../scripts/blame-model-inputs.js';
import { defaultBlameModel } from '../../src/lint/model/default.js';
import { decodeWeights, encodeWeights } from '../../src/lint/model/classifier.js';

function settings(yaml: string): LintSettings {
  const { config, diagnostics } = checkConfig('postmortem.config.yaml', yaml);
  expect(diagnostics).toEqual([]);
  return config!.lint;
}

/** Blame no rule reads: a possessive and a neutral verb ("sent every parcel to…"). */
const sentence = "Ngozi's rule change on the sorter sent every parcel to the oversize belt.";
const yaml = (text: string) => `participants: [Ngozi]\nsummary: ${JSON.stringify(text)}\n`;
const markdown = (text: string) => `---\nparticipants: [Ngozi]\n---\n# Summary\n\n${text}\n`;
const blame = (diagnostics: ReturnType<typeof lintMarkdown>) =>
  diagnostics.filter((d) => d.ruleId.startsWith('blame/')).map((d) => `${d.severity} ${d.ruleId}`);

describe('blame/model', () => {
  it('reports a sentence no rule flagged, naming its family and cues from the sentence', () => {
    expect(lintProse(sentence, { people: createPeople(['ngozi']) })).toEqual([]);
    const [d, ...rest] = lintMarkdown('a.md', markdown(sentence));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'blame/model', severity: 'warning', line: 6, column: 1, actual: sentence });
    expect(d!.message).toContain('a person or team as the agent of a failure');
    const cues = [...(/\(cues: ([^)]*)\)/.exec(d!.message)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    expect(cues.length).toBeGreaterThan(0);
    for (const cue of cues) expect(sentence).toContain(cue);
    expect(d!.suggestions[0]).toMatch(/Describe what the system allowed/);
  });

  it.each([
    ['Markdown', (s: LintSettings) => blame(lintMarkdown('a.md', markdown(sentence), { settings: s }))],
    ['YAML', (s: LintSettings) => blame(lintIncidentSource('a.yaml', yaml(sentence), { settings: s }))],
  ])('%s: on by default, off by configuration, never an error', (_, found) => {
    expect(found(settings('{}'))).toEqual(['warning blame/model']);
    expect(found(settings('lint:\n  rules:\n    blame/model: "off"\n'))).toEqual([]);
    expect(found(settings('lint:\n  rules:\n    blame/*: "off"\n'))).toEqual([]);
    expect(found(settings('lint:\n  rules:\n    blame/*: error\n'))).toEqual(['warning blame/model']);
    expect(found(settings('lint:\n  rules:\n    blame/model: error\n'))).toEqual(['warning blame/model']);
  });

  it.each([
    ['a sentence a rule flagged', 'Ngozi took down the payment API.', ['warning blame/person-as-cause']],
    ['a sentence without a person (the narrating "we" is the company)', 'We sent every parcel to the oversize belt after the rule change.', []],
    ['a neutral sentence about a person', 'Ngozi paged the sorter team at 07:40 and opened the incident channel.', []],
  ])('leaves alone %s', (_, text, expected) => {
    expect(blame(lintMarkdown('a.md', markdown(text)))).toEqual(expected);
  });
});

describe('training', () => {
  it('is deterministic: the same samples give the same weights', () => {
    const samples = readSets().flatMap((set) => labelledSamples(set.corpus));
    expect(trainBlameModel(samples).weights).toEqual(trainBlameModel(samples).weights);
  });

  it('stores the weights sparsely and reads them back as they were', () => {
    const weights = new Int8Array(defaultBlameModel().weights.length);
    for (let i = 0; i < weights.length; i += 37) weights[i] = ((i * 7) % 255) - 127;
    expect(decodeWeights(Buffer.from(encodeWeights(weights)).toString('base64'))).toEqual(weights);
  });

  it('keeps the committed weights under 1 MB, decodable', () => {
    expect(statSync(WEIGHTS_FILE).size).toBeLessThan(1_000_000);
    expect(defaultBlameModel().weights.length).toBeGreaterThan(0);
  });

  const real = readReal();
  it.skipIf(real === null)(`the committed weights are what \`npm run train\` writes${real === null ? ' (skipped: ../shared/corpus is absent)' : ''}`, () => {
    expect(weightsFileText(readSets(), real!).text === readFileSync(WEIGHTS_FILE, 'utf8')).toBe(true);
  });
});
