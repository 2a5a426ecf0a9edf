import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../src/build/fingerprint.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};

/**
 * The fingerprint of `dir` now. Fingerprints are memoised per process by their inputs, so each
 * call names the folder another way (`dir/`, `dir/.`, `dir/./.` …), which resolves to the same files.
 */
let spelling = 0;
const now = (packages: string[] = [], extra?: string[]) => codeFingerprint({ sources: [dir + '/.'.repeat(spelling++)], packages, ...(extra && { extra }) });

describe('codeFingerprint: what a cache is keyed by besides its input', () => {
  it('changes when a byte of any file changes, nested ones included, and only then', () => {
    write('a.ts', 'export const a = 1;\n');
    write('deep/b.ts', 'export const b = 2;\n');
    const first = now();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(now()).toBe(first);
    write('deep/b.ts', 'export const b = 3;\n');
    const changed = now();
    expect(changed).not.toBe(first);
    write('deep/b.ts', 'export const b = 2;\n');
    expect(now()).toBe(first);
    write('deep/deeper/c.ts', '');
    expect(now()).not.toBe(first);
  });

  it('counts package versions and extras; an unknown package is counted as unknown, not an error', () => {
    const plain = now();
    expect(now(['zod'])).not.toBe(plain);
    expect(now([], ['node v0'])).not.toBe(plain);
    expect(now(['no-such-package-here'])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes single files as well as folders, and fails on a source that is not there', () => {
    write('only.ts', 'x');
    const single = codeFingerprint({ sources: [path.join(dir, 'only.ts')], packages: [] });
    expect(single).not.toBe(now());
    expect(() => codeFingerprint({ sources: [path.join(dir, 'missing.ts')], packages: [] })).toThrow();
  });
});
