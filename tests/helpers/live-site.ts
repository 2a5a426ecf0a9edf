import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { build, type BuildOptions } from '../../src/build/build.ts';
import { snapshot } from './tree.ts';

const VALID = path.resolve(__dirname, '../fixtures/valid');

/**
 * A copy of tests/fixtures/valid built into a live site that tests edit and rebuild, as
 * `minutebook build` does week after week; `clean()` builds the same content from scratch to
 * compare with. Call `setUp` in beforeAll and `tearDown` in afterAll.
 */
export function liveSite(prefix: string) {
  let work = '';
  const site = {
    /** The copy of the fixture content, to edit. */
    get content() {
      return path.join(work, 'content');
    },
    get work() {
      return work;
    },
    out: () => path.join(work, 'live', 'site'),
    cache: () => path.join(work, 'live', 'cache'),
    async setUp() {
      work = mkdtempSync(path.join(tmpdir(), prefix));
      cpSync(VALID, site.content, { recursive: true });
      await site.rebuild();
    },
    tearDown() {
      rmSync(work, { recursive: true, force: true });
    },
    /** Rebuild the live site; the build's log lines. */
    async rebuild(options: Pick<BuildOptions, 'skipIfUnchanged'> = {}): Promise<string[]> {
      const lines: string[] = [];
      const result = await build({ ...options, contentDir: site.content, outDir: site.out(), cacheDir: site.cache(), log: (l) => lines.push(l) });
      expect(result.ok).toBe(true);
      return lines;
    },
    /** A clean build of the current content: a fresh output and a fresh cache, but for the PDFs (to save time). */
    async clean(): Promise<Record<string, string>> {
      const dir = mkdtempSync(path.join(work, 'clean-'));
      cpSync(path.join(site.cache(), 'pdf'), path.join(dir, 'cache', 'pdf'), { recursive: true });
      const result = await build({ contentDir: site.content, outDir: path.join(dir, 'site'), cacheDir: path.join(dir, 'cache') });
      expect(result.ok).toBe(true);
      return snapshot(path.join(dir, 'site'));
    },
  };
  return site;
}
