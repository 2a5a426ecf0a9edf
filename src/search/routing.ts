/**
 * Shard routing. The sorted vocabulary is cut into contiguous ranges; each range is named by its
 * lower bound, the shortest prefix of its first term that sorts after the previous range's last
 * term ("", "ap", "cou", "d", …). A term lives in the last shard whose bound is ≤ the term.
 * Build and browser compare strings the same way (UTF-16 code units, JS `<`).
 */

/** Index of the shard that holds a term, given the shards' lower bounds (sorted, first is ""). */
export function shardFor(term: string, bounds: readonly string[]): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shortest prefix of `next` that sorts after `previous` (requires previous < next). */
export function separator(previous: string, next: string): string {
  let i = 0;
  while (i < previous.length && i < next.length && previous[i] === next[i]) i++;
  return next.slice(0, i + 1);
}

/**
 * Cut sorted items into consecutive groups of about `target` size each (a single item larger
 * than the target gets a group of its own), returning each group's start index.
 */
export function partition(sizes: readonly number[], target: number): number[] {
  const starts: number[] = [];
  let filled = 0;
  sizes.forEach((size, i) => {
    if (i === 0 || (filled > 0 && filled + size > target)) {
      starts.push(i);
      filled = 0;
    }
    filled += size;
  });
  return starts;
}
