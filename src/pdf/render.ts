import { createDocument, type DocumentMeta } from './document.ts';
import { drawItem } from './item.ts';
import { langOf, type ItemJob, type PackJob, type PdfJob } from './job.ts';
import { documentDate, formatDate, LABELS } from './labels.ts';
import { PLAIN } from './layout.ts';
import { PdfRenderer } from './renderer.ts';
import { THEME } from './surface.ts';

function metaOf(job: PdfJob, title: string, keywords: string[]): DocumentMeta {
  const { header } = job;
  const { lang } = job;
  const date = formatDate(header.date, header.timezone, lang);
  const committee = (lang === 'cy' && header.committeeCy) || header.committee;
  return {
    title,
    author: (lang === 'cy' && header.councilCy) || header.council,
    subject: `${committee}, ${date}`,
    keywords: [header.committee, header.date, ...keywords],
    lang,
    date: documentDate(header.date, header.timezone),
    header: `${committee} · ${date}`,
    footer: (lang === 'cy' && header.councilCy) || header.council,
  };
}

function itemKeywords(job: ItemJob): string[] {
  const { item } = job;
  if (item.exempt) return [`item ${item.item}`];
  return [item.type, `item ${item.item}`, ...(item.minute ? [`minute ${item.minute}`] : []), ...(item.issue ? [item.issue] : [])];
}

/** One agenda item's PDF. */
export async function renderItem(job: ItemJob): Promise<Buffer> {
  const { surface, finish } = createDocument(metaOf(job, job.item.title, itemKeywords(job)));
  surface.currentLabel = surface.pageLabels[0] = `${LABELS[job.lang].item} ${job.item.item}`;
  drawItem(new PdfRenderer(surface), job);
  return finish();
}

/** A meeting's pack: a cover page with the agenda, then every item from a new page, a bookmark for each. */
export async function renderPack(job: PackJob): Promise<Buffer> {
  const labels = LABELS[job.lang];
  const { header, meeting } = job;
  const date = formatDate(header.date, header.timezone, job.lang);
  const council = (job.lang === 'cy' && header.councilCy) || header.council;
  const committee = (job.lang === 'cy' && header.committeeCy) || header.committee;
  const { surface: s, finish } = createDocument(metaOf(job, `${committee}, ${date}: ${labels.pack}`, ['meeting pack']));
  const r = new PdfRenderer(s);
  const bold = { bold: true, italic: false };

  s.block('P', [{ text: council, style: bold }], { size: 10, colour: THEME.secondary });
  s.space(6);
  s.block('H1', [{ text: committee, style: bold }], { size: THEME.heading[1] });
  s.block('P', [{ text: `${labels.pack}: ${date}`, style: PLAIN }], { size: 13 });
  s.space(12);
  if (meeting.time) s.block('P', [{ text: `${labels.time}: `, style: bold }, { text: meeting.time, style: PLAIN }]);
  if (meeting.venue) s.block('P', [{ text: `${labels.venue}: `, style: bold }, { text: meeting.venue, style: PLAIN }]);
  if (meeting.status === 'cancelled') {
    s.space(6);
    s.block('P', [{ text: labels.cancelled, style: bold }]);
  }
  s.space(18);
  s.block('H2', [{ text: labels.agenda, style: bold }], { size: THEME.heading[2] });
  s.space(6);
  s.open('L');
  const rows: { page: number; y: number }[] = [];
  for (const { item } of job.items) {
    const link = { href: destination(item.id), id: s.linkId(), dest: true };
    r.listItem(item.item, () => {
      rows.push({ page: s.pageIndex, y: s.y });
      // An agenda line in another language than the pack's is tagged with its own.
      const own = langOf(item) !== job.lang ? s.open('Div', { lang: langOf(item) }) : undefined;
      s.block('P', [{ text: item.title, style: { ...PLAIN, link } }], { width: s.width - PAGE_COLUMN });
      if (own) s.close();
      s.space(4);
    }, 30);
  }
  s.close();

  const starts: number[] = [];
  for (const itemJob of job.items) {
    const { item } = itemJob;
    s.currentLabel = `${LABELS[job.lang].item} ${item.item}`;
    s.newPage();
    starts.push(s.pageIndex);
    s.doc.addNamedDestination(destination(item.id), 'XYZ', null, s.doc.page.height, null);
    s.doc.outline.addItem(`${item.item}. ${item.title}`);
    s.open('Sect', { lang: job.lang, title: item.title });
    drawItem(new PdfRenderer(s), itemJob);
    s.close();
  }
  // The page each item starts on, beside its agenda line, for readers of the printed pack. It is an
  // artifact, like the page numbers it points to; the agenda lines themselves link to the items.
  rows.forEach((row, i) => {
    s.doc.switchToPage(row.page);
    const line = s.layout([{ text: String(starts[i]! + 1), style: PLAIN }])[0]!;
    s.artifact(() => s.drawLine(null, line, s.left, { colour: THEME.secondary, align: 'right' }, row.y), 'Pagination');
  });
  return finish();
}

/** Width kept free at the right of the cover's agenda for the page numbers. */
const PAGE_COLUMN = 40;

function destination(itemId: string): string {
  return `item-${itemId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function renderJob(job: PdfJob): Promise<Buffer> {
  return job.kind === 'item' ? renderItem(job) : renderPack(job);
}
