/**
 * The one event/phase table: the first event of each phase type counts, and
 * later events of the same type or other types never move a phase.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, firstOfEachType, PHASE_EVENT_TYPES, PHASES } from '../../src/incident/events.js';

const at = (minute: number) => new Date(Date.UTC(2024, 0, 15, 10, minute));

describe('firstOfEachType', () => {
  it.each([
    {
      name: 'one of each',
      timeline: [
        { type: 'start', instant: at(0) },
        { type: 'detect', instant: at(3) },
      ],
      expected: { start: at(0), detect: at(3) },
    },
    {
      name: 'a second detect is context',
      timeline: [
        { type: 'detect', instant: at(3) },
        { type: 'detect', instant: at(9) },
      ],
      expected: { detect: at(3) },
    },
    {
      name: 'other types are not phases',
      timeline: [
        { type: 'deploy', instant: at(1) },
        { type: null, instant: at(2) },
      ],
      expected: {},
    },
  ])('$name', ({ timeline, expected }) => {
    expect(Object.fromEntries(firstOfEachType(timeline))).toEqual(expected);
  });
});

describe('the table', () => {
  it('orders the phases after start, each closed by a phase event', () => {
    expect(PHASES.map((phase) => phase.until)).toEqual(PHASE_EVENT_TYPES.slice(1));
  });

  it('names every phase event among the event types', () => {
    expect(EVENT_TYPES.slice(0, PHASE_EVENT_TYPES.length)).toEqual([...PHASE_EVENT_TYPES]);
  });
});
