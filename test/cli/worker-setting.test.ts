/** How many worker threads a run gets, from `POSTMORTEM_WORKERS`, the run's size and the machine. */
import { describe, expect, it } from 'vitest';
import { BUILD_THRESHOLD, BUSY_THRESHOLD, CHECK_THRESHOLD, parseWorkerSetting, workerCount, type WorkerSetting } from '../../src/io/worker-setting.js';

const QUIET = { cores: 2, load: 0.3 };
const BUSY = { cores: 2, load: 3.5 };

describe('POSTMORTEM_WORKERS', () => {
  it.each([
    [undefined, 'auto'],
    ['', 'auto'],
    ['auto', 'auto'],
    ['0', 'off'],
    ['3', 3],
    ['two', null],
    ['-1', null],
    ['1.5', null],
  ])('%j reads as %j', (value, expected) => {
    expect(parseWorkerSetting(value)).toBe(expected);
  });
});

describe('workerCount', () => {
  it.each<[string, WorkerSetting, number, boolean, typeof QUIET, number]>([
    ['auto, a check below the threshold', 'auto', CHECK_THRESHOLD - 1, false, QUIET, 0],
    ['auto, a check at the threshold', 'auto', CHECK_THRESHOLD, false, QUIET, 2],
    ['auto, a build at its threshold', 'auto', BUILD_THRESHOLD, true, QUIET, 2],
    ['auto, a build below it', 'auto', BUILD_THRESHOLD - 1, true, QUIET, 0],
    ['auto on a busy machine, a check past the quiet threshold', 'auto', CHECK_THRESHOLD * 2, false, BUSY, 0],
    ['auto on a busy machine, a build past the quiet threshold', 'auto', BUILD_THRESHOLD * 2, true, BUSY, 0],
    ['auto on a busy machine, a long run', 'auto', BUSY_THRESHOLD, false, BUSY, 2],
    ['auto on one core', 'auto', 10_000, false, { cores: 1, load: 0 }, 0],
    ['off', 'off', 10_000, false, QUIET, 0],
    ['forced, even for a small run on a busy machine', 3, 2, false, BUSY, 3],
    ['forced, but nothing to do', 3, 0, false, QUIET, 0],
  ])('%s', (_case, setting, files, render, machine, expected) => {
    expect(workerCount(setting, { files, render }, machine)).toBe(expected);
  });
});
