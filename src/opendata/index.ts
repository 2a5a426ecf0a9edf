import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputStage } from '../build/context.ts';
import { outputPathOf } from '../model/urls.ts';
import { digestKeyOf, digestOf, digestTree, type FileDigest } from './digest.ts';
import { MANIFEST_URL, manifestFile } from './manifest.ts';
import { openDataFiles } from './outputs.ts';
import { oparlFileKeys } from './oparl/index.ts';

/**
 * Writes [URL, content] pairs under `root` as they come, a few at a time, creating each folder
 * once, and returns the digest of each file written (the content itself is not kept).
 */
async function writeAll(root: string, files: Iterable<[string, string]>): Promise<Map<string, FileDigest>> {
  const folders = new Map<string, Promise<unknown>>();
  const written = new Map<string, FileDigest>();
  const pending = new Set<Promise<void>>();
  const write = async (url: string, content: string) => {
    const target = path.join(root, outputPathOf(url));
    const dir = path.dirname(target);
    if (!folders.has(dir)) folders.set(dir, mkdir(dir, { recursive: true }));
    await folders.get(dir);
    await writeFile(target, content);
  };
  for (const [url, content] of files) {
    if (written.has(digestKeyOf(url))) throw new Error(`open data: two outputs want ${url}`);
    written.set(digestKeyOf(url), digestOf(content));
    const p = write(url, content).finally(() => pending.delete(p));
    pending.add(p);
    if (pending.size >= 32) await Promise.race(pending);
  }
  await Promise.all(pending);
  return written;
}

/**
 * Writes /api/ (items, meetings, committees, decisions.csv), Atom feeds, iCalendar files, the
 * OParl export, sitemap.xml, robots.txt and, last, /api/manifest.json over every published file.
 * Runs after every other stage, so the manifest and OParl checksums cover their files too.
 */
export const openDataStage: OutputStage = {
  name: 'open data',
  async run(ctx) {
    await mkdir(ctx.outDir, { recursive: true });
    const existing = await digestTree(ctx.outDir, oparlFileKeys(ctx.council));
    const { files, skipped } = openDataFiles(ctx.council, existing);
    for (const what of skipped) ctx.log(`open data: not published: ${what}`);
    const written = await writeAll(ctx.outDir, files);
    const replaced = [...written.keys()].filter((p) => existing.has(p) && p !== MANIFEST_URL);
    // Another stage writing one of these paths (say a robots.txt in public/) would be overwritten unseen.
    if (replaced.length > 0) ctx.log(`open data: replaced ${replaced.length} existing file(s), e.g. ${replaced[0]}`);
    const published = new Map([...existing, ...written]);
    await writeAll(ctx.outDir, [[MANIFEST_URL, manifestFile(published)]]);
    ctx.log(`open data: ${written.size + 1} files written, manifest over ${published.size} files`);
  },
};
