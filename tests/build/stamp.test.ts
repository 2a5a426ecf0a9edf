import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeChangedSince, contentIdentity, racyUnchanged, siteIdentity } from '../../src/build/stamp.ts';

/** The digests a build stamp compares (src/build/stamp.ts): any change they must see, they see. */
let root: string;
let content: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'minutebook-stamp-'));
  content = path.join(root, 'content');
  mkdirSync(path.join(content, 'meetings', '2026-01-13-cabinet'), { recursive: true });
  writeFileSync(path.join(content, 'site.yml'), 'name: Example\n');
  writeFileSync(path.join(content, 'meetings', '2026-01-13-cabinet', 'index.md'), '---\ncommittee: cabinet\n---\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('contentIdentity', () => {
  it('is the same for a folder left alone, and counts its files', () => {
    const a = contentIdentity(content);
    expect(contentIdentity(content)).toEqual(a);
    expect(a.files).toBe(2);
  });

  it('changes with an edit, a new file and a new empty folder', () => {
    const before = contentIdentity(content).digest;
    appendFileSync(path.join(content, 'site.yml'), 'base_url: https://example.org\n');
    const edited = contentIdentity(content).digest;
    expect(edited).not.toBe(before);
    writeFileSync(path.join(content, 'notes.txt'), 'x');
    const added = contentIdentity(content).digest;
    expect(added).not.toBe(edited);
    mkdirSync(path.join(content, 'meetings', '2026-02-10-cabinet'));
    expect(contentIdentity(content).digest).not.toBe(added);
  });

  it('follows a linked folder, so an edit inside it is seen, and stops at a link back up', () => {
    const shared = path.join(root, 'shared');
    mkdirSync(shared);
    writeFileSync(path.join(shared, 'plan.pdf'), '%PDF-1.7\n');
    symlinkSync(shared, path.join(content, 'attachments'));
    symlinkSync(content, path.join(shared, 'loop'));
    const before = contentIdentity(content);
    expect(before.files).toBe(3);
    appendFileSync(path.join(shared, 'plan.pdf'), '% more\n');
    expect(contentIdentity(content).digest).not.toBe(before.digest);
  });

  it('leaves out a .git folder', () => {
    const before = contentIdentity(content).digest;
    mkdirSync(path.join(content, '.git'));
    writeFileSync(path.join(content, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect(contentIdentity(content).digest).toBe(before);
  });
});

describe('files changed just before the listing (racy)', () => {
  it('hashes the files changed in the last seconds, and only those', () => {
    const now = contentIdentity(content);
    expect(Object.keys(now.racy).sort()).toEqual(['meetings/2026-01-13-cabinet/index.md', 'site.yml']);
    expect(now.racy['site.yml']).toMatch(/^[0-9a-f]{64}$/);
    // Listed a minute later, nothing is recent.
    expect(contentIdentity(content, { startedMs: Date.now() + 60_000 }).racy).toEqual({});
  });

  it('tells a second edit of the same size, which a coarse clock would give the same times, by its bytes', () => {
    const { racy } = contentIdentity(content);
    expect(racyUnchanged(content, racy)).toBe(true);
    writeFileSync(path.join(content, 'site.yml'), 'name: Exampel\n');
    expect(racyUnchanged(content, racy)).toBe(false);
    rmSync(path.join(content, 'site.yml'));
    expect(racyUnchanged(content, racy)).toBe(false);
  });

  it('leaves out the folders the skip names (an output or cache inside the content folder)', () => {
    const before = contentIdentity(content).digest;
    mkdirSync(path.join(content, '_site'));
    writeFileSync(path.join(content, '_site', 'index.html'), '<p>site</p>');
    const skip = (full: string) => full === path.join(content, '_site');
    expect(contentIdentity(content, { skip }).digest).toBe(before);
    expect(contentIdentity(content).digest).not.toBe(before);
  });
});

describe('codeChangedSince', () => {
  it('is true for a time before the code was written, and false for one after', () => {
    expect(codeChangedSince(0)).toBe(true);
    expect(codeChangedSince(Date.now() + 60_000)).toBe(false);
  });
});

describe('siteIdentity', () => {
  it('changes with any file’s inode, size or modification time, or with the list', () => {
    const ids = new Map([
      ['index.html', { ino: 1, size: 10, mtimeMs: 100 }],
      ['a.pdf', { ino: 2, size: 20, mtimeMs: 200 }],
    ]);
    const base = siteIdentity(['a.pdf', 'index.html'], (rel) => ids.get(rel));
    expect(siteIdentity(['a.pdf', 'index.html'], (rel) => ids.get(rel))).toBe(base);
    for (const change of [{ ino: 3 }, { size: 11 }, { mtimeMs: 100.5 }]) {
      const other = new Map(ids);
      other.set('index.html', { ...ids.get('index.html')!, ...change });
      expect(siteIdentity(['a.pdf', 'index.html'], (rel) => other.get(rel))).not.toBe(base);
    }
    expect(siteIdentity(['a.pdf'], (rel) => ids.get(rel))).not.toBe(base);
    expect(siteIdentity(['a.pdf', 'index.html'], (rel) => (rel === 'a.pdf' ? null : ids.get(rel)))).not.toBe(base);
  });
});
