import type { Council, OpenItem } from '../../model/types.ts';
import { indexOf } from '../../model/queries.ts';
import type { Absolute } from '../absolute.ts';
import { digestKeyOf, type FileDigests } from '../digest.ts';
import { agendaItemObject } from './agenda-item.ts';
import { bodyObject, systemObject } from './body.ts';
import { consultationObject, consultationsByPaper } from './consultation.ts';
import { nonEmpty, type OparlContext, type OparlObject } from './context.ts';
import { fileObject } from './file.ts';
import { oparlIds } from './ids.ts';
import { listPages } from './list.ts';
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

/** Every published file an OParl File describes (item PDFs, meeting packs and attachment files), by URL, and how to make its File. */
function fileEntries(ctx: OparlContext): { entries: [string, FileEntry][]; make: (entry: [string, FileEntry]) => OparlObject } {
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
  return {
    entries: [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    make: ([url, e]) =>
      fileObject(ctx, url, e.name, e.date, {
        ...nonEmpty('meeting', [...e.meeting]),
        ...nonEmpty('agendaItem', [...e.agendaItem]),
        ...nonEmpty('paper', [...e.paper]),
      }),
  };
}

/** Whether a published file (by digest key) is one an OParl File describes, and so needs a sha512. */
export function oparlFileKeys(council: Council): (key: string) => boolean {
  const keys = new Set<string>();
  for (const m of council.meetings) keys.add(digestKeyOf(m.pack));
  for (const item of council.items) {
    keys.add(digestKeyOf(item.pdf));
    if (!item.exempt) for (const a of item.attachments) if (a.kind === 'file') keys.add(digestKeyOf(a.url));
  }
  return (key) => keys.has(key);
}

/** OParl files are compact JSON: the export repeats objects in lists, and whitespace would double it. */
const compact = (value: unknown) => `${JSON.stringify(value)}\n`;

/**
 * The OParl 1.1 export under /oparl/, as [site-relative URL, JSON] pairs: the System (entry point
 * /oparl/system.json), the Body, one file per object, and paginated lists of each kind. A
 * generator, one list page at a time (a page's objects are made, published and dropped together),
 * so a 30,000-item archive is never held in memory whole.
 */
export function* oparlExport(council: Council, absolute: Absolute, files?: FileDigests): Generator<[string, string]> {
  const ctx: OparlContext = { council, absolute, ids: oparlIds(absolute), files };
  const base = absolute('');
  // Ids are absolute URLs on this site; each object's file is at the site-relative part.
  const own = (object: OparlObject): [string, string] => [(object.id as string).slice(base.length), compact(object)];
  function* kind<T>(name: string, inputs: readonly T[], make: (input: T) => OparlObject): Generator<[string, string]> {
    for (const page of listPages(absolute, name, inputs.length)) {
      const data: OparlObject[] = [];
      for (let i = page.from; i < page.to; i++) {
        const object = make(inputs[i]!);
        data.push(object);
        yield own(object);
      }
      // Stringified again inside the page: V8 joins strings of mixed width (Welsh letters) far slower.
      yield [page.url, compact({ data, pagination: page.pagination, links: page.links })];
    }
  }

  yield own(systemObject(ctx));
  yield* kind('body', [ctx], bodyObject);
  yield* kind('organization', council.committees, (c) => organizationObject(ctx, c));
  yield* kind('person', [] as OparlObject[], (o) => o);
  yield* kind('meeting', council.meetings, (m) => meetingObject(ctx, m));
  for (const m of council.meetings) {
    const location = locationObject(ctx, m);
    if (location) yield own(location);
  }
  yield* kind('agenda-item', council.items, (i) => agendaItemObject(ctx, i, false));
  const consultations = consultationsByPaper(ctx);
  const open = council.items.filter((i): i is OpenItem => !i.exempt);
  yield* kind('paper', open, (i) => paperObject(ctx, i, consultations.get(i.id) ?? []));
  yield* kind('consultation', [...consultations.values()].flat(), (c) => consultationObject(ctx, c, false));
  const { entries, make } = fileEntries(ctx);
  yield* kind('file', entries, make);
}
