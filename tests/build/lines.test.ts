import { describe, expect, it } from 'vitest';
import { fieldStart, formatLines, parseLineList, parseLines } from '../../src/build/lines.ts';

describe('the build’s lines files', () => {
  it('reads back what it writes, the last field holding tabs and all', () => {
    const text = formatLines('memory 1', ['k1\t12\tpages/a b.html', 'k2\t0\tweird\tname.html']);
    expect(text).toBe('memory 1\nk1\t12\tpages/a b.html\nk2\t0\tweird\tname.html\n');
    expect(parseLines(text, 'memory 1', 3)).toEqual([
      { fields: ['k1', '12', 'pages/a b.html'], line: 'k1\t12\tpages/a b.html' },
      { fields: ['k2', '0', 'weird\tname.html'], line: 'k2\t0\tweird\tname.html' },
    ]);
    expect(parseLines(formatLines('memory 1', []), 'memory 1', 3)).toEqual([]);
  });

  it('trusts nothing of a file with another header or a damaged line', () => {
    expect(parseLines('memory 0\nk\t1\tx\n', 'memory 1', 3)).toBeUndefined();
    expect(parseLines('', 'memory 1', 3)).toBeUndefined();
    expect(parseLines('memory 1\nk\t1\tx\nk\t1\n', 'memory 1', 3)).toBeUndefined();
  });

  it('lists record lines unsplit, checked as parseLines checks them, and finds a field in one', () => {
    const text = formatLines('memory 1', ['k1\t12\tpages/a b.html', 'k2\t0\tweird\tname.html']);
    expect(parseLineList(text, 'memory 1', 3)).toEqual(['k1\t12\tpages/a b.html', 'k2\t0\tweird\tname.html']);
    expect(parseLineList('memory 0\nk\t1\tx\n', 'memory 1', 3)).toBeUndefined();
    expect(parseLineList('memory 1\nk\t1\tx\nk\t1\n', 'memory 1', 3)).toBeUndefined();
    const line = 'k2\t0\tweird\tname.html';
    expect([0, 1, 2, 3].map((n) => fieldStart(line, n))).toEqual([0, 3, 5, 11]);
    expect(line.slice(fieldStart(line, 2))).toBe('weird\tname.html');
    expect(fieldStart('k\t1', 2)).toBe(-1);
  });
});
