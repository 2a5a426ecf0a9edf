import { indexOf } from '../../model/queries.ts';
import type { OpenItem } from '../../model/types.ts';
import { issueBySlug } from '../issues.ts';
import { consultationObject, type ConsultationRef } from './consultation.ts';
import { nonEmpty, type OparlContext, type OparlObject } from './context.ts';
import { fileObject } from './file.ts';
import { oparlType } from './ids.ts';

/** An OParl Paper for an open item: its PDF, attachments, consultations and the other papers of its issue. */
export function paperObject(ctx: OparlContext, item: OpenItem, consultations: ConsultationRef[]): OparlObject {
  const index = indexOf(ctx.council);
  const issue = item.issue ? issueBySlug(ctx.council, item.issue) : undefined;
  const related = (issue?.items ?? []).filter((id) => id !== item.id && !index.item(id).exempt);
  return {
    id: ctx.ids.paper(item.id),
    type: oparlType('Paper'),
    body: ctx.ids.body(),
    name: item.title,
    ...(item.minute ? { reference: item.minute } : {}),
    date: item.date,
    paperType: item.type,
    mainFile: fileObject(ctx, item.pdf, item.title, item.date, undefined),
    ...nonEmpty('auxiliaryFile', item.attachments.filter((a) => a.kind === 'file').map((a) => fileObject(ctx, a.url, a.title, item.date, undefined))),
    ...nonEmpty('relatedPaper', related.map(ctx.ids.paper)),
    consultation: consultations.map((c) => consultationObject(ctx, c, true)),
    web: ctx.absolute(item.url),
  };
}
