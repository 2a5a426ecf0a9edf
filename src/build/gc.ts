import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection now. The pages stage calls it between Eleventy runs: V8 collects an
 * old generation only once it has grown to several times what survived the last collection, so
 * without it each finished run's pages (hundreds of MB at 30,000 items) stayed in memory for
 * several more runs, and the build's peak memory followed. Node gives `gc` only to a process
 * started with --expose-gc; as jest-leak-detector does, the flag is turned on just long enough
 * to take the function from a fresh context, then off again. Changes no output.
 */
export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      try {
        collect = runInNewContext('gc') as () => void;
      } finally {
        setFlagsFromString('--no-expose-gc');
      }
    }
  }
  collect();
}

/**
 * The heap a build lets itself hold before it collects garbage on its own, in MB. V8 on a machine
 * with plenty of memory lets the heap grow to up to four times what survived its last collection:
 * at 30,000 items that took a full build past 2.5 GB although it never kept more than about 900 MB
 * alive. A heap under the budget is left to V8, so a small rebuild pays nothing for it.
 */
export const HEAP_BUDGET_MB = 900;

let liveAfterLast = 0;

/**
 * Collect garbage now if the heap (what is alive and what is not yet collected, with the memory its
 * objects hold outside it) is over the budget, or, once what is alive is itself near the budget,
 * over a quarter more than that, so a big archive is not collected over and over. Call it as the
 * heap grows within a stage: every few hundred pages, every few thousand open-data files (and
 * collectAfterRelease where a stage or an Eleventy run has ended). Returns whether it collected.
 */
export function collectIfOverBudget(budgetMB = HEAP_BUDGET_MB): boolean {
  const used = heapAndExternal();
  if (used < Math.max(budgetMB * 2 ** 20, liveAfterLast * 1.25)) return false;
  collectGarbage();
  liveAfterLast = heapAndExternal();
  return true;
}

/**
 * Collect garbage now if the heap is over the budget alone, whatever survived the last collection:
 * for where the build has just let go of what it held, at the end of a stage or of an Eleventy
 * run. What was alive then (an Eleventy run's pages, some 800 MB at 30,000 items) is garbage now,
 * so it no longer says what is alive; left as the measure, it let open data grow the heap to 1.25
 * times it (1.34 GB) before a collection. Returns whether it collected.
 */
export function collectAfterRelease(budgetMB = HEAP_BUDGET_MB): boolean {
  liveAfterLast = 0;
  return collectIfOverBudget(budgetMB);
}

/**
 * The heap in use plus the memory its objects hold outside it (Buffers, typed arrays): a Buffer
 * costs the process its bytes although the heap counts only a small wrapper, and is given back
 * only when a collection finds the wrapper unreachable.
 */
function heapAndExternal(): number {
  const { used_heap_size, external_memory } = getHeapStatistics();
  return used_heap_size + external_memory;
}
