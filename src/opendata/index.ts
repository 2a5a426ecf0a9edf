import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputStage } from '../build/context.ts';
import { outputPathOf } from '../model/urls.ts';
import { digestKeyOf, digestOf, digestTree } from './digest.ts';
import { MANIFEST_URL, manifestFile } from './manifest.ts';
import { openDataFiles } from './outputs.ts';

/** Writes files under `root`, a few at a time, creating folders once each. */
async function writeAll(root: string, files: Map<string, string>): Promise<void> {
  const made = new Set<string>();
  const queue = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const [url, content] = queue[next++]!;
      const target = path.join(root, outputPathOf(url));
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(target, content);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, queue.length) }, worker));
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
    const existing = await digestTree(ctx.outDir);
    const { files, skipped } = openDataFiles(ctx.council, existing);
    for (const what of skipped) ctx.log(`open data: not published: ${what}`);
    await writeAll(ctx.outDir, files);
    const published = new Map(existing);
    for (const [url, content] of files) published.set(digestKeyOf(url), digestOf(content));
    await writeAll(ctx.outDir, new Map([[MANIFEST_URL, manifestFile(published)]]));
    ctx.log(`open data: ${files.size + 1} files, manifest over ${published.size} files`);
  },
};
