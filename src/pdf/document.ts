import PDFDocument from 'pdfkit';
import { FACES, fonts, layoutCachesForDocument } from './fonts.ts';
import { LABELS } from './labels.ts';
import { PLAIN } from './layout.ts';
import { Surface, THEME } from './surface.ts';
import type { Lang } from '../model/types.ts';

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: Lang;
  /** Fixed CreationDate and ModDate (from the meeting date), so a rebuild gives the same bytes. */
  date: Date;
  /** Running header, left: committee and date. */
  header: string;
  /** Running footer, left: the council. */
  footer: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tagged A4 document with the fonts registered and a Document structure element to draw into.
 * `finish()` stamps the running header and "Page N of M" footer on every page and returns the bytes.
 */
export function createDocument(meta: DocumentMeta): { surface: Surface; finish: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: THEME.margin,
    pdfVersion: '1.7',
    subset: 'PDF/UA' as never,
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    bufferPages: true,
    // No default Helvetica: every glyph comes from the embedded Noto Sans.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(', '),
      Creator: 'Minutebook',
      Producer: 'Minutebook (PDFKit)',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  const set = fonts();
  const caches = layoutCachesForDocument();
  for (const face of FACES) {
    doc.registerFont(face, set[face] as never);
    // pdfkit's EmbeddedFont.layoutCache (js/font/embedded.js), swapped for the thread-wide one.
    const font = (doc.font(face) as unknown as { _font: EmbeddedFont })._font;
    font.layoutCache = caches[face];
    joinRunsWithoutCopying(font);
  }
  doc.font('regular');
  escapeXmpInfo(doc);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const surface = new Surface(doc, root);

  const finish = () =>
    new Promise<Buffer>((resolve, reject) => {
      root.end();
      stampPages(surface, meta);
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
  return { surface, finish };
}

/**
 * pdfkit writes Title, Author, Subject and Keywords into the XMP metadata unescaped
 * (pdfkit js/mixins/metadata.js `_addInfo`); content text must never become markup, so escape it there.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const target = doc as unknown as { _addInfo: () => void; info: Record<string, unknown> };
  const addInfo = target._addInfo;
  target._addInfo = function (this: typeof target) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    addInfo.call(this);
    this.info = info;
  };
}

/** Running header and footer on every page, as pagination artifacts (not read out as content). */
function stampPages(s: Surface, meta: DocumentMeta): void {
  const { doc } = s;
  const range = doc.bufferedPageRange();
  const labels = LABELS[meta.lang];
  const size = 8.5;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const left = THEME.margin.left;
    const width = doc.page.width - THEME.margin.left - THEME.margin.right;
    const headerY = THEME.margin.top - 34;
    const footerY = doc.page.height - THEME.margin.bottom + 22;
    const line = (text: string) => s.layout([{ text, style: PLAIN }], { size, width })[0]!;
    s.artifact(() => {
      s.drawLine(null, line(meta.header), left, { size, width, colour: THEME.secondary }, headerY);
      const right = s.pageLabels[i] ?? '';
      if (right) s.drawLine(null, line(right), left, { size, width, colour: THEME.secondary, align: 'right' }, headerY);
      doc.moveTo(left, headerY + 16).lineTo(left + width, headerY + 16).lineWidth(0.5).stroke(THEME.rule);
    }, 'Pagination');
    s.artifact(() => {
      s.drawLine(null, line(meta.footer), left, { size, width, colour: THEME.secondary }, footerY);
      const page = labels.page(i + 1, range.count);
      s.drawLine(null, line(page), left, { size, width, colour: THEME.secondary, align: 'right' }, footerY);
    }, 'Pagination');
  }
}

/** The parts of pdfkit's EmbeddedFont (js/font/embedded.js) this module touches. */
interface ShapedRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}
export interface EmbeddedFont {
  layoutCache: unknown;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
  layoutRun(text: string, features?: unknown): ShapedRun;
  layoutCached(text: string): ShapedRun;
}

/** pdfkit's own `layout`, by the prototype it was replaced on (tests compare the two). */
const pdfkitLayouts = new WeakMap<object, EmbeddedFont['layout']>();

/** pdfkit's own EmbeddedFont.layout for this font, if it was replaced. */
export function pdfkitLayoutOf(font: object): EmbeddedFont['layout'] | undefined {
  return pdfkitLayouts.get(Object.getPrototypeOf(font) as object);
}

/**
 * pdfkit's EmbeddedFont.layout, with the same result, made without copying: pdfkit lays a string
 * out as runs of a word and the space after it (each shaped once, from the layout cache) and joins
 * the runs' glyphs with `concat`, a new array per word, so a line of n words copies its glyphs n
 * times, all of it garbage at once. This appends each run's glyphs and positions instead: the same
 * runs, the same arrays, the same widths summed in the same order, so the same bytes.
 */
function joinRunsWithoutCopying(font: EmbeddedFont): void {
  const prototype = Object.getPrototypeOf(font) as EmbeddedFont;
  const own = prototype.layout;
  // Only over the code this copies (pdfkit 0.20's): another version keeps its own.
  if (pdfkitLayouts.has(prototype) || !own.toString().includes('glyphs = glyphs.concat(run.glyphs)')) return;
  pdfkitLayouts.set(prototype, own);
  prototype.layout = function layout(this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean) {
    if (features) return this.layoutRun(text, features);
    const glyphs: unknown[] | null = onlyWidth ? null : [];
    const positions: unknown[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index <= text.length; index++) {
      const code = text.charCodeAt(index); // NaN past the end
      if ((index === text.length && last < index) || code === 0x20 || code === 0x09) {
        const run = this.layoutCached(text.slice(last, index + 1));
        if (glyphs && positions) {
          for (const glyph of run.glyphs) glyphs.push(glyph);
          for (const position of run.positions) positions.push(position);
        }
        advanceWidth += run.advanceWidth;
        last = index + 1;
      }
    }
    return { glyphs, positions, advanceWidth };
  };
}
