import { describe, expect, it } from 'vitest';
import { fieldStart, formatLines, parseLineList, recordName } from '../../src/build/lines.ts';

describe('the build’s lines files', () => {
  it('reads back what it writes, the last field (the name) holding tabs and all', () => {
    const text = formatLines('memory 1', ['k1\t12\tpages/a b.html', 'k2\t0\tweird\tname.html']);
    expect(text).toBe('memory 1\nk1\t12\tpages/a b.html\nk2\t0\tweird\tname.html\n');
    const lines = parseLineList(text, 'memory 1', 3)!;
    expect(lines).toEqual(['k1\t12\tpages/a b.html', 'k2\t0\tweird\tname.html']);
    expect(lines.map((l) => recordName(l, 3))).toEqual(['pages/a b.html', 'weird\tname.html']);
    expect(parseLineList(formatLines('memory 1', []), 'memory 1', 3)).toEqual([]);
  });

  it('trusts nothing of a file with another header or a damaged line', () => {
    expect(parseLineList('memory 0\nk\t1\tx\n', 'memory 1', 3)).toBeUndefined();
    expect(parseLineList('', 'memory 1', 3)).toBeUndefined();
    expect(parseLineList('memory 1\nk\t1\tx\nk\t1\n', 'memory 1', 3)).toBeUndefined();
  });

  it('finds a field in a record line', () => {
    const line = 'k2\t0\tweird\tname.html';
    expect([0, 1, 2, 3].map((n) => fieldStart(line, n))).toEqual([0, 3, 5, 11]);
    expect(line.slice(fieldStart(line, 2))).toBe('weird\tname.html');
    expect(fieldStart('k\t1', 2)).toBe(-1);
  });
});
