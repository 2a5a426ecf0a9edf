import { indexOf, isDecided } from '../../model/queries.ts';
import type { OpenItem } from '../../model/types.ts';
import type { OparlContext, OparlObject } from './context.ts';
import { oparlType } from './ids.ts';

/** One consultation: a paper discussed at an agenda item. */
export interface ConsultationRef {
  id: string;
  /** Item whose paper is consulted. */
  paperOf: string;
  /** Item at which it is consulted. */
  at: OpenItem;
  role: string;
}

/**
 * Every consultation: each open item consults its own paper at its own agenda item, and a
 * reference whose source is in the archive also consults the source item's paper (the referral
 * chain). Keyed by the item whose paper is consulted, in item order.
 */
export function consultationsByPaper(ctx: OparlContext): Map<string, ConsultationRef[]> {
  const byPaper = new Map<string, ConsultationRef[]>();
  const add = (ref: ConsultationRef) => byPaper.set(ref.paperOf, [...(byPaper.get(ref.paperOf) ?? []), ref]);
  for (const item of ctx.council.items) {
    if (item.exempt) continue;
    add({ id: ctx.ids.consultation(item.id), paperOf: item.id, at: item, role: item.type });
  }
  for (const item of ctx.council.items) {
    const source = !item.exempt ? item.referredFrom?.itemId : undefined;
    if (!item.exempt && source && !indexOf(ctx.council).item(source).exempt) {
      add({ id: ctx.ids.referral(item.id), paperOf: source, at: item, role: 'referral' });
    }
  }
  return byPaper;
}

/** The consultation an agenda item is held under: the referred paper for a reference, else its own. */
export function consultationIdOf(ctx: OparlContext, item: OpenItem): string {
  const source = item.referredFrom?.itemId;
  return source && !indexOf(ctx.council).item(source).exempt ? ctx.ids.referral(item.id) : ctx.ids.consultation(item.id);
}

/** An OParl Consultation; `paper` is left out when embedded in its Paper. */
export function consultationObject(ctx: OparlContext, ref: ConsultationRef, embedded: boolean): OparlObject {
  const index = indexOf(ctx.council);
  return {
    id: ref.id,
    type: oparlType('Consultation'),
    ...(embedded ? {} : { paper: ctx.ids.paper(ref.paperOf) }),
    agendaItem: ctx.ids.agendaItem(ref.at),
    meeting: ctx.ids.meeting(index.meeting(ref.at.meeting)),
    organization: [ctx.ids.organization(ref.at.committee)],
    authoritative: isDecided(ref.at),
    role: ref.role,
  };
}
