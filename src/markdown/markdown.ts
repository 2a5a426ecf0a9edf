import MarkdownItCtor, { type MarkdownIt } from 'markdown-it';

/** Link schemes a content author may use; anything else (javascript:, data:, vbscript:, file:) is dropped. */
const SAFE_LINK = /^(https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/i;

/**
 * The one Markdown parser of the project. Pages and PDFs both render from its token stream.
 * Raw HTML is off, so content text never becomes markup; unsafe link targets are left as plain text.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItCtor({ html: false, linkify: true, typographer: false });
  const validate = md.validateLink.bind(md);
  md.validateLink = (url: string) => validate(url) && SAFE_LINK.test(url.trim());
  return md;
}

let shared: MarkdownIt | undefined;

/** The shared parser instance (markdown-it instances are reusable and stateless between renders). */
export function markdown(): MarkdownIt {
  shared ??= createMarkdown();
  return shared;
}

/** Render Markdown source to HTML (escaped, no raw HTML). */
export function renderHtml(source: string): string {
  return markdown().render(source);
}

/** Parse Markdown source to markdown-it's token stream: the input of both the HTML and the PDF renderer. */
export function parseTokens(source: string) {
  return markdown().parse(source, {});
}
