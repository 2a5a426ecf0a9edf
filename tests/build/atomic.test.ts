import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/build/atomic.ts';

describe('writeAtomically', () => {
  it('writes text, bytes or parts in order, making the folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-atomic-'));
    const file = path.join(dir, 'a', 'b.txt');
    writeAtomically(file, 'one');
    expect(readFileSync(file, 'utf8')).toBe('one');
    writeAtomically(file, [Buffer.from('Gŵyl '), Buffer.from(''), Buffer.from('Ddewi')]);
    expect(readFileSync(file, 'utf8')).toBe('Gŵyl Ddewi');
    expect(readdirSync(path.dirname(file))).toEqual(['b.txt']);
  });

  it('leaves the old file and no temporary file behind when it cannot put the new one in place', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-atomic-'));
    // A folder that is not empty cannot be replaced by a file: the rename fails after the write.
    const target = path.join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside.txt'), 'kept');
    expect(() => writeAtomically(target, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('kept');
  });
});
