import type { ExemptItem, OpenItem } from '../../src/model/types.ts';
import { urls } from '../../src/model/urls.ts';

/** The fields every item has, derived from its meeting and file name as the loader derives them. */
export function itemIdentity(meeting: string, slug: string, committee = 'cabinet', date = meeting.slice(0, 10)) {
  return {
    id: `${meeting}/${slug}`,
    slug,
    meeting,
    committee,
    date,
    url: urls.item(meeting, slug),
    pdf: urls.itemPdf(meeting, slug),
    sourcePath: `content/meetings/${meeting}/${slug}.md`,
  };
}

/** What an open item holds when its file says nothing more than title, type and item. */
export const OPEN_DEFAULTS = {
  exempt: false,
  type: 'minutes',
  lang: 'en',
  referredTo: [],
  resolved: [],
  recommended: [],
  keyDecision: false,
  attachments: [],
  body: '',
} as const satisfies Partial<OpenItem>;

/** A hand-made open item for unit tests. */
export function makeOpenItem(meeting: string, slug: string, fields: Partial<OpenItem> & Pick<OpenItem, 'item' | 'title'>, committee?: string): OpenItem {
  return { ...itemIdentity(meeting, slug, committee), ...OPEN_DEFAULTS, referredTo: [], resolved: [], recommended: [], attachments: [], ...fields };
}

/** A hand-made exempt item for unit tests. */
export function makeExemptItem(meeting: string, slug: string, fields: Partial<ExemptItem> & Pick<ExemptItem, 'item' | 'title'>, committee?: string): ExemptItem {
  return { ...itemIdentity(meeting, slug, committee), exempt: true, exemptReason: 'Paragraph 14', ...fields };
}
