import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Committee, Issue, Meeting } from '../../src/model/types.ts';
import { collectGarbage } from '../../src/build/gc.ts';
import { planRuns } from '../../src/site/index.ts';
import type { PageSelection } from '../../src/site/page-keys.ts';
import type { RegisterPage } from '../../src/site/views/decisions.ts';

/** Stand-ins for records: planRuns only shares them out, it never reads them. */
const records = <T>(kind: string, n: number): T[] => Array.from({ length: n }, (_, i) => ({ id: `${kind} ${i}` }) as T);

const selection = (items: number, meetings: number, issues: number, committees = 2, registers = 3): PageSelection => ({
  items: records<AgendaItem>('item', items),
  meetings: records<Meeting>('meeting', meetings),
  issues: records<Issue>('issue', issues),
  committees: records<Committee>('committee', committees),
  registers: records<RegisterPage>('register', registers),
});

const ALL = new Set(['index.njk', 'search.njk', 'committee.njk', 'register.njk', 'item.njk', 'meeting.njk', 'issue.njk']);
const sizes = (runs: ReturnType<typeof planRuns>) => runs.map((r) => [r.selection.items.length, r.selection.meetings.length, r.selection.issues.length]);

describe('Eleventy runs of the pages stage', () => {
  it('shares item, meeting and issue pages out at most so many to a run, and renders the other pages in the first', () => {
    const pages = selection(7, 4, 3);
    const runs = planRuns(pages, ALL, 5);
    expect(sizes(runs)).toEqual([
      [5, 0, 0],
      [2, 3, 0],
      [0, 1, 3],
    ]);
    expect([...runs[0]!.templates].sort()).toEqual(['committee.njk', 'index.njk', 'item.njk', 'register.njk', 'search.njk']);
    expect(runs[0]!.selection.committees).toBe(pages.committees);
    expect(runs[0]!.selection.registers).toBe(pages.registers);
    expect([...runs[1]!.templates].sort()).toEqual(['item.njk', 'meeting.njk']);
    expect([...runs[2]!.templates].sort()).toEqual(['issue.njk', 'meeting.njk']);
    for (const run of runs.slice(1)) expect([run.selection.committees.length, run.selection.registers.length]).toEqual([0, 0]);
    // Every record once, in order.
    expect(runs.flatMap((r) => r.selection.items)).toEqual(pages.items);
    expect(runs.flatMap((r) => r.selection.meetings)).toEqual(pages.meetings);
    expect(runs.flatMap((r) => r.selection.issues)).toEqual(pages.issues);
  });

  it('makes more runs for a bigger archive, not bigger ones', () => {
    for (const n of [1_000, 10_000, 30_000]) {
      const runs = planRuns(selection(n, Math.round(n / 8), Math.round(n / 27)), ALL, 4000);
      const largest = Math.max(...sizes(runs).map(([a, b, c]) => a! + b! + c!));
      expect(largest).toBeLessThanOrEqual(4000);
      expect(runs.length).toBe(Math.ceil((n + Math.round(n / 8) + Math.round(n / 27)) / 4000));
    }
  });

  it('runs only the templates with pages to render, and none when there is nothing to render', () => {
    expect(planRuns(selection(0, 0, 0, 0, 0), new Set(), 5)).toEqual([]);
    const lists = planRuns(selection(0, 0, 0, 0, 0), new Set(['index.njk']), 5);
    expect(lists.map((r) => [...r.templates])).toEqual([['index.njk']]);
    const oneItem = planRuns(selection(1, 0, 0, 0, 0), new Set(['item.njk']), 5);
    expect(oneItem.map((r) => [...r.templates])).toEqual([['item.njk']]);
  });
});

describe('garbage collection between runs', () => {
  it('collects what nothing refers to any more', async () => {
    const ref = (() => new WeakRef({ pages: 'x'.repeat(1000) }))();
    await nextTurn(); // a WeakRef holds its target until the end of the turn that made it
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
