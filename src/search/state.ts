import { ITEM_TYPES, type ItemType } from '../model/types.ts';

/** A search as the URL carries it: `/search/?q=…&committee=…&type=…&from=…&to=…&key=1&sort=newest&page=2`. */
export interface SearchState {
  q: string;
  committee: string;
  type: ItemType | '';
  from: number | undefined;
  to: number | undefined;
  keyOnly: boolean;
  sort: 'relevance' | 'newest';
  /** 1-based. */
  page: number;
}

function year(value: string | null): number | undefined {
  if (value === null || !/^\s*\d{4}\s*$/.test(value)) return undefined;
  return Number(value);
}

/** Read a search from a query string; anything malformed falls back to its default. */
export function readState(params: URLSearchParams): SearchState {
  const type = params.get('type') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim(),
    committee: params.get('committee') ?? '',
    type: (ITEM_TYPES as readonly string[]).includes(type) ? (type as ItemType) : '',
    from: year(params.get('from')),
    to: year(params.get('to')),
    keyOnly: params.get('key') === '1',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Write a search as a query string, leaving defaults out so shared URLs stay short. */
export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('q', state.q);
  if (state.committee) params.set('committee', state.committee);
  if (state.type) params.set('type', state.type);
  if (state.from !== undefined) params.set('from', String(state.from));
  if (state.to !== undefined) params.set('to', String(state.to));
  if (state.keyOnly) params.set('key', '1');
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** Whether a search needs the filter columns (anything beyond words and relevance order). */
export function needsMeta(state: SearchState): boolean {
  return state.committee !== '' || state.type !== '' || state.from !== undefined || state.to !== undefined || state.keyOnly || state.sort === 'newest';
}
