import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import type { Council } from '../../src/model/types.ts';
import { searchStage } from '../../src/search/index.ts';
import { decodeShard } from '../../src/search/shard-format.ts';
import { fixtureCouncil } from './council.ts';

let council: Council;
let root: string;
beforeAll(async () => {
  council = await fixtureCouncil();
  root = await mkdtemp(path.join(tmpdir(), 'minutebook-search-stage-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function runStage(name: string): Promise<{ ctx: BuildContext; files: Map<string, Buffer> }> {
  const outDir = path.join(root, name);
  const ctx: BuildContext = { council, contentDir: root, outDir, cacheDir: path.join(root, 'cache'), log: () => {}, progress: () => {}, assets: new Map() };
  await searchStage.run(ctx);
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(outDir, file), await readFile(file));
    }
  }
  return { ctx, files };
}

describe('the search stage', () => {
  it('writes the same bytes under the same names every time', async () => {
    const [a, b] = [await runStage('a'), await runStage('b')];
    expect([...a.files.keys()].sort()).toEqual([...b.files.keys()].sort());
    for (const [name, bytes] of a.files) expect(bytes.equals(b.files.get(name)!)).toBe(true);
  });

  it('names every file it writes under /search/ (or /cy/search/) by content hash', async () => {
    const { files } = await runStage('c');
    for (const name of files.keys()) {
      expect(name).toMatch(/^(cy\/)?search\/(search-[0-9a-f]{10}\.js|index-[0-9a-f]{10}\.json|meta-[0-9a-f]{10}\.json|shards\/[0-9a-f]{10}\.bin|docs-[0-9a-f]{10}\/\d+\.json)$/);
    }
  });

  it('registers the bundle and the manifest for the search page', async () => {
    const { ctx, files } = await runStage('d');
    const script = ctx.assets.get('search.js')!;
    const manifest = ctx.assets.get('search-index')!;
    expect(files.has(script.slice(1))).toBe(true);
    expect(JSON.parse(files.get(manifest.slice(1))!.toString()).docs).toBe(council.items.filter((i) => !i.exempt).length);
  });

  it('writes a Welsh index under /cy/search/ whose results link to the Welsh pages', async () => {
    const { ctx, files } = await runStage('e');
    const manifest = JSON.parse(files.get(ctx.assets.get('search-index-cy')!.slice(1))!.toString());
    expect(manifest.lang).toBe('cy');
    expect(manifest.shards.every((s: string) => s.startsWith('/cy/search/'))).toBe(true);
  });

  it('leaves no path of the build machine in the bundle', async () => {
    const { ctx, files } = await runStage('e');
    expect(files.get(ctx.assets.get('search.js')!.slice(1))!.toString()).not.toContain(process.cwd());
  });

  it('puts no text of an exempt item in any file', async () => {
    const { files } = await runStage('f');
    // Shards are front-coded, so read their terms back rather than searching their bytes.
    const everything = [...files]
      .map(([name, bytes]) => (name.endsWith('.bin') ? decodeShard(bytes).map((t) => t.term).join(' ') : bytes.toString()))
      .join('\n');
    expect(everything).not.toMatch(/zephyrine/i);
    expect(everything).not.toContain('Disposal of Land');
  });
});
