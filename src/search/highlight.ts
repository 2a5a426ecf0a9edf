import type { Lang } from '../model/types.ts';
import { tokenize } from './tokenize.ts';

/** A run of text, marked when it is a word the search matched. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Split a text into marked and unmarked runs: a word is marked when its term (in the text's
 * language) is one of the matched terms. The browser turns segments into text nodes and <mark>
 * elements, so no content ever passes through an HTML parser.
 */
export function highlight(text: string, lang: Lang, terms: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const token of tokenize(text, lang)) {
    if (token.term === undefined || !terms.has(token.term)) continue;
    if (token.start > at) segments.push({ text: text.slice(at, token.start), mark: false });
    segments.push({ text: text.slice(token.start, token.end), mark: true });
    at = token.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}
