import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutputMemory } from '../../src/build/reuse.ts';
import { loadCouncil } from '../../src/content/load.ts';
import { openDataStage } from '../../src/opendata/index.ts';
import { digestKey } from '../../src/opendata/digest.ts';
import { manifestJson } from '../../src/opendata/schemas.ts';
import { liveSite } from '../helpers/live-site.ts';
import { snapshot } from '../helpers/tree.ts';

/**
 * The open-data stage on real rebuilds of a copy of tests/fixtures/valid (every stage, as
 * `minutebook build` runs them): unchanged files are hard-linked from the live output instead of
 * written, files other stages took over are not read again for their digests, and whatever
 * happened in between, the site is byte for byte the one a clean build of the same content makes.
 * The tests run in order, each starting from the site the one before it built.
 */
const VALID = path.resolve(__dirname, '../fixtures/valid');
const live = liveSite('minutebook-opendata-rebuild-');
const site = live.out;
const cache = live.cache;
// Every stage runs on every rebuild, even with nothing changed: this file tests the open-data stage's own reuse.
const rebuild = () => live.rebuild({ skipIfUnchanged: false });
const clean = live.clean;

/** Whether a published file is one the open-data stage writes. */
const isOpenData = (rel: string) => /^(api|oparl|feeds|calendar|cy\/feeds|cy\/calendar)\/|^(sitemap\.xml|robots\.txt)$/.test(rel);

/** The inode of every open-data file of the live site. */
function openDataInodes(): Map<string, number> {
  return new Map(
    Object.keys(snapshot(site()))
      .filter(isOpenData)
      .map((rel) => [rel, statSync(path.join(site(), rel)).ino]),
  );
}

const inode = (rel: string) => statSync(path.join(site(), rel)).ino;
const read = (rel: string) => readFileSync(path.join(site(), rel), 'utf8');
const manifestEntry = (rel: string) => manifestJson.parse(JSON.parse(read('api/manifest.json'))).files.find((f) => f.path === `/${rel}`)!;
/** The open-data log line: `N files published (W written, U unchanged), …`. */
const counts = (lines: string[]) => {
  const m = /open data: (\d+) files published \((\d+) written, (\d+) unchanged\)/.exec(lines.find((l) => l.startsWith('open data: ') && l.includes('published'))!)!;
  return { published: Number(m[1]), written: Number(m[2]), unchanged: Number(m[3]) };
};

const MEETING = 'meetings/2026-10-27-cabinet';
const ITEM_FILE = `${MEETING}/03-medium-term-financial-plan.md`;
const ITEM_AGENDA = `oparl/agenda-item/2026-10-27-cabinet/03-medium-term-financial-plan.json`;
const ITEM_PAPER = `oparl/paper/2026-10-27-cabinet/03-medium-term-financial-plan.json`;
/** An OParl object of another meeting, which no edit below touches. */
const OTHER_AGENDA = 'oparl/agenda-item/2025-07-07-cabinet';

beforeAll(async () => {
  await live.setUp();
}, 180_000);
afterAll(() => live.tearDown());

describe('open data on a rebuild', () => {
  it('takes every file over from the live output when nothing changed, and publishes the same site', async () => {
    const before = snapshot(site());
    const inodes = openDataInodes();
    expect(inodes.size).toBeGreaterThan(150);
    const lines = await rebuild();
    expect(counts(lines)).toMatchObject({ written: 0, unchanged: inodes.size });
    expect(openDataInodes()).toEqual(inodes);
    expect(snapshot(site())).toEqual(before);
  }, 120_000);

  it('writes again the files an edited item changes, and exactly what a clean build writes', async () => {
    const other = readdirSync(path.join(site(), OTHER_AGENDA)).map((f) => `${OTHER_AGENDA}/${f}`);
    const kept = new Map(other.map((rel) => [rel, inode(rel)]));
    const changed = ['api/items.json', 'api/decisions.csv', ITEM_AGENDA, ITEM_PAPER, 'feeds/decisions.xml', 'api/manifest.json'];
    const was = new Map(changed.map((rel) => [rel, { ino: inode(rel), text: read(rel) }]));
    const file = path.join(live.content, ITEM_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^decision: .*$/m, 'decision: Plan approved after an amendment about Quillon Lane.'));

    const lines = await rebuild();
    for (const rel of changed) {
      expect(inode(rel), rel).not.toBe(was.get(rel)!.ino);
      expect(read(rel), rel).not.toBe(was.get(rel)!.text);
    }
    expect(read(ITEM_AGENDA)).toContain('Quillon Lane');
    for (const [rel, ino] of kept) expect(inode(rel), rel).toBe(ino);
    const { written, unchanged } = counts(lines);
    expect(written).toBeGreaterThanOrEqual(changed.length);
    expect(unchanged).toBeGreaterThan(written);
    expect(snapshot(site())).toEqual(await clean());
  }, 180_000);

  it('does not take over a file that was changed by hand in the live output', async () => {
    const rel = `${OTHER_AGENDA}/${readdirSync(path.join(site(), OTHER_AGENDA))[0]}`;
    const right = read(rel);
    const ino = inode(rel);
    // Written in place (same inode) and the same length: only its modification time tells.
    writeFileSync(path.join(site(), rel), right.replace(/"name":"./, '"name":"X'));
    utimesSync(path.join(site(), rel), new Date(), new Date(Date.now() + 5000));
    expect(read(rel)).not.toBe(right);
    expect(inode(rel)).toBe(ino);

    const lines = await rebuild();
    expect(read(rel)).toBe(right);
    expect(inode(rel)).not.toBe(ino);
    expect(counts(lines).written).toBe(1);
    expect(snapshot(site())).toEqual(await clean());
  }, 180_000);

  it('writes every file afresh, the same bytes, when the memory of the last build is missing', async () => {
    const before = snapshot(site());
    const inodes = openDataInodes();
    rmSync(path.join(cache(), 'outputs', 'open-data.tsv'));
    rmSync(path.join(cache(), 'outputs', 'digests.tsv'));
    const lines = await rebuild();
    expect(counts(lines)).toMatchObject({ written: inodes.size, unchanged: 0 });
    for (const [rel, ino] of openDataInodes()) expect(ino, rel).not.toBe(inodes.get(rel));
    expect(snapshot(site())).toEqual(before);
  }, 120_000);

  it('takes a recorded digest for a file that is still the very file recorded, and reads one that is not', async () => {
    const pdf = `${MEETING}/03-medium-term-financial-plan.pdf`;
    const file = `oparl/file/${pdf}.json`;
    const real = manifestEntry(pdf);
    const oparl = JSON.parse(read(file));
    expect(oparl).toMatchObject({ size: real.size, sha256Checksum: real.sha256 });
    // Record a made-up digest for the live PDF, as if the last build had digested it so. The PDF
    // stage hard-links the same file from its cache into the next build, so it is taken unread.
    const made = { size: 7, sha256: 'a'.repeat(64), sha512: 'b'.repeat(128) };
    const memory = OutputMemory.open({ cacheDir: cache(), outDir: site(), previousDir: site() }, 'digests');
    memory.wrote(pdf, digestKey(made));
    memory.save();
    await rebuild();
    expect(manifestEntry(pdf)).toEqual({ path: `/${pdf}`, size: 7, sha256: made.sha256 });
    expect(JSON.parse(read(file))).toMatchObject({ size: 7, sha256Checksum: made.sha256, sha512Checksum: made.sha512 });

    // A new modification time: no longer the file recorded, so it is read again.
    utimesSync(path.join(site(), pdf), new Date(), new Date(Date.now() + 5000));
    await rebuild();
    expect(manifestEntry(pdf)).toEqual(real);
    expect(JSON.parse(read(file))).toEqual(oparl);
  }, 180_000);
});

describe('open data into a folder that already holds one of its paths', () => {
  it('replaces the file instead of writing through a hard link to another tree', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'minutebook-opendata-replace-'));
    try {
      const elsewhere = path.join(root, 'elsewhere.txt');
      writeFileSync(elsewhere, 'a file another tree keeps\n');
      const out = path.join(root, 'site');
      mkdirSync(out);
      linkSync(elsewhere, path.join(out, 'robots.txt'));
      const { council } = await loadCouncil(VALID);
      const log: string[] = [];
      await openDataStage.run({ council: council!, contentDir: VALID, outDir: out, cacheDir: path.join(root, 'cache'), previousDir: path.join(root, 'none'), log: (l) => log.push(l), progress: () => {}, assets: new Map() });
      expect(readFileSync(elsewhere, 'utf8')).toBe('a file another tree keeps\n');
      expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain('Sitemap:');
      expect(log.join('\n')).toContain('replaced 1 existing file(s), e.g. /robots.txt');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
