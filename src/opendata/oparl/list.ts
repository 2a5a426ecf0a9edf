import { urls } from '../../model/urls.ts';
import type { Absolute } from '../absolute.ts';

/** Objects per page of an OParl list. */
export const OPARL_PAGE_SIZE = 100;

/** One page of a list without its data: where it is, which objects it holds, its `pagination` and `links`. */
export interface ListPage {
  url: string;
  /** The page holds objects [from, to) of the list. */
  from: number;
  to: number;
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; next?: string; last: string };
}

/** The pages of a list of `total` objects, in order (one, empty, for an empty list). */
export function* listPages(absolute: Absolute, kind: string, total: number, pageSize = OPARL_PAGE_SIZE): Generator<ListPage> {
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const link = (page: number) => absolute(urls.oparl.list(kind, page));
  for (let page = 1; page <= totalPages; page++) {
    yield {
      url: urls.oparl.list(kind, page),
      from: (page - 1) * pageSize,
      to: Math.min(page * pageSize, total),
      pagination: { totalElements: total, elementsPerPage: pageSize, currentPage: page, totalPages },
      links: {
        first: link(1),
        ...(page > 1 ? { prev: link(page - 1) } : {}),
        ...(page < totalPages ? { next: link(page + 1) } : {}),
        last: link(totalPages),
      },
    };
  }
}

/** The pages of a paginated OParl list (spec 1.1, "Objektlisten und Paginierung"), keyed by site URL. */
export function paginate(absolute: Absolute, kind: string, objects: object[], pageSize = OPARL_PAGE_SIZE): Map<string, object> {
  const out = new Map<string, object>();
  for (const page of listPages(absolute, kind, objects.length, pageSize)) {
    out.set(page.url, { data: objects.slice(page.from, page.to), pagination: page.pagination, links: page.links });
  }
  return out;
}
