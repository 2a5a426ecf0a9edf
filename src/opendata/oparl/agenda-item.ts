import { indexOf } from '../../model/queries.ts';
import type { AgendaItem } from '../../model/types.ts';
import { consultationIdOf } from './consultation.ts';
import { nonEmpty, type OparlContext, type OparlObject } from './context.ts';
import { fileObject } from './file.ts';
import { oparlType } from './ids.ts';

/**
 * An OParl AgendaItem; `meeting` is left out when embedded in its Meeting. An exempt item is
 * `public: false` with its number, title and PDF (which itself holds only number, title and reason).
 */
export function agendaItemObject(ctx: OparlContext, item: AgendaItem, embedded: boolean): OparlObject {
  const meeting = indexOf(ctx.council).meeting(item.meeting);
  const common = {
    id: ctx.ids.agendaItem(item),
    type: oparlType('AgendaItem'),
    ...(embedded ? {} : { meeting: ctx.ids.meeting(meeting) }),
    number: item.item,
    order: meeting.items.indexOf(item.id) + 1,
    name: item.title,
    public: !item.exempt,
  };
  if (item.exempt) {
    return { ...common, auxiliaryFile: [fileObject(ctx, item.pdf, item.title, item.date, undefined)], web: ctx.absolute(item.url) };
  }
  return {
    ...common,
    consultation: consultationIdOf(ctx, item),
    ...(item.decision ? { result: item.decision } : {}),
    ...(item.resolved.length > 0 ? { resolutionText: item.resolved.join('\n') } : {}),
    resolutionFile: fileObject(ctx, item.pdf, item.title, item.date, undefined),
    ...nonEmpty('auxiliaryFile', item.attachments.filter((a) => a.kind === 'file').map((a) => fileObject(ctx, a.url, a.title, item.date, undefined))),
    web: ctx.absolute(item.url),
  };
}
