import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import type { OutputStage } from '../../src/build/context.ts';
import { snapshot, stagingLeftovers } from '../helpers/tree.ts';

const VALID = path.resolve(__dirname, '../fixtures/valid');
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'minutebook-build-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('build', () => {
  it('leaves the previous output untouched when a stage crashes half-way', async () => {
    const out = path.join(work, 'crash', 'site');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'index.html'), 'the old site');
    const before = snapshot(out);
    const halfWay: OutputStage = {
      name: 'half-way',
      async run(ctx) {
        writeFileSync(path.join(ctx.outDir, 'index.html'), 'half a new site');
        throw new Error('disk full');
      },
    };
    const failure = build({ contentDir: VALID, outDir: out, stages: [halfWay] });
    await expect(failure).rejects.toThrow(/was left as it was/);
    await failure.catch((e: Error) => expect(String(e.cause)).toMatch(/disk full/));
    expect(snapshot(out)).toEqual(before);
    expect(stagingLeftovers(path.dirname(out))).toEqual([]);
  });

  it('replaces the previous output whole on success, dropping files no longer produced', async () => {
    const out = path.join(work, 'swap', 'site');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'stale.html'), 'from an older build');
    const result = await build({ contentDir: VALID, outDir: out });
    expect(result.ok).toBe(true);
    const files = Object.keys(snapshot(out));
    expect(files).not.toContain('stale.html');
    expect(files).toContain('index.html');
  });

  it('keeps its cache outside the output folder', async () => {
    const out = path.join(work, 'cache', 'site');
    await build({ contentDir: VALID, outDir: out });
    expect(Object.keys(snapshot(out)).some((f) => f.includes('minutebook-cache'))).toBe(false);
  });
});
