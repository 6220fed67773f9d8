/** How many worker threads a run gets, and whether the main thread checks files too, from `POSTMORTEM_WORKERS`, the run's size and the machine. */
import { describe, expect, it } from 'vitest';
import {
  BUILD_THRESHOLD,
  BUSY_THRESHOLD,
  CHECK_THRESHOLD,
  parseWorkerSetting,
  poolShape,
  type PoolShape,
  type WorkerSetting,
} from '../../src/io/worker-setting.js';

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
    ['1+main', { workers: 1, shareHere: true }],
    ['0+main', 'off'],
    ['main', null],
  ])('%j reads as %j', (value, expected) => {
    expect(parseWorkerSetting(value)).toEqual(expected);
  });
});

const NONE = { workers: 0, shareHere: false };
// On 2 cores, auto starts one worker and the main thread takes a share.
const SHARED = { workers: 1, shareHere: true };

describe('poolShape', () => {
  it.each<[string, WorkerSetting, number, boolean, typeof QUIET, PoolShape]>([
    ['auto, a check below the threshold', 'auto', CHECK_THRESHOLD - 1, false, QUIET, NONE],
    ['auto, a check at the threshold', 'auto', CHECK_THRESHOLD, false, QUIET, SHARED],
    ['auto, a build at its threshold', 'auto', BUILD_THRESHOLD, true, QUIET, SHARED],
    ['auto, a build below it', 'auto', BUILD_THRESHOLD - 1, true, QUIET, NONE],
    ['auto on a busy machine, a check past the quiet threshold', 'auto', CHECK_THRESHOLD * 2, false, BUSY, NONE],
    ['auto on a busy machine, a build past the quiet threshold', 'auto', BUILD_THRESHOLD * 2, true, BUSY, NONE],
    ['auto on a busy machine, a long run', 'auto', BUSY_THRESHOLD, false, BUSY, SHARED],
    ['auto on one core', 'auto', 10_000, false, { cores: 1, load: 0 }, NONE],
    ['off', 'off', 10_000, false, QUIET, NONE],
    ['forced, even for a small run on a busy machine', 3, 2, false, BUSY, { workers: 3, shareHere: false }],
    ['forced, but nothing to do', 3, 0, false, QUIET, NONE],
    ['forced with the main thread, even for a small run', { workers: 2, shareHere: true }, 2, false, BUSY, { workers: 2, shareHere: true }],
    ['auto on 4 cores: a worker for each core but the main thread', 'auto', CHECK_THRESHOLD, false, { cores: 4, load: 0 }, { workers: 3, shareHere: true }],
  ])('%s', (_case, setting, files, render, machine, expected) => {
    expect(poolShape(setting, { files, render }, machine)).toEqual(expected);
  });
});
