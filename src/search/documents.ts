import { parseTokens } from '../markdown/markdown.ts';
import { textOf } from '../model/queries.ts';
import type { Council, Lang, OpenItem } from '../model/types.ts';

/** The searchable fields of an item, with the boost each gets in scoring. */
export const FIELDS = {
  title: 10,
  minute: 5,
  decision: 3,
  resolutions: 2,
  body: 1,
} as const;
export type Field = keyof typeof FIELDS;

/** An open item as search sees it in one language: plain-text fields, nothing of an exempt item. */
export interface SearchDocument {
  item: OpenItem;
  /** The language the fields are written in: the index's, or the original's where no translation exists. */
  lang: Lang;
  title: string;
  fields: Record<Field, string>;
}

/** Plain text of Markdown: the words of every text, code and image-alt token, blocks separated. */
export function markdownText(source: string): string {
  const parts: string[] = [];
  for (const token of parseTokens(source)) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'text' || child.type === 'code_inline') parts.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push(' ');
        else if (child.type === 'image') parts.push(' ', child.content, ' ');
      }
    } else if (token.type === 'code_block' || token.type === 'fence') parts.push(token.content);
    if (token.block) parts.push('\n');
  }
  return parts.join('').replace(/[ \t]*\n\s*/g, '\n').trim();
}

/**
 * The documents of the index: open items in model order (meeting date, then agenda order), so
 * document numbers run oldest to newest. Exempt items are left out entirely, title included: their
 * existence is public on the meeting page, but nothing of them is searchable.
 */
export function documentsOf(council: Council, lang: Lang = 'en'): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const item of council.items) if (!item.exempt) documents.push(documentOf(item, lang));
  return documents;
}

/**
 * An open item as the `lang` index holds it: its translation, or else its original text (stemmed,
 * or not, by the language it is really written in).
 */
export function documentOf(item: OpenItem, lang: Lang): SearchDocument {
  const text = textOf(item, lang);
  return {
    item,
    lang: text.lang,
    title: text.title,
    fields: {
      title: text.title,
      minute: item.minute ?? '',
      decision: text.decision ?? '',
      resolutions: [...text.resolved, ...text.recommended].join('\n'),
      body: [markdownText(text.body), text.reasons ?? ''].filter(Boolean).join('\n'),
    },
  };
}

/**
 * Everything documentOf reads to make an item's fields in `lang` (so its words and its snippet):
 * equal sources give equal documents. Cheap (no Markdown is parsed, no text copied), so a rebuild
 * can tell which documents changed before doing any work on them.
 */
export type DocumentSource = readonly [lang: Lang, title: string, minute: string, decision: string, resolved: readonly string[], recommended: readonly string[], reasons: string, body: string];

export function documentSourceOf(item: OpenItem, lang: Lang): DocumentSource {
  const text = textOf(item, lang);
  return [text.lang, text.title, item.minute ?? '', text.decision ?? '', text.resolved, text.recommended, text.reasons ?? '', text.body];
}

/** Whether two sources are equal (cheap when they share their strings, as an untranslated item's do in both languages). */
export function sameSource(a: DocumentSource, b: DocumentSource): boolean {
  const sameList = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && sameList(a[4], b[4]) && sameList(a[5], b[5]) && a[6] === b[6] && a[7] === b[7];
}

/** A source as one string, each part prefixed by its length (so no two sources give the same string). */
export function sourceText(source: DocumentSource): string {
  let text = '';
  for (const part of source) {
    if (typeof part === 'string') text += `${part.length}:${part}`;
    else {
      text += `[${part.length}`;
      for (const line of part) text += `${line.length}:${line}`;
    }
  }
  return text;
}

/** Snippet text shown under a result: the decision, then resolutions, then the body, cut at a word. */
export function snippetOf(doc: SearchDocument, length = 280): string {
  const text = [doc.fields.decision, doc.fields.resolutions, doc.fields.body]
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return `${text.slice(0, cut > length / 2 ? cut : length)}…`;
}
