import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { STAGES } from '../../src/build/stages.ts';
import { createPagesStage, pagesStage } from '../../src/site/index.ts';
import { loadCouncil } from '../../src/content/load.ts';
import { planPdfs } from '../../src/pdf/job.ts';
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

/** Pages rendered (not reused) in each language, from the pages stage's log lines: item, meeting and issue pages, and lists. */
const counts = (lines: string[]) =>
  lines
    .filter((l) => l.startsWith('pages ('))
    .map((l) => {
      const [, records, lists, recordsReused, listsReused] = /: (\d+) item, meeting and issue pages and (\d+) lists rendered, (\d+) and (\d+) unchanged/.exec(l)!;
      return { records: Number(records), lists: Number(lists), reused: Number(recordsReused) + Number(listsReused) };
    });
const rendered = (lines: string[]) => counts(lines).map((c) => c.records);
const listsRendered = (lines: string[]) => counts(lines).map((c) => c.lists);

const ITEM = 'meetings/2026-10-27-cabinet';
const inode = (rel: string) => statSync(path.join(out(), rel)).ino;
const inodes = (rels: readonly string[]) => Object.fromEntries(rels.map((rel) => [rel, inode(rel)]));
const page = (rel: string) => readFileSync(path.join(out(), rel), 'utf8');
/** The site's PDFs as the PDF stage plans them (not attachments). */
const planned = async () => planPdfs((await loadCouncil(live.content)).council!).map((p) => p.path);
/** The PDFs of ITEM with these names, in each language they are published in. */
const pdfsOf = async (names: string[]) => {
  const all = await planned();
  return names.flatMap((name) => [`${ITEM}/${name}`, `cy/${ITEM}/${name}`]).filter((rel) => all.includes(rel));
};

/** List pages in both languages, and public/ files. */
const LISTS = ['index.html', 'meetings/index.html', 'committees/index.html', 'committees/cabinet/index.html', 'issues/index.html', 'decisions/index.html', 'decisions/2026/index.html', 'decisions/2025/index.html', 'decisions/committees/cabinet/index.html', '404.html'];
const BOTH = [...LISTS, ...LISTS.map((rel) => `cy/${rel}`)];

beforeAll(() => live.setUp(), 120_000);
afterAll(() => live.tearDown());

describe('incremental rebuilds', () => {
  it('reuses every page when nothing changed, and writes the same site', async () => {
    const kept = ['meetings/2025-07-07-cabinet/index.html', ...BOTH, 'search/index.html', 'cy/search/index.html', 'css/brand.css', 'css/site.css', 'images/logo.svg'];
    const before = inodes(kept);
    // Every stage runs (no shortcut for an unchanged build: tests/build/unchanged.test.ts).
    const lines = await rebuild({ skipIfUnchanged: false });
    expect(rendered(lines)).toEqual([0, 0]);
    expect(listsRendered(lines)).toEqual([0, 0]);
    expect(inodes(kept)).toEqual(before);
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

  it('renders no list again when the minutes of a decided item change (only the search page, which links the new index)', async () => {
    const before = inodes(BOTH);
    appendFileSync(path.join(live.content, ITEM, '03-medium-term-financial-plan.md'), '\nMembers asked about the Quillon Lane reserve.\n');
    const lines = await rebuild();
    expect(rendered(lines)[0]).toBeGreaterThan(0);
    expect(listsRendered(lines)[0]).toBeLessThanOrEqual(1);
    expect(inodes(BOTH)).toEqual(before);
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders the lists that show a changed decision, and only those', async () => {
    const unrelated = ['meetings/index.html', 'committees/index.html', 'issues/index.html', 'decisions/2025/index.html', '404.html'];
    const before = inodes(unrelated);
    const file = path.join(live.content, ITEM, '03-medium-term-financial-plan.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^decision: .*$/m, 'decision: Medium Term Financial Plan approved, with a Quillon Lane amendment.'));
    const lines = await rebuild();
    expect(listsRendered(lines)[0]).toBeGreaterThan(0);
    for (const rel of ['index.html', 'decisions/index.html', 'decisions/2026/index.html', 'decisions/committees/cabinet/index.html']) expect(page(rel)).toContain('Quillon Lane amendment');
    expect(inodes(unrelated)).toEqual(before);
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders the Welsh lists that show a retitled Welsh version of an item', async () => {
    const file = path.join(live.content, 'meetings/2025-07-07-cabinet/03-hwrc-opening-hours.cy.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Oriau Agor Canolfannau Ailgylchu, wedi’u newid'));
    await rebuild();
    expect(page('cy/decisions/2025/index.html')).toContain('Oriau Agor Canolfannau Ailgylchu, wedi’u newid');
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it("renders a meeting's Welsh page again when its Welsh notes are added, edited or deleted", async () => {
    const folder = path.join(live.content, 'meetings/2026-10-27-cabinet');
    const welsh = 'cy/meetings/2026-10-27-cabinet/index.html';
    // (Page keys hash a meeting with its versions in every language, so its English page is rendered again too, the same bytes.)
    writeFileSync(path.join(folder, 'index.cy.md'), 'Nodiadau am gyfarfod y Cabinet, ynghylch Lôn Quillon.\n');
    await rebuild();
    expect(page(welsh)).toContain('Nodiadau am gyfarfod y Cabinet, ynghylch Lôn Quillon.');
    expect(snapshot(out())).toEqual(await clean());
    writeFileSync(path.join(folder, 'index.cy.md'), 'Nodiadau newydd am y cyfarfod.\n');
    await rebuild();
    expect(page(welsh)).toContain('Nodiadau newydd am y cyfarfod.');
    rmSync(path.join(folder, 'index.cy.md'));
    await rebuild();
    expect(page(welsh)).not.toContain('Nodiadau newydd');
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders the lists of meetings when a meeting is cancelled', async () => {
    const unrelated = ['decisions/2025/index.html', 'issues/index.html'];
    const before = inodes(unrelated);
    const file = path.join(live.content, 'meetings/2026-12-10-full-council/index.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: scheduled$/m, 'status: cancelled'));
    await rebuild();
    expect(page('meetings/index.html')).toContain('calendar__link--cancelled" href="/meetings/2026-12-10-full-council/"');
    expect(inodes(unrelated)).toEqual(before);
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
    expect(listsRendered(lines)[0]).toBeGreaterThan(10);
    expect(counts(lines).map((c) => c.reused)).toEqual([0, 0]);
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders item pages in several Eleventy runs when there are many, writing the same site', async () => {
    const dir = mkdtempSync(path.join(live.work, 'runs-'));
    const stages = STAGES.map((stage) => (stage === pagesStage ? createPagesStage({ itemsPerRun: 5 }) : stage));
    const result = await build({ contentDir: live.content, outDir: path.join(dir, 'site'), cacheDir: path.join(dir, 'cache'), stages });
    expect(result.ok).toBe(true);
    expect(snapshot(path.join(dir, 'site'))).toEqual(snapshot(out()));
  }, 120_000);

  it('keeps a live PDF without looking for its cached file, and renders only the edited item’s PDFs', async () => {
    const file = path.join(live.content, ITEM, '03-medium-term-financial-plan.md');
    const edited = await pdfsOf(['03-medium-term-financial-plan.pdf', '2026-10-27-cabinet.pdf']);
    const all = await planned();
    const before = inodes(all);
    // The PDF cache emptied (a cache folder cleared to save space): the live PDFs are still the files recorded.
    rmSync(path.join(live.cache(), 'pdf'), { recursive: true });
    appendFileSync(file, '\nThe Leader thanked the finance team for the Quillon Lane figures.\n');
    const lines = await rebuild();
    expect(lines).toContain(`PDFs: ${edited.length} rendered, ${all.length - edited.length} reused`);
    const after = inodes(all);
    for (const rel of all) {
      if (edited.includes(rel)) expect(after[rel], rel).not.toBe(before[rel]);
      else expect(after[rel], rel).toBe(before[rel]);
    }
    expect(snapshot(out())).toEqual(await clean());
  }, 120_000);

  it('renders a live PDF replaced by hand again, even with the cache emptied', async () => {
    const [pdf] = await pdfsOf(['02-reference-gwyl-ddewi-2027.pdf']);
    const right = readFileSync(path.join(out(), pdf!));
    rmSync(path.join(out(), pdf!));
    writeFileSync(path.join(out(), pdf!), right.subarray(0, 100));
    rmSync(path.join(live.cache(), 'pdf'), { recursive: true });
    const lines = await rebuild();
    expect(lines).toContain(`PDFs: 1 rendered, ${(await planned()).length - 1} reused`);
    expect(readFileSync(path.join(out(), pdf!)).equals(right)).toBe(true);
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
