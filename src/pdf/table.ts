import type { Token } from 'markdown-it';
import { longestWord, naturalWidth, type Line, type Run } from './layout.ts';
import type { PdfRenderer } from './renderer.ts';
import type { PdfRule } from './rules.ts';
import { THEME, type Surface } from './surface.ts';

type Align = 'left' | 'right' | 'center';

interface Cell {
  runs: Run[];
  align: Align;
}

interface Row {
  header: boolean;
  cells: Cell[];
}

const SIZE = 10;
const PAD_X = 5;
const PAD_Y = 4;

function alignOf(token: Token): Align {
  const style = String(token.attrGet('style') ?? '');
  if (/text-align:\s*right/.test(style)) return 'right';
  if (/text-align:\s*center/.test(style)) return 'center';
  return 'left';
}

function readRows(tokens: Token[], start: number, r: PdfRenderer): { rows: Row[]; end: number } {
  const rows: Row[] = [];
  let header = false;
  let i = start + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') header = true;
    else if (t.type === 'thead_close') header = false;
    else if (t.type === 'tr_open') rows.push({ header, cells: [] });
    else if (t.type === 'th_open' || t.type === 'td_open') {
      const runs = r.inlineRuns(tokens[i + 1]);
      rows.at(-1)!.cells.push({ runs: header ? runs.map((x) => ({ ...x, style: { ...x.style, bold: true } })) : runs, align: alignOf(t) });
    }
  }
  return { rows, end: i };
}

/** Column widths: natural widths when they fit, else shrink the wide columns toward their longest word. */
function columnWidths(rows: Row[], available: number, s: Surface): number[] {
  const measure = s.measure(SIZE);
  const count = Math.max(...rows.map((row) => row.cells.length));
  const widest = (c: number, rowsToMeasure: Row[], width: (runs: Run[]) => number) =>
    Math.max(0, ...rowsToMeasure.map((row) => width(row.cells[c]?.runs ?? []))) + 2 * PAD_X;
  const body = rows.filter((row) => !row.header);
  const columns = Array.from({ length: count }, (_, c) => c);
  const min = columns.map((c) => widest(c, rows, (runs) => longestWord(runs, measure)));
  // Header cells may wrap to their longest word before body cells have to.
  const natural = columns.map((c) => Math.max(min[c]!, widest(c, body, (runs) => naturalWidth(runs, measure))));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= available) {
    // Spread the spare width in proportion, so the table spans the measure like a printed one.
    const extra = (available - sum(natural)) / sum(natural);
    return natural.map((w) => w * (1 + extra));
  }
  if (sum(min) >= available) return min.map((w) => (w * available) / sum(min));
  const k = (available - sum(min)) / (sum(natural) - sum(min));
  return natural.map((w, c) => min[c]! + (w - min[c]!) * k);
}

interface LaidRow {
  row: Row;
  lines: Line[][];
  height: number;
}

function layRow(row: Row, widths: number[], s: Surface): LaidRow {
  const lines = widths.map((w, c) => s.layout(row.cells[c]?.runs ?? [], { size: SIZE, width: w - 2 * PAD_X }));
  const tallest = Math.max(...lines.map((l) => l.length));
  return { row, lines, height: tallest * s.lineHeight(SIZE) + 2 * PAD_Y };
}

/** Draw a row at the current y; tagged as TR/TH/TD, or as an artifact when repeating the header. */
function drawRow(laid: LaidRow, widths: number[], s: Surface, tagged: boolean): void {
  const top = s.y;
  const x0 = s.left;
  const width = widths.reduce((a, b) => a + b, 0);
  s.artifact(() => {
    if (laid.row.header) s.doc.rect(x0, top, width, laid.height).fill(THEME.fill);
    s.doc
      .moveTo(x0, top + laid.height)
      .lineTo(x0 + width, top + laid.height)
      .lineWidth(laid.row.header ? 1 : 0.5)
      .stroke(laid.row.header ? THEME.secondary : THEME.rule);
  });
  const paint = () => {
    let x = x0;
    widths.forEach((w, c) => {
      const cell = laid.row.cells[c];
      const element = tagged ? s.open(laid.row.header ? 'TH' : 'TD', laid.row.header ? { scope: 'Column' } : {}) : null;
      laid.lines[c]!.forEach((line, n) => {
        const options = { size: SIZE, width: w - 2 * PAD_X, align: cell?.align ?? 'left' };
        s.drawLine(element, line, x + PAD_X, options, top + PAD_Y + n * s.lineHeight(SIZE));
      });
      if (tagged) s.close();
      x += w;
    });
  };
  if (tagged) {
    s.open('TR');
    paint();
    s.close();
  } else {
    s.artifact(paint, 'Pagination');
  }
  s.y = top + laid.height;
}

/** A Markdown table: wrapping cells, alignment as authored, the header row repeated on each new page. */
export const table: PdfRule = (tokens, idx, r) => {
  const s = r.surface;
  const { rows, end } = readRows(tokens, idx, r);
  if (rows.length === 0) return end + 1;
  const widths = columnWidths(rows, s.width, s);
  const laid = rows.map((row) => layRow(row, widths, s));
  const headers = laid.filter((l) => l.row.header);
  s.space(4);
  s.ensure(headers.reduce((h, l) => h + l.height, 0) + (laid.find((l) => !l.row.header)?.height ?? 0));
  s.open('Table');
  for (const l of laid) {
    const page = s.pageIndex;
    s.ensure(l.height);
    // On a new page, repeat the header rows (as an artifact: a screen reader has already read them).
    if (s.pageIndex !== page && !l.row.header) for (const h of headers) drawRow(h, widths, s, false);
    drawRow(l, widths, s, true);
  }
  s.close();
  s.space(r.blockGap() + 4);
  return end + 1;
};
