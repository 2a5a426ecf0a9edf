import { describe, expect, it } from 'vitest';
import { jobHash } from '../../src/pdf/cache.ts';
import { planPdfs, type ItemJob, type PdfJob } from '../../src/pdf/job.ts';
import { makeCouncil, openItem } from './council.ts';

const M = '2025-12-01-cabinet';

/** The planned jobs of a one-meeting council whose second item has this body. */
function jobs(body: string, venue = 'Council Chamber') {
  const council = makeCouncil({
    [M]: [openItem(M, 'budget', '1', { body: 'Members noted the budget.' }), openItem(M, 'roads', '2', { body })],
  });
  const meetings = council.meetings.map((m) => ({ ...m, venue }));
  const planned = planPdfs({ ...council, meetings });
  const at = (suffix: string) => planned.find((p) => p.path.endsWith(suffix))!.job;
  return { budget: at('budget.pdf'), roads: at('roads.pdf'), pack: at(`${M}/${M}.pdf`) };
}

const keys = (j: Record<string, PdfJob>) => Object.fromEntries(Object.entries(j).map(([k, job]) => [k, jobHash(job, 'renderer')]));

describe('PDF cache keys', () => {
  it('are the same for the same jobs, and with or without a shared memo', () => {
    const a = jobs('Members noted the programme.');
    const b = jobs('Members noted the programme.');
    expect(keys(a)).toEqual(keys(b));
    const memo = new WeakMap<ItemJob, string>();
    expect(jobHash(a.pack, 'renderer', memo)).toBe(jobHash(a.pack, 'renderer'));
    expect(jobHash(a.roads, 'renderer', memo)).toBe(jobHash(b.roads, 'renderer'));
  });

  it("change for an item and its meeting's pack when the item's text changes, and for no other item", () => {
    const before = keys(jobs('Members noted the programme.'));
    const after = keys(jobs('Members noted the revised programme.'));
    expect(after.roads).not.toBe(before.roads);
    expect(after.pack).not.toBe(before.pack);
    expect(after.budget).toBe(before.budget);
  });

  it("change for the pack alone when only the meeting's own details change", () => {
    const before = keys(jobs('Members noted the programme.'));
    const after = keys(jobs('Members noted the programme.', 'Committee Room 2'));
    expect(after.pack).not.toBe(before.pack);
    expect(after.roads).toBe(before.roads);
  });

  it('change with the renderer', () => {
    const { pack, roads } = jobs('Members noted the programme.');
    expect(jobHash(pack, 'a')).not.toBe(jobHash(pack, 'b'));
    expect(jobHash(roads, 'a')).not.toBe(jobHash(roads, 'b'));
  });
});
