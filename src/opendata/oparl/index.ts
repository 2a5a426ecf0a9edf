import type { Council } from '../../model/types.ts';
import { indexOf } from '../../model/queries.ts';
import type { Absolute } from '../absolute.ts';
import type { FileDigests } from '../digest.ts';
import { jsonFile } from '../json.ts';
import { agendaItemObject } from './agenda-item.ts';
import { bodyObject, systemObject } from './body.ts';
import { consultationObject, consultationsByPaper } from './consultation.ts';
import type { OparlContext, OparlObject } from './context.ts';
import { fileObject } from './file.ts';
import { oparlIds } from './ids.ts';
import { paginate } from './list.ts';
import { locationObject, meetingObject } from './meeting.ts';
import { organizationObject } from './organization.ts';
import { paperObject } from './paper.ts';

interface FileEntry {
  name: string;
  date: string;
  meeting: Set<string>;
  agendaItem: Set<string>;
  paper: Set<string>;
}

/** Every published file an OParl File describes: item PDFs, meeting packs and attachment files. */
function fileObjects(ctx: OparlContext): OparlObject[] {
  const entries = new Map<string, FileEntry>();
  const entry = (url: string, name: string, date: string) => {
    const found = entries.get(url) ?? { name, date, meeting: new Set(), agendaItem: new Set(), paper: new Set() };
    entries.set(url, found);
    return found;
  };
  const index = indexOf(ctx.council);
  for (const meeting of ctx.council.meetings) {
    const committee = index.committee(meeting.committee);
    entry(meeting.pack, `${committee.name}, ${meeting.date}`, meeting.date).meeting.add(ctx.ids.meeting(meeting));
  }
  for (const item of ctx.council.items) {
    const pdf = entry(item.pdf, item.title, item.date);
    pdf.agendaItem.add(ctx.ids.agendaItem(item));
    if (item.exempt) continue;
    pdf.paper.add(ctx.ids.paper(item.id));
    for (const a of item.attachments) {
      if (a.kind !== 'file') continue;
      const file = entry(a.url, a.title, item.date);
      file.agendaItem.add(ctx.ids.agendaItem(item));
      file.paper.add(ctx.ids.paper(item.id));
    }
  }
  const list = (s: Set<string>) => (s.size > 0 ? [...s] : undefined);
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([url, e]) => {
      const meeting = list(e.meeting);
      const agendaItem = list(e.agendaItem);
      const paper = list(e.paper);
      return fileObject(ctx, url, e.name, e.date, {
        ...(meeting ? { meeting } : {}),
        ...(agendaItem ? { agendaItem } : {}),
        ...(paper ? { paper } : {}),
      });
    });
}

/**
 * The OParl 1.1 export under /oparl/, keyed by site-relative URL: the System (entry point
 * /oparl/system.json), the Body, one file per object, and paginated lists of each kind.
 */
export function oparlExport(council: Council, absolute: Absolute, files?: FileDigests): Map<string, string> {
  const ctx: OparlContext = { council, absolute, ids: oparlIds(absolute), files };
  const out = new Map<string, string>();
  const base = absolute('');
  // Ids are absolute URLs on this site; the file is written at the site-relative part.
  const put = (object: OparlObject) => out.set((object.id as string).slice(base.length), jsonFile(object));
  const putAll = (kind: string, objects: OparlObject[]) => {
    for (const o of objects) put(o);
    for (const [url, page] of paginate(absolute, kind, objects)) out.set(url, jsonFile(page));
  };

  put(systemObject(ctx));
  putAll('body', [bodyObject(ctx)]);
  putAll('organization', council.committees.map((c) => organizationObject(ctx, c)));
  putAll('person', []);
  putAll('meeting', council.meetings.map((m) => meetingObject(ctx, m)));
  for (const m of council.meetings) {
    const location = locationObject(ctx, m);
    if (location) put(location);
  }
  putAll('agenda-item', council.items.map((i) => agendaItemObject(ctx, i, false)));
  const consultations = consultationsByPaper(ctx);
  const papers = council.items.flatMap((i) => (i.exempt ? [] : [paperObject(ctx, i, consultations.get(i.id) ?? [])]));
  putAll('paper', papers);
  putAll('consultation', [...consultations.values()].flat().map((c) => consultationObject(ctx, c, false)));
  putAll('file', fileObjects(ctx));
  return out;
}
