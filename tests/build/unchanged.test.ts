import { cpSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { readStamp, sameBuild } from '../../src/build/stamp.ts';
import { listTree } from '../../src/build/output.ts';
import { liveSite } from '../helpers/live-site.ts';
import { snapshot } from '../helpers/tree.ts';

/**
 * A build with nothing to do (src/build/stamp.ts): when the code, the content folder and the live
 * site are exactly as the last build left them, it returns at once and touches nothing; any
 * change to any of them, however small, runs the build in full, and the site is then the one a
 * clean build makes.
 */
const live = liveSite('minutebook-unchanged-');
const out = live.out;

const NOTHING = /^nothing changed since the last build \(\d+ committees, \d+ meetings, \d+ items; \d+ content files and \d+ site files as they were\)/;
const skipped = (lines: string[]) => lines.some((l) => NOTHING.test(l));
const ranStages = (lines: string[]) => lines.filter((l) => /^(PDFs|search|pages|open data): done/.test(l)).length;

/** Every file of the live site with its inode and modification time. */
const identities = () =>
  Object.fromEntries(
    listTree(out()).map((rel) => {
      const s = statSync(path.join(out(), rel));
      return [rel, `${s.ino}:${s.mtimeMs}`];
    }),
  );

const build1 = (options: { skipIfUnchanged?: boolean } = {}) => {
  const lines: string[] = [];
  return build({ ...options, contentDir: live.content, outDir: out(), cacheDir: live.cache(), log: (l) => lines.push(l) }).then((result) => ({ result, lines }));
};

const ITEM = 'meetings/2026-10-27-cabinet';
const itemFile = () => path.join(live.content, ITEM, readdirSync(path.join(live.content, ITEM)).filter((f) => f !== 'index.md' && !f.includes('.cy.'))[0]!);

beforeAll(() => live.setUp(), 120_000);
afterAll(() => live.tearDown());

describe('a build with nothing to do', () => {
  it('returns at once, touches no file of the site, and says so', async () => {
    const before = identities();
    const { result, lines } = await build1();
    expect(result).toEqual({ ok: true, problems: [], unchanged: true });
    expect(skipped(lines)).toBe(true);
    expect(ranStages(lines)).toBe(0);
    expect(identities()).toEqual(before);
  }, 120_000);

  it('sees a file whose bytes are unchanged but which was written again (its times changed)', async () => {
    const file = itemFile();
    const when = new Date(Date.now() + 5_000);
    utimesSync(file, when, when);
    const first = await build1();
    expect(skipped(first.lines)).toBe(false);
    expect(ranStages(first.lines)).toBe(4);
    // and the build after that has nothing to do again
    expect(skipped((await build1()).lines)).toBe(true);
  }, 120_000);

  it('sees an edit, and reports the same warnings when it then has nothing to do', async () => {
    const file = itemFile();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title:/m, 'colour_of_the_day: blue\ntitle:'));
    const full = await build1();
    expect(skipped(full.lines)).toBe(false);
    const warnings = full.result.problems;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', field: 'colour_of_the_day' });
    const again = await build1();
    expect(again.result).toEqual({ ok: true, problems: warnings, unchanged: true });
    expect(snapshot(out())).toEqual(await live.clean());
  }, 120_000);

  it('sees a new folder: an empty meeting folder is an error, not a site left as it was', async () => {
    const folder = path.join(live.content, 'meetings', '2030-01-01-cabinet');
    mkdirSync(folder);
    const broken = await build1();
    expect(broken.result.ok).toBe(false);
    expect(broken.result.problems.map((p) => p.message).join('\n')).toMatch(/missing/);
    rmdirSync(folder);
    // The content is again what the live site was made from: nothing to do.
    expect(skipped((await build1()).lines)).toBe(true);
  }, 120_000);

  it('puts right a page of the live site edited by hand', async () => {
    const page = path.join(out(), 'meetings/index.html');
    const made = readFileSync(page, 'utf8');
    writeFileSync(page, made.replace('</main>', '<p>Added by hand.</p></main>'));
    const { lines } = await build1();
    expect(skipped(lines)).toBe(false);
    expect(readFileSync(page, 'utf8')).toBe(made);
    expect(skipped((await build1()).lines)).toBe(true);
  }, 120_000);

  it('puts back a file of the live site deleted by hand', async () => {
    const pdf = listTree(out()).find((rel) => rel.endsWith('.pdf'))!;
    const bytes = readFileSync(path.join(out(), pdf));
    rmSync(path.join(out(), pdf));
    const { lines } = await build1();
    expect(skipped(lines)).toBe(false);
    expect(readFileSync(path.join(out(), pdf)).equals(bytes)).toBe(true);
    expect(snapshot(out())).toEqual(await live.clean());
  }, 120_000);

  it('has nothing to do after a build whose output and cache are inside the content folder', async () => {
    const content = path.join(live.work, 'content-with-site');
    cpSync(live.content, content, { recursive: true });
    const inside = () => {
      const lines: string[] = [];
      return build({ contentDir: content, outDir: path.join(content, '_site'), log: (l) => lines.push(l) }).then(() => lines);
    };
    expect(skipped(await inside())).toBe(false);
    expect(skipped(await inside())).toBe(true);
  }, 120_000);

  it('runs every stage when asked to', async () => {
    const forced = await build1({ skipIfUnchanged: false });
    expect(skipped(forced.lines)).toBe(false);
    expect(ranStages(forced.lines)).toBe(4);
  }, 120_000);
});

describe('the build stamp', () => {
  it('belongs to one code, content folder, output, working folder and list of stages', () => {
    const stamp = readStamp(path.join(live.cache(), 'outputs'))!;
    expect(stamp).toBeDefined();
    const made = { code: stamp.code, contentDir: stamp.contentDir, outDir: stamp.outDir, cwd: stamp.cwd, stages: stamp.stages };
    expect(sameBuild(stamp, made)).toBe(true);
    expect(sameBuild(stamp, { ...made, code: 'another' })).toBe(false);
    expect(sameBuild(stamp, { ...made, contentDir: '/elsewhere' })).toBe(false);
    expect(sameBuild(stamp, { ...made, outDir: '/elsewhere' })).toBe(false);
    expect(sameBuild(stamp, { ...made, cwd: '/elsewhere' })).toBe(false);
    expect(sameBuild(stamp, { ...made, stages: stamp.stages.slice(1) })).toBe(false);
  });
});
