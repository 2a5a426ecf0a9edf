import { renderHtml } from '../../markdown/markdown.ts';

/**
 * Markdown to HTML for a page. markdown-it writes a table column's alignment as a style attribute,
 * which the pages' Content-Security-Policy blocks; it becomes a class instead. Raw HTML is off in
 * the one markdown-it instance, so every `style="` in its output is its own.
 */
export function pageHtml(source: string): string {
  return renderHtml(source).replace(/ style="text-align:(left|center|right)"/g, ' class="align-$1"');
}
