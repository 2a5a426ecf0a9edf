import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extraMeeting, generateArchive, writeFiles } from '../../bench/generate.ts';
import type { BuildContext } from '../../src/build/context.ts';
import { loadCouncil } from '../../src/content/load.ts';
import type { Council, Lang, OpenItem } from '../../src/model/types.ts';
import { bundleSearchScript } from '../../src/search/bundle.ts';
import { SearchEngine, type Loader } from '../../src/search/engine.ts';
import { SEARCH_SCRIPT_ASSET, searchIndexAsset, searchStage } from '../../src/search/index.ts';
import { fixtureCouncil } from './council.ts';
import { state } from './engine-helpers.ts';

/**
 * Rebuilds of the search stage, each into a fresh folder with the previous run's output as
 * `previousDir` (as src/build/build.ts stages a build beside the live site): what they reuse, and
 * that they always give the bytes of a clean build.
 */

let root: string;
let fixture: Council;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'minutebook-search-incremental-'));
  fixture = await fixtureCouncil();
});
afterAll(() => rm(root, { recursive: true, force: true }));

interface Run {
  dir: string;
  cache: string;
  assets: Map<string, string>;
  log: string;
  files: Map<string, Buffer>;
  inodes: Map<string, number>;
}

let runs = 0;
/** Run the stage into a new folder, with `cache` (a new one by default) and the previous run's output. */
async function run(council: Council, options: { cache?: string; previous?: Run } = {}): Promise<Run> {
  const dir = path.join(root, `out-${++runs}`);
  const cache = options.cache ?? path.join(root, `cache-${runs}`);
  const lines: string[] = [];
  const ctx: BuildContext = {
    council,
    contentDir: root,
    outDir: dir,
    cacheDir: cache,
    ...(options.previous && { previousDir: options.previous.dir }),
    log: (line) => lines.push(line),
    progress: () => {},
    assets: new Map(),
  };
  await searchStage.run(ctx);
  const files = new Map<string, Buffer>();
  const inodes = new Map<string, number>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    files.set(rel, readFileSync(file));
    inodes.set(rel, statSync(file).ino);
  }
  return { dir, cache, assets: ctx.assets, log: lines.join('\n'), files, inodes };
}

/** A clean build: no previous output, an empty cache. */
const clean = (council: Council) => run(council);

function expectSameOutput(a: Run, b: Run): void {
  expect([...a.files.keys()].sort()).toEqual([...b.files.keys()].sort());
  for (const [name, bytes] of a.files) expect(bytes.equals(b.files.get(name)!), name).toBe(true);
  expect([...a.assets].sort()).toEqual([...b.assets].sort());
}

/** Files of `b` that are the very files (hard links) of `a`. */
const shared = (a: Run, b: Run) => [...b.inodes].filter(([, ino]) => [...a.inodes.values()].includes(ino)).map(([name]) => name);

const documentsRead = (r: Run) => Number(/; (\d+) documents? read/.exec(r.log)?.[1]);

function engineOver(r: Run, lang: Lang): SearchEngine {
  const file = (url: string) => {
    const bytes = r.files.get(url.replace(/^\//, ''));
    if (bytes === undefined) throw new Error(`No file ${url}`);
    return bytes;
  };
  const loader: Loader = { bytes: async (url) => file(url), json: async (url) => JSON.parse(file(url).toString()) };
  return new SearchEngine(r.assets.get(searchIndexAsset(lang))!, loader);
}

const found = async (r: Run, query: string, lang: Lang = 'en') => (await engineOver(r, lang).search(state(query))).results.map((result) => result.id);

const EDITED = '2025-07-07-cabinet/02-reference-library-service-review';
/** The council with some fields of one open item changed. */
function withChange(council: Council, id: string, fields: Partial<OpenItem>): Council {
  return { ...council, items: council.items.map((item) => (item.id === id ? { ...(item as OpenItem), ...fields } : item)) };
}
const withBody = (council: Council, id: string, body: string) => withChange(council, id, { body });

describe('an unchanged rebuild of the search stage', () => {
  it('takes over every file of the previous output (same inode) and gives the same bytes and assets', async () => {
    const first = await clean(fixture);
    const second = await run(fixture, { cache: first.cache, previous: first });
    expectSameOutput(first, second);
    for (const [name, ino] of second.inodes) expect(ino, name).toBe(first.inodes.get(name));
    expect(documentsRead(second)).toBe(0);
    // And again, from the output that was itself taken over.
    const third = await run(fixture, { cache: first.cache, previous: second });
    for (const [name, ino] of third.inodes) expect(ino, name).toBe(first.inodes.get(name));
  });

  it('makes what it cannot take over: with no previous output, it writes the same bytes from the cache', async () => {
    const first = await clean(fixture);
    const second = await run(fixture, { cache: first.cache });
    expectSameOutput(first, second);
    expect(shared(first, second)).toEqual([]);
    expect(documentsRead(second)).toBe(0);
  });
});

describe('a rebuild after an item is edited', () => {
  it('reads only that item again and gives the index of a clean build, which finds the new word', async () => {
    const first = await clean(fixture);
    const edited = withBody(fixture, EDITED, 'The committee noted the zorblaxian proposal for the mobile library.');
    const second = await run(edited, { cache: first.cache, previous: first });
    expectSameOutput(second, await clean(edited));
    // The item reads the same in both languages (it has no Welsh version): counted once for both.
    expect(documentsRead(second)).toBe(1);
    expect(await found(second, 'q=zorblaxian')).toEqual([EDITED]);
    expect(await found(second, 'q=zorblaxian', 'cy')).toEqual([EDITED]);
    expect(await found(first, 'q=zorblaxian')).toEqual([]);
    // The bundle and the display chunks without the item are the previous build's files.
    expect(shared(first, second)).toContain(second.assets.get(SEARCH_SCRIPT_ASSET)!.slice(1));
    expect(shared(first, second).filter((name) => /\/docs-[0-9a-f]{10}\/\d+\.json$/.test(name)).length).toBeGreaterThan(0);

    // A second edit, of another item, on top of the first.
    const again = withBody(edited, '2026-10-27-cabinet/03-medium-term-financial-plan', 'A quorbulent budget.');
    const third = await run(again, { cache: first.cache, previous: second });
    expectSameOutput(third, await clean(again));
    expect(documentsRead(third)).toBe(1);
    expect(await found(third, 'q=quorbulent')).toEqual(['2026-10-27-cabinet/03-medium-term-financial-plan']);
    expect(await found(third, 'q=zorblaxian')).toEqual([EDITED]);

    // Undoing both gives the first build's bytes again, with nothing read.
    const fourth = await run(fixture, { cache: first.cache, previous: third });
    expectSameOutput(fourth, first);
    expect(documentsRead(fourth)).toBe(0);
  });

  it('reads again only the Welsh version when only that is edited', async () => {
    const translated = '2025-07-07-cabinet/03-hwrc-opening-hours';
    const first = await clean(fixture);
    const item = fixture.items.find((i) => i.id === translated) as OpenItem;
    const cy = { ...item.translations!.cy!, body: 'Mae’r ganolfan ailgylchu yn cau am bedwar o’r gloch, meddai’r sbloncyn.' };
    const edited = { ...fixture, items: fixture.items.map((i) => (i.id === translated ? { ...item, translations: { ...item.translations, cy } } : i)) };
    const second = await run(edited, { cache: first.cache, previous: first });
    expectSameOutput(second, await clean(edited));
    expect(documentsRead(second)).toBe(1);
    expect(await found(second, 'q=sbloncyn', 'cy')).toEqual([translated]);
    expect(await found(second, 'q=sbloncyn', 'en')).toEqual([]);
    // The English index did not change at all.
    const english = [...second.files.keys()].filter((name) => name.startsWith('search/'));
    for (const name of english) expect(second.inodes.get(name), name).toBe(first.inodes.get(name));
  });
});

describe('a larger archive', () => {
  let content: string;
  let council: Council;
  const load = async () => {
    const { council: loaded, problems } = await loadCouncil(content);
    if (!loaded) throw new Error(JSON.stringify(problems));
    return loaded;
  };
  beforeAll(async () => {
    content = path.join(root, 'archive');
    await writeFiles(content, generateArchive(400));
    council = await load();
  });

  it('rewrites only the shards whose bytes changed when an item file is edited, and adds a new meeting the same way', async () => {
    const first = await clean(council);
    const shards = (r: Run) => [...r.files.keys()].filter((name) => name.includes('/shards/'));
    expect(shards(first).length).toBeGreaterThan(6);

    // An item file in the middle of the archive gets a new sentence.
    const target = council.items.filter((item) => !item.exempt)[150]!;
    const file = path.resolve(target.sourcePath);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe plumbiferous option was rejected.\n`);
    const edited = await load();
    const second = await run(edited, { cache: first.cache, previous: first });
    expectSameOutput(second, await clean(edited));
    expect(documentsRead(second)).toBe(1);
    expect(await found(second, 'q=plumbiferous')).toEqual([target.id]);
    const kept = shards(second).filter((name) => second.inodes.get(name) === first.inodes.get(name));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(shards(second).length);

    await writeFiles(content, extraMeeting(400));
    const grown = await load();
    const third = await run(grown, { cache: first.cache, previous: second });
    expectSameOutput(third, await clean(grown));
    expect(documentsRead(third)).toBe(8 - grown.items.slice(-8).filter((i) => i.exempt).length);
  });

  it('gives the bytes of a clean build when most items are taken away, and when they come back', async () => {
    const first = await clean(council);
    const fewer = { ...council, items: council.items.filter((_, i) => i % 3 === 0) };
    const second = await run(fewer, { cache: first.cache, previous: first });
    expectSameOutput(second, await clean(fewer));
    expect(documentsRead(second)).toBe(0);
    const third = await run(council, { cache: first.cache, previous: second });
    expectSameOutput(third, first);
    expect(documentsRead(third)).toBeGreaterThan(100);
  });
});

describe('a stale or corrupt cache', () => {
  /** Overwrite some bytes in the middle of a file. */
  function corrupt(file: string): void {
    const bytes = readFileSync(file);
    bytes.fill(0x41, bytes.length >> 1, (bytes.length >> 1) + 8);
    writeFileSync(file, bytes);
  }

  it('does not use a corrupt document cache', async () => {
    const first = await clean(fixture);
    corrupt(path.join(first.cache, 'search', 'documents.bin'));
    const edited = withBody(fixture, EDITED, 'The zorblaxian proposal.');
    const second = await run(edited, { cache: first.cache, previous: first });
    expectSameOutput(second, await clean(edited));
    expect(documentsRead(second)).toBe(24);
    // It wrote a good one in its place.
    const third = await run(fixture, { cache: first.cache, previous: second });
    expectSameOutput(third, first);
    expect(documentsRead(third)).toBe(1);
  });

  it('does not use a document cache whose bytes changed, even into words that still make sense', async () => {
    const first = await clean(fixture);
    const file = path.join(first.cache, 'search', 'documents.bin');
    const bytes = readFileSync(file);
    // The first document's first term number, in its title, becomes another term's.
    const at = 4 + bytes.readUInt32LE(0) + 4 * 10;
    bytes.writeInt32LE(bytes.readInt32LE(at) === 0 ? 1 : 0, at);
    writeFileSync(file, bytes);
    const edited = withBody(fixture, EDITED, 'The zorblaxian proposal.');
    const second = await run(edited, { cache: first.cache, previous: first });
    expectSameOutput(second, await clean(edited));
    expect(documentsRead(second)).toBe(24);
  });

  it('does not use a corrupt delta, nor a delta written for another base', async () => {
    const first = await clean(fixture);
    const edited = withBody(fixture, EDITED, 'The zorblaxian proposal.');
    const second = await run(edited, { cache: first.cache, previous: first });
    const delta = path.join(first.cache, 'search', 'documents-delta.bin');
    const saved = readFileSync(delta);
    corrupt(delta);
    const again = withBody(edited, '2026-10-27-cabinet/03-medium-term-financial-plan', 'A quorbulent budget.');
    const third = await run(again, { cache: first.cache, previous: second });
    expectSameOutput(third, await clean(again));
    expect(documentsRead(third)).toBe(2);

    // A good delta, next to a base other than the one it was written for.
    const other = await clean(withBody(fixture, EDITED, 'Something else entirely.'));
    writeFileSync(path.join(other.cache, 'search', 'documents-delta.bin'), saved);
    const fourth = await run(edited, { cache: other.cache });
    expectSameOutput(fourth, second);
    expect(documentsRead(fourth)).toBe(1);
  });

  it('does not take over a previous output file that was changed after it was written', async () => {
    const first = await clean(fixture);
    const shard = [...first.files.keys()].find((name) => name.startsWith('search/shards/'))!;
    writeFileSync(path.join(first.dir, shard), 'not a shard');
    const second = await run(fixture, { cache: first.cache, previous: first });
    expect(second.files.get(shard)!.equals(first.files.get(shard)!)).toBe(true);
    expect(second.inodes.get(shard)).not.toBe(first.inodes.get(shard));
    expectSameOutput(second, first);
  });

  it('does not take over a changed display chunk under its new folder name either', async () => {
    const first = await clean(fixture);
    const chunk = [...first.files.keys()].find((name) => /^search\/docs-[0-9a-f]{10}\/2\.json$/.test(name))!;
    writeFileSync(path.join(first.dir, chunk), '[]');
    // A new title renames the chunk folder; chunk 2 holds other items, so its bytes are unchanged.
    const edited = withChange(fixture, EDITED, { title: 'Zorblaxian library proposal' });
    const second = await run(edited, { cache: first.cache, previous: first });
    expectSameOutput(second, await clean(edited));
    const moved = [...second.files.keys()].find((name) => /^search\/docs-[0-9a-f]{10}\/2\.json$/.test(name))!;
    expect(moved).not.toBe(chunk);
    expect(second.inodes.get(moved)).not.toBe(first.inodes.get(chunk));
    // Chunk 1 was left alone, so it is the same file under its new name.
    expect(second.inodes.get(moved.replace(/2\.json$/, '1.json'))).toBe(first.inodes.get(chunk.replace(/2\.json$/, '1.json')));
  });

  it('does not use an index record or a bundle that does not check out', async () => {
    const first = await clean(fixture);
    corrupt(path.join(first.cache, 'search', 'index-en.json'));
    writeFileSync(path.join(first.cache, 'search', 'bundle.js'), 'alert("not the bundle")');
    // No previous output: the bundle must be read from the cache or made.
    const second = await run(fixture, { cache: first.cache });
    expectSameOutput(second, first);
    const script = second.files.get(second.assets.get(SEARCH_SCRIPT_ASSET)!.slice(1))!;
    expect(script.equals(Buffer.from(await bundleSearchScript()))).toBe(true);
  });
});
