import type { Token } from 'markdown-it';
import { PLAIN } from './layout.ts';
import type { PdfRenderer } from './renderer.ts';
import { THEME } from './surface.ts';
import { table } from './table.ts';

/**
 * One drawing function per markdown-it token type, the shape of markdown-it's renderer rules
 * (https://github.com/markdown-it/markdown-it/blob/master/docs/architecture.md#renderer).
 * A rule may return the index of the next token to render when it consumed several (tables).
 * A new Markdown element is one new entry here.
 */
export type PdfRule = (tokens: Token[], idx: number, r: PdfRenderer) => number | void;

const BULLETS = ['•', '–', '•', '–'];

/** Markdown's level, below the item title, and never more than one deeper than the last heading. */
function headingLevel(token: Token, r: PdfRenderer): number {
  return Math.min(6, r.surface.lastHeading + 1, Math.max(r.minHeading, Number(token.tag.slice(1))));
}

export const rules: Record<string, PdfRule> = {
  // Blocks: open tokens start collecting inline runs, close tokens draw them.
  paragraph_open(_tokens, _idx, r) {
    r.takeRuns();
  },
  paragraph_close(tokens, idx, r) {
    r.surface.block('P', r.takeRuns());
    r.surface.space(r.blockGap(tokens[idx]!.hidden));
  },
  heading_open(_tokens, _idx, r) {
    r.takeRuns();
    r.pushStyle({ bold: true });
  },
  heading_close(tokens, idx, r) {
    r.popStyle();
    const level = headingLevel(tokens[idx]!, r);
    const size = THEME.heading[level]!;
    const s = r.surface;
    s.space(size * 0.8);
    // Keep a heading with the first lines of what follows it.
    s.ensure(s.lineHeight(size) + s.lineHeight(THEME.body) * 3);
    s.block(`H${level}`, r.takeRuns(), { size });
    s.space(size * 0.3);
  },
  bullet_list_open(_tokens, _idx, r) {
    r.lists.push({ ordered: false, next: 1 });
    r.surface.open('L');
  },
  ordered_list_open(tokens, idx, r) {
    r.lists.push({ ordered: true, next: Number(tokens[idx]!.attrGet('start') ?? 1) });
    r.surface.open('L');
  },
  bullet_list_close(_tokens, _idx, r) {
    endList(r);
  },
  ordered_list_close(_tokens, _idx, r) {
    endList(r);
  },
  list_item_open(tokens, idx, r) {
    const list = r.lists.at(-1)!;
    const label = list.ordered ? `${list.next++}.` : BULLETS[(r.lists.length - 1) % BULLETS.length]!;
    const close = findClose(tokens, idx);
    r.listItem(label, () => r.render(tokens.slice(idx + 1, close)), list.ordered ? 22 : 16);
    return close + 1;
  },
  blockquote_open(_tokens, _idx, r) {
    const s = r.surface;
    s.open('BlockQuote');
    s.gutters.push(s.left);
    s.indent += 16;
  },
  blockquote_close(_tokens, _idx, r) {
    const s = r.surface;
    s.indent -= 16;
    s.gutters.pop();
    s.close();
    s.space(r.blockGap());
  },
  hr(_tokens, _idx, r) {
    const s = r.surface;
    s.space(6);
    s.artifact(() => s.doc.moveTo(s.left, s.y).lineTo(s.right, s.y).lineWidth(0.75).stroke(THEME.rule));
    s.space(12);
  },
  code_block(tokens, idx, r) {
    r.surface.block('P', [{ text: tokens[idx]!.content.replace(/\n$/, ''), style: PLAIN }]);
    r.surface.space(r.blockGap());
  },
  fence(tokens, idx, r) {
    rules.code_block!(tokens, idx, r);
  },
  table_open: table,

  // Inline: the children of an `inline` token become styled runs.
  inline(tokens, idx, r) {
    r.render(tokens[idx]!.children ?? []);
  },
  text(tokens, idx, r) {
    r.text(tokens[idx]!.content);
  },
  code_inline(tokens, idx, r) {
    r.text(tokens[idx]!.content);
  },
  softbreak(_tokens, _idx, r) {
    r.text(' ');
  },
  hardbreak(_tokens, _idx, r) {
    r.text('\n');
  },
  strong_open(_tokens, _idx, r) {
    r.pushStyle({ bold: true });
  },
  em_open(_tokens, _idx, r) {
    r.pushStyle({ italic: true });
  },
  strong_close(_tokens, _idx, r) {
    r.popStyle();
  },
  em_close(_tokens, _idx, r) {
    r.popStyle();
  },
  link_open(tokens, idx, r) {
    r.pushStyle({ link: { href: String(tokens[idx]!.attrGet('href') ?? ''), id: r.surface.linkId() } });
  },
  link_close(_tokens, _idx, r) {
    r.popStyle();
  },
  image(tokens, idx, r) {
    // Images are not embedded; their text alternative stands in.
    r.render(tokens[idx]!.children ?? []);
  },
};

function endList(r: PdfRenderer): void {
  r.lists.pop();
  r.surface.close();
  if (r.lists.length === 0) r.surface.space(r.blockGap());
}

/** Index of the token closing the one at idx (same nesting level). */
export function findClose(tokens: Token[], idx: number): number {
  const open = tokens[idx]!;
  for (let i = idx + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level === open.level && t.nesting === -1) return i;
  }
  return tokens.length - 1;
}
