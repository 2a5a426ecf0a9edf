import type { Committee } from '../../model/types.ts';
import type { OparlContext, OparlObject } from './context.ts';
import { oparlType } from './ids.ts';

/** An OParl Organization for a committee. */
export function organizationObject(ctx: OparlContext, committee: Committee): OparlObject {
  return {
    id: ctx.ids.organization(committee.slug),
    type: oparlType('Organization'),
    body: ctx.ids.body(),
    name: committee.name,
    ...(committee.nameCy ? { shortName: committee.nameCy } : {}),
    organizationType: 'Gremium',
    classification: committee.category,
    web: ctx.absolute(committee.url),
  };
}
