import { renderHtml } from '../../markdown/markdown.ts';
import type { Lang } from '../../model/types.ts';
import { translate } from '../locales/index.ts';

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Markdown to HTML for a page. Raw HTML is off in the one markdown-it instance, so every tag and
 * attribute matched here is markdown-it's own, never content text. Two changes for the pages:
 * - a table column's alignment, written as a style attribute that the pages' CSP blocks, becomes a class;
 * - each table is wrapped in a labelled section (a region landmark) that scrolls sideways on a
 *   narrow screen and can be focused and scrolled with the keyboard (WCAG 2.1.1).
 */
export function pageHtml(source: string, lang: Lang = 'en'): string {
  let tables = 0;
  return renderHtml(source)
    .replace(/ style="text-align:(left|center|right)"/g, ' class="align-$1"')
    .replace(/<table>/g, () => `<section class="table-scroll" tabindex="0" aria-label="${attribute(translate(lang, 'prose.table', { n: ++tables }))}"><table>`)
    .replace(/<\/table>/g, '</table></section>');
}
