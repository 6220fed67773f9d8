import { describe, expect, it } from 'vitest';
import { showControlChars } from '../../src/diagnostics/printable.js';

describe('showControlChars: one policy for user text in messages', () => {
  it.each([
    ['plain text', 'Kim restarted the API', 'Kim restarted the API'],
    ['a newline', 'line one\nline two', 'line one\\nline two'],
    ['a tab and a carriage return', 'a\tb\rc', 'a\\tb\\rc'],
    ['a terminal escape (ESC)', 'red\u001b[31m', 'red\\u001b[31m'],
    ['a bell and NUL', 'a\u0007b\u0000', 'a\\u0007b\\u0000'],
    ['DEL and a C1 control (CSI)', 'x\u007fy\u009bz', 'x\\u007fy\\u009bz'],
    ['non-ASCII letters stay', 'Сбой — 東京', 'Сбой — 東京'],
  ])('%s', (_case, input, shown) => {
    expect(showControlChars(input)).toBe(shown);
  });
});
