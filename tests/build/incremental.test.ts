import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { STAGES } from '../../src/build/stages.ts';
import { createPagesStage, pagesStage } from '../../src/site/index.ts';
import { liveSite } from '../helpers/live-site.ts';
import { snapshot } from '../helpers/tree.ts';

/**
 * A rebuild takes unchanged pages over from the live output (src/site/page-keys.ts). Whatever the
 * edit, the rebuilt site must be byte for byte the site a clean build of the same content makes.
 */
const live = liveSite('minutebook-incremental-');
const out = live.out;
const rebuild = live.rebuild;
const clean = live.clean;

/** Pages rendered (not reused) in each language, from the pages stage's log lines. */
const rendered = (lines: string[]) => lines.filter((l) => l.startsWith('pages (')).map((l) => Number(/: (\d+) item/.exec(l)![1]));

const ITEM = 'meetings/2026-10-27-cabinet';
const inode = (rel: string) => statSync(path.join(out(), rel)).ino;

beforeAll(() => live.setUp(), 120_000);
afterAll(() => live.tearDown());

describe('incremental rebuilds', () => {
  it('reuses every item, meeting and issue page when nothing changed, and writes the same site', async () => {
    const page = 'meetings/2025-07-07-cabinet/index.html';
    const before = inode(page);
    const lines = await rebuild();
    expect(rendered(lines)).toEqual([0, 0]);
    expect(inode(page)).toBe(before);
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders again only the pages that show an edited item', async () => {
    const unrelated = 'meetings/2025-06-12-scrutiny-communities/index.html';
    const before = inode(unrelated);
    const file = path.join(live.content, ITEM, readdirOf(ITEM)[0]!);
    appendFileSync(file, '\nA sentence added by the incremental test, about Quillon Lane.\n');
    const lines = await rebuild();
    const [en, cy] = rendered(lines);
    expect(en).toBeGreaterThan(0);
    expect(en).toBeLessThan(20);
    expect(cy).toBe(en);
    expect(inode(unrelated)).toBe(before);
    expect(readFileSync(path.join(out(), ITEM, path.basename(file, '.md'), 'index.html'), 'utf8')).toContain('Quillon Lane');
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders the pages that mention a retitled item: the item it was referred to shows the new title', async () => {
    const source = path.join(live.content, 'meetings/2025-06-12-scrutiny-communities');
    const file = path.join(source, readdirOfAbs(source).find((f) => f.includes('library'))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Library service review, retitled"'));
    await rebuild();
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('adds a new meeting and drops a deleted item', async () => {
    const folder = path.join(live.content, 'meetings/2026-11-30-planning');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'index.md'), '---\ncommittee: planning\ndate: 2026-11-30\ntime: "10:00"\n---\n');
    writeFileSync(path.join(folder, '01-apologies.md'), '---\nitem: "1"\ntitle: Apologies for absence\ntype: minutes\n---\nNone were received.\n');
    rmSync(path.join(live.content, ITEM, readdirOf(ITEM).at(-1)!));
    await rebuild();
    expect(statSync(path.join(out(), 'meetings/2026-11-30-planning/01-apologies/index.html')).isFile()).toBe(true);
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders every page again when something every page shows changes (the council’s name)', async () => {
    const site = path.join(live.content, 'site.yml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^name: .*$/m, 'name: Renamed Borough Council'));
    const lines = await rebuild();
    expect(rendered(lines)[0]).toBeGreaterThan(20);
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders item pages in several Eleventy runs when there are many, writing the same site', async () => {
    const dir = mkdtempSync(path.join(live.work, 'runs-'));
    const stages = STAGES.map((stage) => (stage === pagesStage ? createPagesStage({ itemsPerRun: 5 }) : stage));
    const result = await build({ contentDir: live.content, outDir: path.join(dir, 'site'), cacheDir: path.join(dir, 'cache'), stages });
    expect(result.ok).toBe(true);
    expect(snapshot(path.join(dir, 'site'))).toEqual(snapshot(out()));
  }, 120_000);

  it('does not trust a page changed by hand in the live output', async () => {
    const page = path.join(out(), 'meetings/2025-07-07-cabinet/index.html');
    const original = readFileSync(page, 'utf8');
    rmSync(page);
    writeFileSync(page, original.replace('</main>', '<p>edited by hand</p></main>'));
    const lines = await rebuild();
    expect(rendered(lines)[0]).toBeGreaterThan(0);
    expect(readFileSync(page, 'utf8')).toBe(original);
  }, 120_000);
});

function readdirOf(rel: string): string[] {
  return readdirOfAbs(path.join(live.content, rel));
}

function readdirOfAbs(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'index.md' && !/\.(cy|en)\.md$/.test(f))
    .sort();
}
