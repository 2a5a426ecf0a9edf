import type { ExemptItem, Lang, OpenItem } from '../model/types.ts';
import type { ItemJob, MeetingHeader } from './job.ts';
import { formatDate, formatSize, LABELS } from './labels.ts';
import { PLAIN, type Run } from './layout.ts';
import { PdfRenderer } from './renderer.ts';
import { THEME, type Surface } from './surface.ts';

const bold = (text: string): Run => ({ text, style: { bold: true, italic: false } });
const plain = (text: string): Run => ({ text, style: PLAIN });

/** "(a)", "(b)" … "(z)", "(aa)": the lettering councils use for resolutions. */
export function letter(n: number): string {
  const char = String.fromCharCode(97 + (n % 26));
  return `(${char.repeat(Math.floor(n / 26) + 1)})`;
}

function absolute(url: string, header: MeetingHeader): string | undefined {
  if (/^[a-z]+:/i.test(url)) return url;
  return header.baseUrl ? header.baseUrl + url : undefined;
}

/** Council name, committee, date, then "Item 5 · Minute 12 · Reference": the top of every item. */
function masthead(s: Surface, header: MeetingHeader, lang: Lang, numberLine: string): void {
  const council = (lang === 'cy' && header.councilCy) || header.council;
  const committee = (lang === 'cy' && header.committeeCy) || header.committee;
  s.block('P', [bold(council)], { size: 10, colour: THEME.secondary });
  s.space(2);
  s.block('P', [bold(committee)], { size: 12 });
  s.block('P', [plain(formatDate(header.date, header.timezone, lang))], { size: 12 });
  s.space(10);
  s.block('P', [plain(numberLine)], { size: 10, colour: THEME.secondary });
  s.space(2);
}

function title(s: Surface, text: string): void {
  s.block('H1', [bold(text)], { size: THEME.heading[1] });
  s.space(6);
  s.artifact(() => s.doc.moveTo(s.left, s.y).lineTo(s.right, s.y).lineWidth(1.5).stroke(THEME.text));
  s.space(14);
}

function heading(r: PdfRenderer, text: string): void {
  const s = r.surface;
  const size = THEME.heading[2]!;
  s.space(size * 0.6);
  s.ensure(s.lineHeight(size) + s.lineHeight(THEME.body) * 3);
  s.block('H2', [bold(text)], { size });
  s.space(size * 0.3);
}

function field(r: PdfRenderer, label: string, value: Run[]): void {
  r.surface.block('P', [bold(`${label}: `), ...value]);
  r.surface.space(4);
}

/** The item's structured parts in their fixed order, then its narrative. */
export function drawOpenItem(r: PdfRenderer, job: ItemJob & { item: OpenItem }): void {
  const { item, header } = job;
  const s = r.surface;
  const labels = LABELS[job.lang];
  const number = [`${labels.item} ${item.item}`, item.minute && `${labels.minute} ${item.minute}`, labels.types[item.type]];
  masthead(s, header, job.lang, number.filter(Boolean).join(' · '));
  const words = inOwnLanguage(r, job);
  title(s, item.title);

  if (item.reportOf) field(r, labels.reportOf, [plain(item.reportOf)]);
  if (item.referredFrom) {
    const from = item.referredFrom;
    const parts = [job.referredFromName ?? from.committee, formatDate(from.date, header.timezone, job.lang)];
    if (from.minute) parts.push(labels.minuteRef(from.minute));
    const href = job.referredFromUrl && absolute(job.referredFromUrl, header);
    const text = parts.join(', ');
    field(r, labels.referredFrom, [href ? { text, style: { ...PLAIN, link: { href, id: s.linkId() } } } : plain(text)]);
  }
  if (item.decision) field(r, labels.decision, [plain(item.decision)]);
  s.space(4);

  if (item.resolved.length > 0) {
    heading(r, labels.resolved);
    numbered(r, item.resolved, letter);
  }
  if (item.recommended.length > 0) {
    heading(r, labels.recommended);
    numbered(r, item.recommended, (n) => `(${n + 1})`);
  }
  if (item.reasons) {
    heading(r, labels.reasons);
    r.markdown(item.reasons);
  }
  if (item.attachments.length > 0) {
    heading(r, labels.attachments);
    s.open('L');
    for (const a of item.attachments) {
      const href = absolute(a.url, header);
      const name: Run = href ? { text: a.title, style: { ...PLAIN, link: { href, id: s.linkId() } } } : plain(a.title);
      const size = a.size !== undefined ? [plain(` (${formatSize(a.size)})`)] : [];
      r.listItem('•', () => {
        s.block('P', [name, ...size]);
        s.space(3);
      }, 16);
    }
    s.close();
    s.space(r.blockGap());
  }
  if (item.body.trim() !== '') {
    // A thin rule sets the narrative off from the structured parts above it, when there are any.
    const parts = item.resolved.length + item.recommended.length + item.attachments.length + (item.reasons ? 1 : 0);
    if (parts > 0) {
      s.space(8);
      s.artifact(() => s.doc.moveTo(s.left, s.y).lineTo(s.right, s.y).lineWidth(0.75).stroke(THEME.rule));
      s.space(16);
    } else {
      s.space(6);
    }
    r.markdown(item.body);
  }
  words.close();
}

/**
 * When the item is printed in its original language (it has no version in the PDF's), a notice in
 * the PDF's language, then a section tagged with the words' language until `close()`.
 */
function inOwnLanguage(r: PdfRenderer, job: ItemJob): { close(): void } {
  const s = r.surface;
  const lang = job.item.lang ?? 'en';
  if (!job.fallback || lang === job.lang) return { close() {} };
  const labels = LABELS[job.lang];
  s.block('P', [{ text: labels.fallback(labels.languages[lang]), style: { bold: false, italic: true } }], { size: 10 });
  s.space(8);
  s.open('Sect', { lang });
  return { close: () => s.close() };
}

/** A numbered list whose labels the renderer adds: RESOLVED (a) (b) …, RECOMMENDED (1) (2) …. */
function numbered(r: PdfRenderer, texts: string[], label: (n: number) => string): void {
  const s = r.surface;
  s.open('L');
  texts.forEach((text, n) => {
    r.listItem(label(n), () => r.markdown(text), 30);
  });
  s.close();
}

/** An exempt item: its number, title and the reason it is not published. Nothing else exists to print. */
export function drawExemptItem(r: PdfRenderer, job: ItemJob & { item: ExemptItem }): void {
  const { item } = job;
  const s = r.surface;
  const labels = LABELS[job.lang];
  s.block('P', [plain(`${labels.item} ${item.item}`)], { size: 10, colour: THEME.secondary });
  s.space(2);
  const words = inOwnLanguage(r, job);
  title(s, item.title);
  words.close();
  heading(r, labels.exemptHeading);
  s.block('P', [plain(labels.exemptReason)]);
  s.space(r.blockGap());
  const reason = job.fallback && (item.lang ?? 'en') !== job.lang ? s.open('Sect', { lang: item.lang ?? 'en' }) : undefined;
  s.block('P', [plain(item.exemptReason)]);
  if (reason) s.close();
}

export function drawItem(r: PdfRenderer, job: ItemJob): void {
  if (job.item.exempt) drawExemptItem(r, job as ItemJob & { item: ExemptItem });
  else drawOpenItem(r, job as ItemJob & { item: OpenItem });
}
