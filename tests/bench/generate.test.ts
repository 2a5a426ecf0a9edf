import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extraMeeting, generateArchive, writeFiles } from '../../bench/generate.ts';
import { loadCouncil } from '../../src/content/load.ts';

describe('the bench archive generator', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('gives the same bytes for the same item count', () => {
    expect([...generateArchive(200)]).toEqual([...generateArchive(200)]);
  });

  it('writes a content folder that loads without errors, with exactly the items asked for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'minutebook-bench-test-'));
    dirs.push(dir);
    await writeFiles(dir, generateArchive(200));
    const { council, problems } = await loadCouncil(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(council?.items).toHaveLength(200);
  });

  it('links each reference to a real minute of an earlier meeting', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'minutebook-bench-test-'));
    dirs.push(dir);
    await writeFiles(dir, generateArchive(400));
    const { council, problems } = await loadCouncil(dir);
    expect(problems).toEqual([]);
    const references = council!.items.filter((i) => !i.exempt && i.type === 'reference');
    expect(references.length).toBeGreaterThan(0);
    for (const r of references) {
      if (r.exempt) continue;
      // The loader sets itemId only when that meeting has an item with that minute number.
      expect(r.referredFrom?.itemId, r.id).toBeDefined();
      expect(r.referredFrom!.date < r.date, r.id).toBe(true);
    }
  });

  it('adds a meeting of 8 items dated after every meeting in the archive', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'minutebook-bench-test-'));
    dirs.push(dir);
    await writeFiles(dir, generateArchive(200));
    await writeFiles(dir, extraMeeting(200));
    const { council, problems } = await loadCouncil(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const last = council!.meetings.reduce((a, b) => (a.date > b.date ? a : b));
    expect(last.items).toHaveLength(8);
    expect(council!.items).toHaveLength(208);
  });
});
