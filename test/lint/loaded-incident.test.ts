/**
 * Lint on a file the workflow already loaded and checked: the same findings
 * as linting the text, with the people taken from the model (authors,
 * participants, action owners) instead of re-read from the YAML.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { lintIncidentSource, lintLoadedIncident } from '../../src/lint/index.js';
import { parseYamlSource } from '../../src/load/parse.js';
import { checkLoadedIncident } from '../../src/validate/check-incident.js';
import { edit } from '../validate/minimal.js';

const FILE = 'postmortems/2024-01-15-checkout.yaml';
const BLAMING = ['  immediate: A null pointer', '  immediate: Kim took down the payment API.'] as const;

const loadAndCheck = (text: string) => {
  const loaded = parseYamlSource(FILE, text);
  return { loaded, incident: checkLoadedIncident(FILE, loaded, DEFAULT_CONFIG).incident };
};

describe('lintLoadedIncident', () => {
  it.each([
    { name: 'a valid file naming a participant as the cause', text: edit(['severity: SEV2', 'severity: SEV2\nparticipants: [Kim]'], BLAMING), valid: true },
    { name: 'an action owner named as the cause', text: edit(BLAMING, ['  - action: Add a test', '  - action: Add a test\n    owner: Kim']), valid: true },
    { name: 'an invalid file (people read off the YAML)', text: edit(BLAMING, ['title: Checkout errors\n', 'participants: [Kim]\n']), valid: false },
  ])('finds what lintIncidentSource finds: $name', ({ text, valid }) => {
    const { loaded, incident } = loadAndCheck(text);
    expect(incident !== null).toBe(valid);
    const found = lintLoadedIncident(FILE, loaded, incident);
    expect(found.some((d) => d.ruleId === 'blame/person-as-cause')).toBe(true);
    expect(found).toEqual(lintIncidentSource(FILE, text));
  });

  it('takes the people from the model', () => {
    const { loaded, incident } = loadAndCheck(edit(BLAMING));
    const severityWith = (authors: string[]) =>
      lintLoadedIncident(FILE, loaded, { ...incident!, authors }).find((d) => d.ruleId === 'blame/person-as-cause')?.severity;
    // A person the file lists, named as the cause, is escalated; the same sentence about an unlisted name is not.
    expect(severityWith(['Kim'])).toBe('error');
    expect(severityWith([])).not.toBe('error');
  });
});
