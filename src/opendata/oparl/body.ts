import { urls } from '../../model/urls.ts';
import type { OparlContext, OparlObject } from './context.ts';
import { OPARL_VERSION, oparlType } from './ids.ts';

/** The OParl System: the entry point, /oparl/system.json. */
export function systemObject(ctx: OparlContext): OparlObject {
  return {
    id: ctx.ids.system(),
    type: oparlType('System'),
    oparlVersion: OPARL_VERSION,
    body: ctx.ids.list('body'),
    name: ctx.council.site.name,
    website: ctx.absolute(urls.home()),
  };
}

/** The OParl Body: the council. Persons and legislative terms are not modelled, so their list is empty. */
export function bodyObject(ctx: OparlContext): OparlObject {
  return {
    id: ctx.ids.body(),
    type: oparlType('Body'),
    system: ctx.ids.system(),
    name: ctx.council.site.name,
    website: ctx.absolute(urls.home()),
    organization: ctx.ids.list('organization'),
    person: ctx.ids.list('person'),
    meeting: ctx.ids.list('meeting'),
    paper: ctx.ids.list('paper'),
    agendaItem: ctx.ids.list('agenda-item'),
    consultation: ctx.ids.list('consultation'),
    file: ctx.ids.list('file'),
    legislativeTerm: [],
    web: ctx.absolute(urls.home()),
  };
}
