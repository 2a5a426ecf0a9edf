import { urls } from '../../model/urls.ts';
import type { Absolute } from '../absolute.ts';

/** Objects per page of an OParl list. */
export const OPARL_PAGE_SIZE = 100;

/** The pages of a paginated OParl list (spec 1.1, "Objektlisten und Paginierung"), keyed by site URL. */
export function paginate(absolute: Absolute, kind: string, objects: object[], pageSize = OPARL_PAGE_SIZE): Map<string, object> {
  const totalPages = Math.max(1, Math.ceil(objects.length / pageSize));
  const link = (page: number) => absolute(urls.oparl.list(kind, page));
  const out = new Map<string, object>();
  for (let page = 1; page <= totalPages; page++) {
    out.set(urls.oparl.list(kind, page), {
      data: objects.slice((page - 1) * pageSize, page * pageSize),
      pagination: { totalElements: objects.length, elementsPerPage: pageSize, currentPage: page, totalPages },
      links: {
        first: link(1),
        ...(page > 1 ? { prev: link(page - 1) } : {}),
        ...(page < totalPages ? { next: link(page + 1) } : {}),
        last: link(totalPages),
      },
    });
  }
  return out;
}
