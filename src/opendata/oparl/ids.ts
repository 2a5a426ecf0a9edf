import type { AgendaItem, Meeting } from '../../model/types.ts';
import { outputPathOf, urls } from '../../model/urls.ts';
import type { Absolute } from '../absolute.ts';

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';

/** The `type` URI of an OParl object kind. */
export const oparlType = (kind: string) => `${OPARL_VERSION}${kind}`;

/** The one body: a Minutebook site publishes one council. */
export const BODY_KEY = 'council';

/** Absolute ids (which are also the URLs) of every object in the export. */
export function oparlIds(absolute: Absolute) {
  const object = (kind: string, key: string) => absolute(urls.oparl.object(kind, key));
  return {
    system: () => absolute(urls.oparl.system()),
    list: (kind: string, page = 1) => absolute(urls.oparl.list(kind, page)),
    body: () => object('body', BODY_KEY),
    organization: (committee: string) => object('organization', committee),
    meeting: (meeting: Meeting) => object('meeting', meeting.slug),
    location: (meeting: Meeting) => object('location', meeting.slug),
    agendaItem: (item: AgendaItem) => object('agenda-item', item.id),
    paper: (itemId: string) => object('paper', itemId),
    /** The consultation of an item's own paper at its own agenda item. */
    consultation: (itemId: string) => object('consultation', itemId),
    /** The consultation, at a reference's agenda item, of the paper it was referred from. */
    referral: (referenceItemId: string) => object('consultation', `${referenceItemId}/referral`),
    /** A published file, keyed by its path in the site. */
    file: (siteUrl: string) => object('file', outputPathOf(siteUrl)),
  };
}

export type OparlIds = ReturnType<typeof oparlIds>;
