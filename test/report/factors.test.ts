import { describe, expect, it } from 'vitest';
import { factorWords, groupFactors } from '../../src/report/factors.js';
import { barChart, mermaidLabel, pieChart } from '../../src/report/charts.js';

describe('recurring contributing factors', () => {
  it.each([
    ['No canary stage', 'No canary stages.', true],
    ['The rollout had no canary stage', 'no canary stage for the rollout', true],
    ['Alerts fired late', 'Alert fired late', true],
    ['No canary stage', 'No load test', false],
    ['Disk filled up on the primary', 'The primary database was slow', false],
  ])('%j and %j are grouped: %s', (a, b, grouped) => {
    const groups = groupFactors([
      { incident: 'one', factors: [a] },
      { incident: 'two', factors: [b] },
    ]);
    expect(groups.length === 1).toBe(grouped);
  });

  it('keeps a factor of only one incident out, and names the commonest wording', () => {
    const groups = groupFactors([
      { incident: 'a', factors: ['No canary stage', 'Only here'] },
      { incident: 'b', factors: ['No canary stage'] },
      { incident: 'c', factors: ['no canary stages'] },
    ]);
    expect(groups).toEqual([{ factor: 'No canary stage', variants: ['No canary stage', 'no canary stages'], incidents: ['a', 'b', 'c'] }]);
  });

  it('reduces a factor to its content words, in order', () => {
    expect(factorWords('The pool sizes were not bounded!')).toEqual(['bound', 'pool', 'size']);
  });
});

describe('Mermaid labels', () => {
  it.each([
    ['SEV1', 'SEV1'],
    ['a"b', 'a_b'],
    ['x\ny', 'x_y'],
    ['<script>', '_script_'],
    ['`code` @team | ;', '_code_ _team _ _'],
  ])('%j becomes %j', (text, label) => {
    expect(mermaidLabel(text)).toBe(label);
  });

  it('draws nothing for no data', () => {
    expect(barChart('t', 'y', [])).toBeNull();
    expect(pieChart('t', [['SEV1', 0]])).toBeNull();
  });
});
