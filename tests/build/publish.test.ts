import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishInterruptedPublish, listTree, scanLiveFiles, SiteOutput } from '../../src/build/output.ts';

/**
 * Publishing a build into the live site (src/build/output.ts): kept files stay the very files they
 * were, staged files replace theirs, files the new site no longer has go, and a publish stopped
 * part-way is finished by the next build.
 */

let root: string;
let live: string;
let state: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'minutebook-publish-'));
  live = path.join(root, '_site');
  state = path.join(root, 'cache', 'outputs');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

function tree(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).map((rel) => [rel, readFileSync(path.join(dir, rel), 'utf8')]));
}

function identity(file: string) {
  const s = statSync(file);
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

/** A first build of `files`, published whole. */
function firstBuild(files: Record<string, string>) {
  const staging = mkdtempSync(path.join(root, '.stage-'));
  write(staging, files);
  return new SiteOutput(staging, live, state).publish();
}

/** A second build: `kept` taken over from the live site, `staged` written afresh. */
function rebuild(kept: string[], staged: Record<string, string>) {
  const staging = mkdtempSync(path.join(root, '.stage-'));
  write(staging, staged);
  const output = new SiteOutput(staging, live, state);
  for (const rel of kept) output.keep(rel, identity(path.join(live, rel)));
  return { staging, output };
}

const FIRST = {
  'index.html': 'home 1',
  'a/index.html': 'a 1',
  'a/a.pdf': 'pdf a',
  'b/index.html': 'b 1',
  'b/deep/x.json': 'x',
  'c.txt': 'a file where a folder will be',
};

describe('publishing a build into the live site', () => {
  it('moves the first build in whole', () => {
    expect(firstBuild(FIRST)).toMatchObject({ mode: 'first', written: 6 });
    expect(tree(live)).toEqual(FIRST);
  });

  it('keeps kept files in place, replaces staged ones, deletes the rest and prunes emptied folders', () => {
    firstBuild(FIRST);
    const pdf = identity(path.join(live, 'a/a.pdf'));
    const { output, staging } = rebuild(['a/a.pdf', 'a/index.html'], { 'index.html': 'home 2', 'c.txt/index.html': 'c is a folder now', 'd/new.html': 'new' });
    // Before publishing, the new site is readable through the output; the live site is untouched.
    expect(output.files().map((f) => f.rel)).toEqual(['a/a.pdf', 'a/index.html', 'c.txt/index.html', 'd/new.html', 'index.html']);
    expect(output.locate('a/a.pdf')).toMatchObject({ file: path.join(live, 'a/a.pdf'), identity: pdf });
    expect(output.locate('index.html')).toEqual({ rel: 'index.html', file: path.join(staging, 'index.html') });
    expect(output.locate('b/index.html')).toBeUndefined();
    expect(tree(live)).toEqual(FIRST);

    expect(output.publish()).toMatchObject({ mode: 'in place', written: 3, deleted: 3 });
    expect(tree(live)).toEqual({ 'a/a.pdf': 'pdf a', 'a/index.html': 'a 1', 'c.txt/index.html': 'c is a folder now', 'd/new.html': 'new', 'index.html': 'home 2' });
    expect(identity(path.join(live, 'a/a.pdf'))).toEqual(pdf);
    expect(existsSync(path.join(live, 'b'))).toBe(false);
    expect(existsSync(staging)).toBe(false);

    // The next build knows the files this one published: it deletes the ones it drops.
    const next = rebuild(['index.html', 'a/a.pdf', 'a/index.html', 'c.txt/index.html'], {});
    expect(next.output.publish()).toMatchObject({ mode: 'in place', written: 0, deleted: 1 });
    expect(Object.keys(tree(live))).toEqual(['a/a.pdf', 'a/index.html', 'c.txt/index.html', 'index.html']);
  });

  it('swaps in a whole tree when it keeps nothing, and when it has no list of the live files', () => {
    firstBuild(FIRST);
    const result = rebuild([], { 'index.html': 'only' }).output.publish();
    expect(result).toMatchObject({ mode: 'swapped', written: 1 });
    expect(tree(live)).toEqual({ 'index.html': 'only' });
    expect(tree(result.replacedTree!)).toEqual(FIRST);

    // Without the saved list, kept files are linked into the staged tree, which is swapped in.
    rmSync(path.join(state, 'site-files.json'));
    const kept = identity(path.join(live, 'index.html'));
    const again = rebuild(['index.html'], { 'more.html': 'more' }).output.publish();
    expect(again.mode).toBe('swapped');
    expect(tree(live)).toEqual({ 'index.html': 'only', 'more.html': 'more' });
    expect(identity(path.join(live, 'index.html'))).toEqual(kept);
  });

  it('swaps in a whole tree when most files changed, keeping the kept ones and the files added by hand', () => {
    firstBuild(FIRST);
    const pdf = identity(path.join(live, 'a/a.pdf'));
    write(live, { 'by-hand.txt': 'added by hand', 'b/deep/by-hand.txt': 'also by hand', 'x/by-hand.txt': 'in the way of a new file x' });
    // As new templates do: every page again, 1,001 files staged, one kept.
    const pages = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`p/${i}/index.html`, `page ${i}`]));
    const result = rebuild(['a/a.pdf'], { ...pages, 'index.html': 'home 2', x: 'a file where a hand-made folder was' }).output.publish();
    expect(result).toMatchObject({ mode: 'swapped', written: 1002 });
    expect(tree(live)).toEqual({ ...pages, 'index.html': 'home 2', x: 'a file where a hand-made folder was', 'a/a.pdf': 'pdf a', 'by-hand.txt': 'added by hand', 'b/deep/by-hand.txt': 'also by hand' });
    expect(identity(path.join(live, 'a/a.pdf'))).toEqual(pdf);
    // The list holds the build's files only: the next build still leaves the hand-made ones alone.
    const next = rebuild(['a/a.pdf', 'index.html', 'x', ...Object.keys(pages)], {}).output.publish();
    expect(next).toMatchObject({ mode: 'in place', deleted: 0 });
    expect(tree(live)['by-hand.txt']).toBe('added by hand');
  });

  it('finishes a publish that stopped part-way when the next build starts', () => {
    firstBuild(FIRST);
    const staged = { 'index.html': 'home 2', 'a/index.html': 'a 2', 'e/new.html': 'new' };
    const { output } = rebuild(['a/a.pdf', 'c.txt', 'b/index.html', 'b/deep/x.json'], staged);
    expect(() => output.publish({ interruptAfter: 1 })).toThrow(/interrupted/);
    // Half-published: one staged file moved in, two not yet.
    expect(tree(live)).not.toEqual({ ...FIRST, ...staged });

    expect(finishInterruptedPublish(state)).toBe(true);
    expect(tree(live)).toEqual({ ...FIRST, ...staged });
    expect(finishInterruptedPublish(state)).toBe(false);
    // And the list it saved lets the next build publish in place.
    expect(rebuild(Object.keys({ ...FIRST, ...staged }), {}).output.publish().mode).toBe('in place');
  });

  it('scans the live files a publish listed, on a worker thread: the identity of each, null for one gone', async () => {
    expect(await scanLiveFiles(live, state)).toBeUndefined(); // no site yet
    firstBuild(FIRST);
    rmSync(path.join(live, 'c.txt'));
    writeFileSync(path.join(live, 'a/index.html'), 'a 1, edited by hand');
    writeFileSync(path.join(live, 'added-by-hand.html'), 'not the build’s');
    const scanned = await scanLiveFiles(live, state);
    expect([...scanned!.files].sort()).toEqual(Object.keys(FIRST).sort());
    expect([...scanned!.identities.keys()].sort()).toEqual(Object.keys(FIRST).sort());
    for (const rel of Object.keys(FIRST)) expect(scanned!.identities.get(rel)).toEqual(rel === 'c.txt' ? null : identity(path.join(live, rel)));
    // A SiteOutput given the scan answers from it; without one, it does not know.
    const staging = mkdtempSync(path.join(root, '.stage-'));
    const output = new SiteOutput(staging, live, state);
    expect(output.liveIdentity('a/index.html')).toBeUndefined();
    output.useScan(scanned);
    expect(output.liveIdentity('a/index.html')).toEqual(identity(path.join(live, 'a/index.html')));
    expect(output.liveIdentity('c.txt')).toBeNull();
    expect(output.liveIdentity('added-by-hand.html')).toBeUndefined();
  });

  it("publishes from the scan's list of the live files, without reading the list again", async () => {
    firstBuild(FIRST);
    const scanned = await scanLiveFiles(live, state);
    // The list file is damaged after the scan: a publish that read it again would not know the live
    // files, and would swap the whole tree instead of publishing in place.
    writeFileSync(path.join(state, 'site-files.json'), '{');
    const { output } = rebuild(['index.html', 'a/index.html', 'a/a.pdf'], { 'b/index.html': 'b 2' });
    output.useScan(scanned);
    expect(output.publish().mode).toBe('in place');
    expect(tree(live)).toEqual({ 'index.html': 'home 1', 'a/index.html': 'a 1', 'a/a.pdf': 'pdf a', 'b/index.html': 'b 2' });
  });
});
