import type { Council, Issue } from '../model/types.ts';

const cache = new WeakMap<Council, Map<string, Issue>>();

/** The council's issues by slug (cached per council object: the model is never mutated). */
export function issueBySlug(council: Council, slug: string): Issue | undefined {
  let bySlug = cache.get(council);
  if (!bySlug) {
    bySlug = new Map(council.issues.map((i) => [i.slug, i]));
    cache.set(council, bySlug);
  }
  return bySlug.get(slug);
}
