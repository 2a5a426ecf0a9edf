import type { Face } from './fonts.ts';
import { wrap, type Line, type Measure, type Run, type Segment, type Style } from './layout.ts';

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

/** The look of the papers: A4, generous margins, one type family, GOV.UK-like greys that pass AA. */
export const THEME = {
  margin: { top: 76, bottom: 76, left: 72, right: 72 },
  text: '#0b0c0c',
  secondary: '#505a5f',
  link: '#1d70b8',
  rule: '#b1b4b6',
  fill: '#f3f2f1',
  body: 11,
  leading: 1.45,
  /** Heading sizes by PDF heading level (H1 is the item title). */
  heading: { 1: 20, 2: 14, 3: 12, 4: 11, 5: 11, 6: 11 } as Record<number, number>,
} as const;

/** Advance widths by face, then by text (a key made by joining the two cost as much as the lookup). */
const advances = new Map<Face, Map<string, number>>();

/**
 * A string's advance width at 1000 pt, memoised for the thread (wrapping measures every word, often
 * more than once). pdfkit computes width × (size / 1000) the same way, so results are unchanged.
 */
function advanceOf(doc: Doc, face: Face, text: string): number {
  let known = advances.get(face);
  if (!known) advances.set(face, (known = new Map()));
  let width = known.get(text);
  if (width === undefined) {
    width = doc.font(face).fontSize(1000).widthOfString(text);
    if (known.size > 50_000) known.clear();
    known.set(text, width);
  }
  return width;
}

export function faceOf(style: Style): Face {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

export interface TextOptions {
  size?: number;
  colour?: string;
  /** Extra left offset from the current indent. */
  offset?: number;
  /** Narrower measure (defaults to the rest of the line). */
  width?: number;
  /** Where lines sit in the measure (left by default; table cells follow the Markdown alignment). */
  align?: 'left' | 'right' | 'center';
}

/**
 * A drawing cursor over a tagged pdfkit document: where the next line goes, the open structure
 * elements, page breaks, and marked content. Every visible mark is either inside a structure
 * element's marked content or an Artifact, as PDF/UA asks.
 */
export class Surface {
  readonly doc: Doc;
  y: number;
  indent = 0;
  /** Left bars (blockquotes) drawn beside every line while open. */
  readonly gutters: number[] = [];
  private readonly parents: StructElement[] = [];
  /** Per page (0-based), the label the running header shows on the right (an item number in a pack). */
  readonly pageLabels: string[] = [];
  currentLabel = '';
  /** Level of the last heading drawn, so the next is at most one deeper (PDF/UA: no skipped levels). */
  lastHeading = 0;
  private nextLink = 0;

  constructor(doc: Doc, root: StructElement) {
    this.doc = doc;
    this.parents.push(root);
    this.y = THEME.margin.top;
    this.pageLabels[0] = '';
  }

  get left(): number {
    return THEME.margin.left + this.indent;
  }

  get right(): number {
    return this.doc.page.width - THEME.margin.right;
  }

  get width(): number {
    return this.right - this.left;
  }

  get bottom(): number {
    return this.doc.page.height - THEME.margin.bottom;
  }

  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  linkId(): number {
    return ++this.nextLink;
  }

  /** The structure element new content goes into. */
  get parent(): StructElement {
    return this.parents.at(-1)!;
  }

  /** Open a structure element inside the current one; content drawn until close() belongs to it. */
  open(type: string, options: { lang?: string; title?: string; scope?: 'Column' | 'Row' } = {}): StructElement {
    const element = this.doc.struct(type, options);
    this.parent.add(element);
    this.parents.push(element);
    return element;
  }

  close(): void {
    const element = this.parents.pop();
    if (!element || this.parents.length === 0) throw new Error('Closed the document root');
    element.end();
  }

  /** Draw tagged content for `element` (marked content with an MCID on this page). */
  content(element: StructElement, draw: () => void): void {
    element.add(draw);
  }

  /** Draw something that is not content (rules, backgrounds, running header): an Artifact. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = THEME.margin.top;
    this.pageLabels[this.pageIndex] = this.currentLabel;
  }

  /** Start a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > THEME.margin.top) this.newPage();
  }

  /** Move down by `height` (vertical space), drawing any open blockquote bars; never past the page end. */
  advance(height: number): void {
    const to = Math.min(this.y + height, this.bottom);
    this.drawGutters(this.y, to);
    this.y = to;
  }

  /** Vertical space that is dropped at the top of a page. */
  space(height: number): void {
    if (this.y > THEME.margin.top) this.advance(height);
  }

  private drawGutters(from: number, to: number): void {
    if (this.gutters.length === 0 || to <= from) return;
    this.artifact(() => {
      for (const x of this.gutters) this.doc.rect(x, from, 3, to - from).fill(THEME.rule);
    });
  }

  measure(size: number): Measure {
    return (text, style) => advanceOf(this.doc, faceOf(style), text) * (size / 1000);
  }

  useFont(style: Style, size: number): Doc {
    return this.doc.font(faceOf(style)).fontSize(size);
  }

  lineHeight(size: number): number {
    return size * THEME.leading;
  }

  /** Lay runs out at the current indent and width. */
  layout(runs: readonly Run[], options: TextOptions = {}): Line[] {
    const size = options.size ?? THEME.body;
    const width = options.width ?? this.width - (options.offset ?? 0);
    return wrap(runs, width, this.measure(size));
  }

  /** Draw runs as one block of the given structure type (P, H1 …), breaking pages between lines. */
  block(type: string, runs: readonly Run[], options: TextOptions = {}): void {
    const lines = this.layout(runs, options);
    const heading = /^H([1-6])$/.exec(type);
    if (heading) this.lastHeading = Number(heading[1]);
    const element = this.open(type);
    const size = options.size ?? THEME.body;
    for (const line of lines) {
      this.ensure(this.lineHeight(size));
      this.drawLine(element, line, this.left + (options.offset ?? 0), options);
      this.advance(this.lineHeight(size));
    }
    this.close();
  }

  /**
   * Draw one laid-out line at x and y. With an element the text is its marked content and links get
   * a Link element and a clickable annotation; without one (inside an artifact) the text is painted only.
   */
  drawLine(element: StructElement | null, line: Line, x: number, options: TextOptions = {}, y = this.y): void {
    const size = options.size ?? THEME.body;
    const colour = options.colour ?? THEME.text;
    const width = options.width ?? this.width - (options.offset ?? 0);
    const start = options.align === 'right' ? x + width - line.width : options.align === 'center' ? x + (width - line.width) / 2 : x;
    // Centre the font's own line box inside our more generous leading.
    const top = y + (this.lineHeight(size) - this.doc.font('regular').fontSize(size).currentLineHeight()) / 2;
    const paint = (s: Segment) => {
      this.useFont(s.style, size)
        .fillColor(s.style.link ? THEME.link : colour)
        // The width laid out is the one pdfkit would measure again for the underline and link box.
        .text(s.text, start + s.x, top, { lineBreak: false, underline: s.style.link !== undefined, textWidth: s.width } as PDFKit.Mixins.TextOptions);
    };
    if (!element) {
      line.segments.forEach(paint);
      return;
    }
    let plain: Segment[] = [];
    const flushPlain = () => {
      if (plain.length === 0) return;
      const segments = plain;
      plain = [];
      this.content(element, () => segments.forEach(paint));
    };
    for (const segment of line.segments) {
      const link = segment.style.link;
      if (!link) {
        plain.push(segment);
        continue;
      }
      flushPlain();
      const linkElement = this.doc.struct('Link');
      element.add(linkElement);
      linkElement.add(() => paint(segment));
      const text = segment.text.trimEnd();
      const w = advanceOf(this.doc, faceOf(segment.style), text) * (size / 1000);
      const annotation = { structParent: linkElement, Contents: new String(text) };
      const h = this.useFont(segment.style, size).currentLineHeight();
      if (link.dest) this.doc.goTo(start + segment.x, top, w, h, link.href, annotation as never);
      else this.doc.link(start + segment.x, top, w, h, link.href, annotation as never);
      linkElement.end();
    }
    flushPlain();
  }
}
