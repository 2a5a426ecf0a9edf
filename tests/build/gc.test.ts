import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectIfOverBudget } from '../../src/build/gc.ts';

describe('collectIfOverBudget: a heap budget for big builds', () => {
  it('leaves a heap under the budget to V8, and collects one over it', () => {
    const used = getHeapStatistics().used_heap_size / 2 ** 20;
    expect(collectIfOverBudget(used + 10_000)).toBe(false);
    let garbage: string[] | undefined = Array.from({ length: 200_000 }, (_, i) => `garbage ${i}`);
    expect(garbage.length).toBe(200_000);
    garbage = undefined;
    const before = getHeapStatistics().used_heap_size;
    expect(collectIfOverBudget(0)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before);
    // Once what survives is known, a heap not a quarter bigger is left alone, whatever the budget.
    expect(collectIfOverBudget(0)).toBe(false);
  });
});
