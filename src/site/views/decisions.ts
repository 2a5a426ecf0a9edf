import { isDecided } from '../../model/queries.ts';
import type { Council, Lang, OpenItem } from '../../model/types.ts';
import { inLanguage, urls } from '../../model/urls.ts';

/** Every decided item, newest meeting first, in agenda order within a meeting. */
export function decidedItems(council: Council): OpenItem[] {
  const position = new Map(council.meetings.map((m, i) => [m.slug, i]));
  return council.items
    .filter(isDecided)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => position.get(b.item.meeting)! - position.get(a.item.meeting)! || a.order - b.order)
    .map(({ item }) => item);
}

/** One page of the decisions register: a year's or a committee's decisions, newest first. */
export interface RegisterPage {
  kind: 'year' | 'committee';
  /** The year, or the committee slug. */
  key: string;
  url: string;
  items: OpenItem[];
}

/**
 * The register's pages: one per year with decisions (newest first), then one per committee with
 * decisions. `decided` is `decidedItems(council)`, when already worked out.
 */
export function registerPages(council: Council, lang: Lang = 'en', decided: readonly OpenItem[] = decidedItems(council)): RegisterPage[] {
  const years = [...new Set(decided.map((i) => i.date.slice(0, 4)))].sort().reverse();
  const byYear = years.map((year): RegisterPage => ({
    kind: 'year',
    key: year,
    url: inLanguage(urls.decisionsInYear(year), lang),
    items: decided.filter((i) => i.date.startsWith(year)),
  }));
  const byCommittee = council.committees
    .map((c): RegisterPage => ({
      kind: 'committee',
      key: c.slug,
      url: inLanguage(urls.decisionsOfCommittee(c.slug), lang),
      items: decided.filter((i) => i.committee === c.slug),
    }))
    .filter((page) => page.items.length > 0);
  return [...byYear, ...byCommittee];
}
