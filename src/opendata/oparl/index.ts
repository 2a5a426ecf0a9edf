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
import { oparlInputKeys } from './inputs.ts';
import type { InputMemory, OpenDataFile } from '../kept.ts';

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

/** One kind of object: its inputs in list order, how to make each, and (to take files over) each one's URL and input key. */
interface Kind<T> {
  name: string;
  inputs: readonly T[];
  make: (input: T) => OparlObject;
  /** Site-relative URL of an input's object file, without making it. */
  url?: (input: T) => string;
  key?: (input: T) => string;
}

/**
 * The OParl 1.1 export under /oparl/, as [site-relative URL, JSON] pairs: the System (entry point
 * /oparl/system.json), the Body, one file per object, and paginated lists of each kind. A
 * generator, one list page at a time (a page's objects are made, published and dropped together),
 * so a 30,000-item archive is never held in memory whole.
 *
 * With `inputs` (what the previous build recorded, src/opendata/kept.ts), each Meeting, Location,
 * AgendaItem, Paper, Consultation and File and each of their list pages carries the key of its
 * inputs (./inputs.ts), and one whose key is the one recorded is yielded as Kept, not made: a list
 * page whose objects all kept their keys is not made at all, nor are its objects.
 */
export function* oparlExport(council: Council, absolute: Absolute, files?: FileDigests, inputs?: InputMemory): Generator<OpenDataFile> {
  const ctx: OparlContext = { council, absolute, ids: oparlIds(absolute), files };
  const base = absolute('');
  const keys = inputs ? oparlInputKeys(ctx) : undefined;
  const previous = inputs?.previous;
  /** The previous build's digest of `url` if it was made from `key`. */
  const recorded = (url: string, key: string) => {
    const r = previous?.get(url);
    return r && r.key === key ? r.digest : undefined;
  };
  // Ids are absolute URLs on this site; each object's file is at the site-relative part.
  const urlOf = (object: OparlObject) => (object.id as string).slice(base.length);
  const own = (object: OparlObject): [string, string] => [urlOf(object), compact(object)];
  function* kind<T>({ name, inputs: list, make, url, key }: Kind<T>): Generator<OpenDataFile> {
    for (const page of listPages(absolute, name, list.length)) {
      const slice = list.slice(page.from, page.to);
      if (url && key && keys) {
        const objectKeys = slice.map(key);
        const pageKey = keys.page(page.url, page.pagination, page.links, objectKeys);
        const urls = slice.map(url);
        const digests = urls.map((u, i) => recorded(u, objectKeys[i]!));
        const pageDigest = recorded(page.url, pageKey);
        if (pageDigest && digests.every((d) => d !== undefined)) {
          // Nothing this page holds has changed: take it and its objects over, made only if the live files are not the ones recorded.
          for (let i = 0; i < slice.length; i++) yield [urls[i]!, { digest: digests[i]!, make: () => compact(make(slice[i]!)) }, objectKeys[i]];
          const makePage = () => compact({ data: slice.map(make), pagination: page.pagination, links: page.links });
          yield [page.url, { digest: pageDigest, make: makePage }, pageKey];
          continue;
        }
        const data = slice.map(make);
        for (let i = 0; i < slice.length; i++) {
          const object = data[i]!;
          const digest = digests[i];
          yield digest ? [urls[i]!, { digest, make: () => compact(object) }, objectKeys[i]] : [urls[i]!, compact(object), objectKeys[i]];
        }
        // Stringified again inside the page: V8 joins strings of mixed width (Welsh letters) far slower.
        yield [page.url, compact({ data, pagination: page.pagination, links: page.links }), pageKey];
        continue;
      }
      const data: OparlObject[] = [];
      for (const input of slice) {
        const object = make(input);
        data.push(object);
        yield own(object);
      }
      yield [page.url, compact({ data, pagination: page.pagination, links: page.links })];
    }
  }
  const site = (absoluteUrl: string) => absoluteUrl.slice(base.length);

  yield own(systemObject(ctx));
  yield* kind({ name: 'body', inputs: [ctx], make: bodyObject });
  yield* kind({ name: 'organization', inputs: council.committees, make: (c) => organizationObject(ctx, c) });
  yield* kind({ name: 'person', inputs: [] as OparlObject[], make: (o) => o });
  yield* kind({ name: 'meeting', inputs: council.meetings, make: (m) => meetingObject(ctx, m), url: (m) => site(ctx.ids.meeting(m)), key: keys?.meeting });
  for (const m of council.meetings) {
    if (!m.venue) continue;
    const url = site(ctx.ids.location(m));
    const key = keys?.meeting(m);
    const digest = key !== undefined ? recorded(url, key) : undefined;
    if (digest) yield [url, { digest, make: () => compact(locationObject(ctx, m)!) }, key];
    else yield [url, compact(locationObject(ctx, m)!), key];
  }
  yield* kind({ name: 'agenda-item', inputs: council.items, make: (i) => agendaItemObject(ctx, i, false), url: (i) => site(ctx.ids.agendaItem(i)), key: keys?.agendaItem });
  const consultations = consultationsByPaper(ctx);
  const open = council.items.filter((i): i is OpenItem => !i.exempt);
  const consultationsOf = (i: OpenItem) => consultations.get(i.id) ?? [];
  yield* kind({
    name: 'paper',
    inputs: open,
    make: (i) => paperObject(ctx, i, consultationsOf(i)),
    url: (i) => site(ctx.ids.paper(i.id)),
    key: keys && ((i) => keys.paper(i, consultationsOf(i))),
  });
  yield* kind({
    name: 'consultation',
    inputs: [...consultations.values()].flat(),
    make: (c) => consultationObject(ctx, c, false),
    url: (c) => site(c.id),
    key: keys?.consultation,
  });
  const { entries, make } = fileEntries(ctx);
  yield* kind({ name: 'file', inputs: entries, make, url: ([u]) => site(ctx.ids.file(u)), key: keys && (([u, e]) => keys.file(u, e)) });
}
