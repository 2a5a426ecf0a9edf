import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openInputMemory, saveInputMemory } from '../../src/opendata/kept.ts';

const dirs: string[] = [];
const cacheDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'minutebook-input-memory-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const digest = (size: number, c: string) => ({ size, sha256: c.repeat(64) });

describe('the open-data input memory', () => {
  it('reads back what it saved, writes an unchanged record back as its line, and a changed one anew', () => {
    const dir = cacheDir();
    const first = openInputMemory(dir);
    expect(first.previous.size).toBe(0);
    first.next.set('/oparl/meeting/a.json', { key: 'k1', digest: digest(10, 'a') });
    first.next.set('/oparl/meeting/b.json', { key: 'k2', digest: digest(20, 'b') });
    first.next.set('/oparl/meeting/c.json', { key: 'k3', digest: digest(30, 'c') });
    saveInputMemory(dir, first);

    const second = openInputMemory(dir);
    expect(second.previous.get('/oparl/meeting/b.json')).toMatchObject({ key: 'k2', digest: digest(20, 'b') });
    // a: unchanged; b: new inputs, new bytes; c: same key, other bytes (a live file changed by hand and made again); d: new.
    second.next.set('/oparl/meeting/a.json', { ...second.previous.get('/oparl/meeting/a.json')! });
    second.next.set('/oparl/meeting/b.json', { key: 'k2b', digest: digest(21, 'd') });
    second.next.set('/oparl/meeting/c.json', { key: 'k3', digest: digest(31, 'e') });
    second.next.set('/oparl/meeting/d.json', { key: 'k4', digest: digest(40, 'f') });
    saveInputMemory(dir, second);

    const third = openInputMemory(dir);
    const records = Object.fromEntries([...third.previous].map(([url, r]) => [url, [r.key, r.digest.size, r.digest.sha256[0]]]));
    expect(records).toEqual({
      '/oparl/meeting/a.json': ['k1', 10, 'a'],
      '/oparl/meeting/b.json': ['k2b', 21, 'd'],
      '/oparl/meeting/c.json': ['k3', 31, 'e'],
      '/oparl/meeting/d.json': ['k4', 40, 'f'],
    });
    // A file no longer made is forgotten.
    const fourth = openInputMemory(dir);
    fourth.next.set('/oparl/meeting/a.json', fourth.previous.get('/oparl/meeting/a.json')!);
    saveInputMemory(dir, fourth);
    expect([...openInputMemory(dir).previous.keys()]).toEqual(['/oparl/meeting/a.json']);
  });

  it('leaves out a URL with a tab or line break, which its lines cannot hold', () => {
    const dir = cacheDir();
    const memory = openInputMemory(dir);
    memory.next.set('/oparl/odd\tname.json', { key: 'k', digest: digest(1, 'a') });
    memory.next.set('/oparl/fine.json', { key: 'k', digest: digest(1, 'a') });
    saveInputMemory(dir, memory);
    expect([...openInputMemory(dir).previous.keys()]).toEqual(['/oparl/fine.json']);
  });
});
