import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputStage } from '../build/context.ts';
import { collectIfOverBudget } from '../build/gc.ts';
import { OutputMemory } from '../build/reuse.ts';
import { digestFiles, digestKeyOf, digestOf, digestTree, type FileDigest, type FileDigests } from './digest.ts';
import { MANIFEST_URL, manifestFile } from './manifest.ts';
import { isKept, openInputMemory, saveInputMemory, type InputMemory, type OpenDataFile } from './kept.ts';
import { openDataFiles } from './outputs.ts';
import { oparlFileKeys } from './oparl/index.ts';

/** Where the stage publishes, and what it may take over from the previous build. */
interface Target {
  outDir: string;
  memory: OutputMemory;
  /** Files already in `outDir` (from earlier stages): replaced, never linked over or written through. */
  existing: FileDigests;
  /** Input keys and digests of files made from known inputs (src/opendata/kept.ts). */
  inputs?: InputMemory;
}

/**
 * Publishes [URL, content] pairs under `outDir` as they come and returns the digest of each (the
 * content itself is not kept). Each file's key in the memory is its sha256: a file whose bytes the
 * previous build published (and whose file in the previous output is still the one it recorded,
 * checked by OutputMemory.reuse) is hard-linked from there instead of written; every other file
 * is written. Either way the memory records it for the next build. Synchronous on purpose: tens of
 * thousands of small writes cost about a third of the CPU of fs/promises' thread-pool round trips.
 */
function publishAll(target: Target, files: Iterable<OpenDataFile>): { written: Map<string, FileDigest>; reused: number; unmade: number } {
  const { memory, existing, inputs } = target;
  const outDir = path.resolve(target.outDir);
  const written = new Map<string, FileDigest>();
  let reused = 0;
  let unmade = 0;
  let n = 0;
  let bytesMade = 0;
  for (const [url, made, inputKey] of files) {
    // Each file's content is garbage once written: at 30,000 items V8 let it pile up past 2 GB.
    // So the heap is held to the build's budget every thousand files, and after every 64 MB
    // made (/api/items.json alone is 28 MB there, and it is made first).
    if (++n % 1000 === 0 || bytesMade > 64 * 2 ** 20) {
      collectIfOverBudget();
      bytesMade = 0;
    }
    const key = digestKeyOf(url);
    if (written.has(key)) throw new Error(`open data: two outputs want ${url}`);
    const rel = key.slice(1);
    if (isKept(made) && !existing.has(key) && memory.reuse(rel, made.digest.sha256)) {
      // Made from the inputs the live file was made from: taken over without being made or read.
      written.set(key, made.digest);
      if (inputKey !== undefined) inputs?.next.set(url, { key: inputKey, digest: made.digest });
      reused++;
      unmade++;
      continue;
    }
    const text = isKept(made) ? made.make() : made;
    // Encoded to UTF-8 once, for its size, its hash and its file alike: a string with Welsh letters
    // is held as UTF-16, and each encoding of it costs about ten times the hashing (items.json: 9 MB at 10k).
    const content = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const digest = digestOf(content);
    bytesMade += digest.size;
    written.set(key, digest);
    if (inputKey !== undefined) inputs?.next.set(url, { key: inputKey, digest });
    const file = path.join(outDir, rel);
    if (existing.has(key)) {
      // Another stage's file, or a hard link shared with another tree: replace it, never write through it.
      memory.ensureFolder(path.dirname(file));
      rmSync(file, { force: true });
      writeFileSync(file, content);
      memory.wrote(rel, digest.sha256);
    } else if (memory.reuse(rel, digest.sha256)) {
      // Equal sha256, equal bytes: the content is its own key.
      reused++;
    } else {
      memory.ensureFolder(path.dirname(file));
      writeFileSync(file, content);
      memory.wrote(rel, digest.sha256);
    }
  }
  return { written, reused, unmade };
}

/**
 * Writes /api/ (items, meetings, committees, decisions.csv), Atom feeds, iCalendar files, the
 * OParl export, sitemap.xml, robots.txt and, last, /api/manifest.json over every published file.
 * Runs after every other stage, so the manifest and OParl checksums cover their files too.
 *
 * A rebuild reads and writes only what changed. Two OutputMemory records (src/build/reuse.ts) keep
 * the digest of every file of the site ('digests': a file that another stage took over from the
 * previous output or a cache is not read again) and the sha256 of every file this stage published
 * ('open-data': an unchanged one is hard-linked from the previous output instead of written).
 * Every file is still generated and hashed, so the bytes are exactly those of a clean build.
 */
export const openDataStage: OutputStage = {
  name: 'open data',
  async run(ctx) {
    mkdirSync(ctx.outDir, { recursive: true });
    const digests = OutputMemory.open(ctx, 'digests');
    const sha512For = oparlFileKeys(ctx.council);
    const existing = ctx.output ? digestFiles(ctx.output.files(), sha512For, digests) : digestTree(ctx.outDir, sha512For, digests);
    const inputs = openInputMemory(ctx.cacheDir);
    const { files, skipped } = openDataFiles(ctx.council, existing, inputs);
    for (const what of skipped) ctx.log(`open data: not published: ${what}`);
    const target: Target = { outDir: ctx.outDir, memory: OutputMemory.open(ctx, 'open-data'), existing, inputs };
    const { written, reused, unmade } = publishAll(target, files);
    collectIfOverBudget();
    const replaced = [...written.keys()].filter((p) => existing.has(p) && p !== MANIFEST_URL);
    // Another stage writing one of these paths (say a robots.txt in public/) would be overwritten unseen.
    if (replaced.length > 0) ctx.log(`open data: replaced ${replaced.length} existing file(s), e.g. ${replaced[0]}`);
    // Every file of the site: the earlier stages' and this one's (`existing` is this build's own map: no copy of 250,000 entries at 30,000 items).
    const published = existing;
    for (const [key, digest] of written) published.set(key, digest);
    const manifest = publishAll(target, [[MANIFEST_URL, manifestFile(published)]]);
    collectIfOverBudget();
    target.memory.save();
    saveInputMemory(ctx.cacheDir, inputs);
    digests.save();
    const unchanged = reused + manifest.reused;
    ctx.log(`open data: ${written.size + 1} files published (${written.size + 1 - unchanged} written, ${unchanged} unchanged), ${unmade} taken over without being made (inputs unchanged), manifest over ${published.size} files`);
  },
};
