import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentIdentity, siteIdentity } from '../../src/build/stamp.ts';

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
