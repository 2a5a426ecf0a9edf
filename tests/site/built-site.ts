import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../src/build/build.ts';

export const FIXTURE = path.resolve('tests/fixtures/valid');

export interface BuiltSite {
  outDir: string;
  remove(): Promise<void>;
}

/** Build the fixture council with the real pipeline (every stage) into a fresh temporary folder. */
export async function buildFixtureSite(): Promise<BuiltSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutebook-site-'));
  const outDir = path.join(dir, 'site');
  const result = await build({ contentDir: FIXTURE, outDir, cacheDir: path.join(dir, 'cache') });
  if (!result.ok) throw new Error(`The fixture council did not build:\n${result.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  return { outDir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every built HTML file, relative to the output folder with / separators, sorted. */
export function htmlFiles(outDir: string): string[] {
  return (readdirSync(outDir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** The site-relative URL that serves a built HTML file. */
export function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}
