import { renderHtml } from '../../markdown/markdown.ts';
import type { Lang } from '../../model/types.ts';
import { translate } from '../locales/index.ts';

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Markdown to HTML for a page, placed under a heading of level `under` (2 for a section headed
 * <h2>). Raw HTML is off in the one markdown-it instance, so every tag and attribute matched here
 * is markdown-it's own, never content text. Three changes for the pages:
 * - headings move below the page's own: the content's highest level becomes `under + 1`, and no
 *   heading goes more than one level deeper than the one before it, so a clerk's `# Title` never
 *   makes a second <h1> and `##` then `####` never skips a level;
 * - a table column's alignment, written as a style attribute that the pages' CSP blocks, becomes a class;
 * - each table is wrapped in a labelled section (a region landmark) that scrolls sideways on a
 *   narrow screen and can be focused and scrolled with the keyboard (WCAG 2.1.1).
 */
export function pageHtml(source: string, lang: Lang = 'en', under = 2): string {
  const html = renderHtml(source);
  const top = Math.min(7, ...[...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1])));
  let previous = under;
  let tables = 0;
  return html
    .replace(/<(\/?)h([1-6])([\s>])/g, (_, close: string, l: string, after: string) => {
      // A closing tag always follows its own opening tag: headings hold no block content.
      if (!close) previous = Math.min(6, Math.max(under + 1, Math.min(Number(l) - top + under + 1, previous + 1)));
      return `<${close}h${previous}${after}`;
    })
    .replace(/ style="text-align:(left|center|right)"/g, ' class="align-$1"')
    .replace(/<table>/g, () => `<section class="table-scroll" tabindex="0" aria-label="${attribute(translate(lang, 'prose.table', { n: ++tables }))}"><table>`)
    .replace(/<\/table>/g, '</table></section>');
}
