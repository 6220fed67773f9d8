import { describe, expect, it } from 'vitest';
import { incidentLabel, MAX_LABEL_LENGTH } from '../../src/sync/labels.js';

const shared = `2024-03-01-${'checkout-payment-gateway-timeouts-eu-west-'.repeat(2)}`.slice(0, 60);

describe("incident labels: within GitHub's 50 characters, never shared by two incidents", () => {
  it.each([
    ['a short id is kept as it is', 'incident:', '2024-03-01-db', 'incident:2024-03-01-db'],
    ['exactly 50 characters is kept', 'incident:', 'x'.repeat(41), `incident:${'x'.repeat(41)}`],
    ['one past the limit ends with a hash', 'incident:', 'x'.repeat(42), `incident:${'x'.repeat(32)}-a29053fd`],
  ])('%s', (_name, prefix, id, expected) => {
    expect(incidentLabel(prefix, id)).toBe(expected);
  });

  it('two ids sharing a 60-character prefix get two labels, each at most 50 characters', () => {
    expect(shared).toHaveLength(60);
    const first = incidentLabel('incident:', `${shared}-primary`);
    const second = incidentLabel('incident:', `${shared}-replica`);
    expect(first).not.toBe(second);
    for (const label of [first, second]) {
      expect([...label].length).toBeLessThanOrEqual(MAX_LABEL_LENGTH);
      expect(label.startsWith(`incident:${shared.slice(0, 30)}`)).toBe(true);
    }
  });

  it('is stable: the same id always gives the same label', () => {
    expect(incidentLabel('incident:', `${shared}-primary`)).toBe(incidentLabel('incident:', `${shared}-primary`));
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const label = incidentLabel('incident:', '障害'.repeat(30));
    expect([...label]).toHaveLength(MAX_LABEL_LENGTH);
    expect(label).not.toMatch(/[\uD800-\uDFFF]/);
    const emoji = incidentLabel('', '😀'.repeat(60));
    expect([...emoji]).toHaveLength(MAX_LABEL_LENGTH);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
