import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/tree.ts';
// @ts-expect-error plain JavaScript, no types: it runs before any TypeScript can
import { loadMain } from '../../bin/start.js';

type Main = (argv: string[]) => Promise<unknown>;

/** A project of two modules in a folder of its own: `main` reports the helper's word and its own URL. */
let top: string;
let root: string;
/** Write a source file, saved a minute ago (a bundle is recorded only if its sources were not saved while it was made). */
const write = (rel: string, text: string, { justNow = false } = {}) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
  const minuteAgo = new Date(Date.now() - 60_000);
  if (!justNow) utimesSync(path.join(root, rel), minuteAgo, minuteAgo);
};
const stamp = () => JSON.parse(readFileSync(path.join(root, 'node_modules/.cache/minutebook/cli/current.json'), 'utf8')) as { dir: string; inputs: [string, string][] };
const bundles = () => readdirSync(path.join(root, 'node_modules/.cache/minutebook/cli')).filter((n) => n.startsWith('b-'));

beforeEach(() => {
  // Deeper than the working directory is: the bundle must not depend on where the command runs from.
  top = mkdtempSync(path.join(tmpdir(), 'minutebook-start-'));
  root = path.join(top, 'a', 'b', 'c', 'project');
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  write('tsconfig.json', '{}\n');
  write('src/cli/word.ts', "export const word: string = 'first';\n");
  write('src/cli/main.ts', "import { word } from './word.ts';\nexport async function main(argv: string[]) { return { word, argv, url: import.meta.url }; }\n");
});
afterEach(() => {
  rmSync(top, { recursive: true, force: true });
  delete process.env.MINUTEBOOK_BUNDLE;
});

describe('bin/start.js: the command from a bundle kept fresh', () => {
  it('bundles the source once, keeps each module its own URL, and reuses the bundle while nothing changed', async () => {
    const main = (await loadMain(root)) as Main;
    expect(await main(['x'])).toEqual({ word: 'first', argv: ['x'], url: pathToFileURL(path.join(root, 'src/cli/main.ts')).href });
    const first = stamp();
    expect(first.inputs.map(([file]) => file)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/cli/word.ts', 'tsconfig.json']));
    await loadMain(root);
    expect(stamp().dir).toBe(first.dir);
    expect(bundles()).toEqual([first.dir]);
  });

  it('makes a new bundle as soon as any source file changes, and removes old ones a day later', async () => {
    await loadMain(root);
    const first = stamp().dir;
    write('src/cli/word.ts', "export const word: string = 'second, longer';\n");
    const main = (await loadMain(root)) as Main;
    expect(await main([])).toMatchObject({ word: 'second, longer' });
    const second = stamp().dir;
    expect(second).not.toBe(first);
    // A command started from the first bundle may still be loading its chunks: it stays for now.
    expect(bundles().sort()).toEqual([first, second].sort());
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(path.join(root, 'node_modules/.cache/minutebook/cli', first), dayAgo, dayAgo);
    write('src/cli/word.ts', "export const word: string = 'third, longer still';\n");
    expect(await ((await loadMain(root)) as Main)([])).toMatchObject({ word: 'third, longer still' });
    expect(bundles().sort()).toEqual([second, stamp().dir].sort());
  });

  it('uses but does not record a bundle made while a source was being saved', async () => {
    write('src/cli/word.ts', "export const word: string = 'fresh';\n", { justNow: true });
    expect(await ((await loadMain(root)) as Main)([])).toMatchObject({ word: 'fresh' });
    expect(() => stamp()).toThrow();
  });

  it('runs the source through tsx when bundling fails or is turned off', async () => {
    write('src/cli/word.ts', "export const word: string = 'third';\n");
    process.env.MINUTEBOOK_BUNDLE = '0';
    expect(await ((await loadMain(root)) as Main)([])).toMatchObject({ word: 'third' });
    expect(() => stamp()).toThrow();
    delete process.env.MINUTEBOOK_BUNDLE;
    // The bundle cannot be stored (node_modules is a file): tsx still runs the command.
    rmSync(path.join(root, 'node_modules'), { recursive: true });
    write('node_modules', 'not a folder');
    expect(await ((await loadMain(root)) as Main)([])).toMatchObject({ word: 'third' });
    // Unless the bundle is required.
    process.env.MINUTEBOOK_BUNDLE = '1';
    await expect(loadMain(root)).rejects.toThrow();
  });
});

const PROJECT_FILE = (rel: string) => fileURLToPath(new URL(`../../${rel}`, import.meta.url));

describe('the command from the bundle and through tsx', () => {
  it('builds the same site, byte for byte', async () => {
    const run = promisify(execFile);
    const out = mkdtempSync(path.join(tmpdir(), 'minutebook-start-build-'));
    try {
      const build = (name: string, env: NodeJS.ProcessEnv) =>
        run(process.execPath, [PROJECT_FILE('bin/minutebook.js'), 'build', '--content', PROJECT_FILE('tests/fixtures/valid'), '--out', path.join(out, name, 'site'), '--cache', path.join(out, name, 'cache'), '--quiet'], { env: { ...process.env, ...env } });
      await build('bundle', { MINUTEBOOK_BUNDLE: '1' });
      await build('tsx', { MINUTEBOOK_BUNDLE: '0' });
      const site = snapshot(path.join(out, 'bundle', 'site'));
      expect(Object.keys(site).length).toBeGreaterThan(100);
      expect(snapshot(path.join(out, 'tsx', 'site'))).toEqual(site);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
