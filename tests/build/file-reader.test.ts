import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileReader } from '../../src/build/file-reader.ts';

describe('FileReader: whole files into one reused buffer', () => {
  it('reads each file whole, growing past its first size, and reuses its buffer', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-reader-'));
    const small = path.join(dir, 'small.txt');
    const big = path.join(dir, 'big.bin');
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(small, 'Gŵyl Ddewi\n');
    const bigBytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256));
    writeFileSync(big, bigBytes);
    writeFileSync(empty, '');
    const reader = new FileReader(16);
    expect(reader.read(small).toString('utf8')).toBe('Gŵyl Ddewi\n');
    expect(Buffer.compare(reader.read(big), bigBytes)).toBe(0);
    const again = reader.read(small);
    expect(again.toString('utf8')).toBe('Gŵyl Ddewi\n');
    // The view is of the grown buffer: nothing new was allocated for the second read.
    expect(again.buffer.byteLength).toBeGreaterThanOrEqual(100_000);
    expect(reader.read(empty).length).toBe(0);
    expect(() => reader.read(path.join(dir, 'missing.txt'))).toThrow(/ENOENT/);
  });
});
