import type { Token } from 'markdown-it';
import { parseTokens } from '../markdown/markdown.ts';
import { PLAIN, type Run, type Style } from './layout.ts';
import { rules } from './rules.ts';
import { THEME, type Surface } from './surface.ts';

interface OpenList {
  ordered: boolean;
  next: number;
}

/**
 * Walks a markdown-it token stream and draws it through the rule table in rules.ts, the way
 * markdown-it's own Renderer walks `rules` to make HTML. Holds the state rules share: the inline
 * runs being collected, the style stack and the open lists.
 */
export class PdfRenderer {
  readonly surface: Surface;
  runs: Run[] = [];
  readonly styles: Style[] = [PLAIN];
  readonly lists: OpenList[] = [];
  /** Markdown `#` is drawn as this PDF heading level (the item title is H1). */
  readonly minHeading: number;

  constructor(surface: Surface, minHeading = 2) {
    this.surface = surface;
    this.minHeading = minHeading;
  }

  /** Render Markdown source. */
  markdown(source: string): void {
    this.render(parseTokens(source));
  }

  /** Render a token list (block or inline children); unknown token types draw nothing. */
  render(tokens: Token[]): void {
    for (let i = 0; i < tokens.length; ) {
      const rule = rules[tokens[i]!.type];
      const next = rule ? rule(tokens, i, this) : undefined;
      i = typeof next === 'number' ? next : i + 1;
    }
  }

  get style(): Style {
    return this.styles.at(-1)!;
  }

  pushStyle(change: Partial<Style>): void {
    this.styles.push({ ...this.style, ...change });
  }

  popStyle(): void {
    if (this.styles.length > 1) this.styles.pop();
  }

  text(text: string): void {
    if (text !== '') this.runs.push({ text, style: this.style });
  }

  /** Take the inline runs collected since the last block. */
  takeRuns(): Run[] {
    const runs = this.runs;
    this.runs = [];
    return runs;
  }

  /** Collect an inline token's children as runs without drawing them (table cells, labels). */
  inlineRuns(token: Token | undefined): Run[] {
    const saved = this.takeRuns();
    this.render(token?.children ?? []);
    const runs = this.takeRuns();
    this.runs = saved;
    return runs;
  }

  /** Space after a block: less inside a tight list. */
  blockGap(hidden = false): number {
    return hidden ? 3 : THEME.body * 0.7;
  }

  /**
   * A list item: its label in a Lbl, then its body (drawn by `body`) in an LBody, indented past the
   * label. Shared by Markdown lists and the RESOLVED / RECOMMENDED lists the item renderer numbers.
   */
  listItem(label: string, body: () => void, labelWidth = 22): void {
    const s = this.surface;
    s.ensure(s.lineHeight(THEME.body) * 2);
    s.open('LI');
    const lbl = s.open('Lbl');
    const line = s.layout([{ text: label, style: PLAIN }]);
    s.drawLine(lbl, line[0]!, s.left, { colour: THEME.text });
    s.close();
    s.open('LBody');
    s.indent += labelWidth;
    body();
    s.indent -= labelWidth;
    s.close();
    s.close();
  }
}
