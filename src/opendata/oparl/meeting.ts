import { indexOf } from '../../model/queries.ts';
import type { Meeting } from '../../model/types.ts';
import { meetingStart } from '../dates.ts';
import { agendaItemObject } from './agenda-item.ts';
import type { OparlContext, OparlObject } from './context.ts';
import { fileObject } from './file.ts';
import { oparlType } from './ids.ts';

/** An OParl Location for a meeting's venue, or undefined without one. */
export function locationObject(ctx: OparlContext, meeting: Meeting): OparlObject | undefined {
  if (!meeting.venue) return undefined;
  return { id: ctx.ids.location(meeting), type: oparlType('Location'), description: meeting.venue };
}

/** An OParl Meeting with its agenda items and pack embedded. `start` is left out when no time is given. */
export function meetingObject(ctx: OparlContext, meeting: Meeting): OparlObject {
  const index = indexOf(ctx.council);
  const committee = index.committee(meeting.committee);
  const start = meetingStart(ctx.council.site, meeting);
  const location = locationObject(ctx, meeting);
  return {
    id: ctx.ids.meeting(meeting),
    type: oparlType('Meeting'),
    name: `${committee.name}, ${meeting.date}`,
    meetingState: meeting.status,
    cancelled: meeting.status === 'cancelled',
    ...(start ? { start: start.toISO({ suppressMilliseconds: true }) } : {}),
    ...(location ? { location } : {}),
    organization: [ctx.ids.organization(committee.slug)],
    auxiliaryFile: [fileObject(ctx, meeting.pack, `${committee.name}, ${meeting.date}`, meeting.date, undefined)],
    agendaItem: index.itemsOf(meeting).map((item) => agendaItemObject(ctx, item, true)),
    web: ctx.absolute(meeting.url),
  };
}
