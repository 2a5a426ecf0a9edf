import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectAfterRelease, collectIfOverBudget } from '../../src/build/gc.ts';

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

  it('counts the memory Buffers hold outside the heap, and gives it back', () => {
    collectIfOverBudget(0);
    const { used_heap_size, external_memory } = getHeapStatistics();
    // 256 MB outside the heap, held by a wrapper of a few bytes on it.
    let buffer: Buffer | undefined = Buffer.alloc(256 * 2 ** 20, 1);
    expect(buffer[buffer.length - 1]).toBe(1);
    buffer = undefined;
    const budgetMB = (used_heap_size + external_memory) / 2 ** 20 + 128;
    expect(getHeapStatistics().used_heap_size / 2 ** 20).toBeLessThan(budgetMB);
    expect(collectIfOverBudget(budgetMB)).toBe(true);
    expect(getHeapStatistics().external_memory).toBeLessThan(external_memory + 128 * 2 ** 20);
  });

  it('after a release, measures the heap against the budget alone, not against what was alive before', () => {
    // 200,000 strings alive through a collection: that is what survived.
    let held: string[] | undefined = Array.from({ length: 200_000 }, (_, i) => `held ${i} ${'x'.repeat(200)}`);
    expect(collectIfOverBudget(0)).toBe(true);
    const alive = (getHeapStatistics().used_heap_size + getHeapStatistics().external_memory) / 2 ** 20;
    expect(held.length).toBe(200_000);
    held = undefined;
    // Garbage now, but under a quarter more than what survived: the in-stage check leaves it be.
    const budget = alive - 10;
    expect(collectIfOverBudget(budget)).toBe(false);
    // A stage (or Eleventy run) has ended: over the budget alone, so collected.
    expect(collectAfterRelease(budget)).toBe(true);
    expect(getHeapStatistics().used_heap_size / 2 ** 20).toBeLessThan(budget);
  });
});
