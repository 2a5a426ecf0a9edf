import lunr from 'lunr';
import type { Lang } from '../model/types.ts';
import { STOP_WORDS } from './stopwords.ts';

/**
 * The one text pipeline of search, shared by the index build and the browser bundle, so a word
 * is turned into the same term on both sides.
 *
 * lunr's own tokenizer splits on whitespace and its trimmer strips `\W`, which is ASCII-only:
 * "Ŵyl" becomes "yl" and can never be found. Here a word is a run of Unicode letters, marks and
 * digits (apostrophes inside a word join it: "officer's", "i'r"), so nothing needs trimming.
 */

/** A word as found in a text: where it is and the term it indexes as (undefined for stop words). */
export interface Token {
  start: number;
  end: number;
  term: string | undefined;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const MARKS_AND_APOSTROPHES = /[\p{M}'’]+/gu;

/** Lower-case and fold accents away (ŵ -> w, ô -> o, ﬁ -> fi): "Gŵyl" and "gwyl" are one word. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(MARKS_AND_APOSTROPHES, '').toLowerCase();
}

/** English (Porter) stem of a folded word, as lunr stems it. */
export function stem(folded: string): string {
  return lunr.stemmer(new lunr.Token(folded, {})).toString();
}

// Words repeat far more than they vary: remembering each word's term makes indexing a 30,000-item
// archive several times faster. Cleared when large, so memory stays bounded.
const remembered: Record<Lang, Map<string, string | undefined>> = { en: new Map(), cy: new Map() };
const REMEMBER_AT_MOST = 200_000;

/** The term a word indexes as in a text of the given language; undefined for a stop word. */
export function termOf(word: string, lang: Lang): string | undefined {
  const cache = remembered[lang];
  if (cache.has(word)) return cache.get(word);
  const folded = fold(word);
  // Welsh mutates and inflects differently; an English stemmer would only mangle it.
  const term = folded === '' || STOP_WORDS.has(folded) ? undefined : lang === 'en' ? stem(folded) : folded;
  if (cache.size >= REMEMBER_AT_MOST) cache.clear();
  cache.set(word, term);
  return term;
}

/** Call `visit` with each word of a text (as written) and where it starts. */
export function forEachWord(text: string, visit: (word: string, start: number) => void): void {
  const pattern = new RegExp(WORD.source, 'gu');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) visit(match[0], match.index);
}

/** Every word of a text, with its position and term. */
export function tokenize(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (word, start) => tokens.push({ start, end: start + word.length, term: termOf(word, lang) }));
  return tokens;
}

/** The terms of a text, in order, stop words left out. */
export function termsOf(text: string, lang: Lang): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text, lang)) if (token.term !== undefined) terms.push(token.term);
  return terms;
}

/**
 * The terms one query word may have been indexed as. The searcher's language is unknown, so a
 * word is looked up both as written (folded, as Welsh items index it) and stemmed (as English
 * items do): "planning" -> ["planning", "plan"], "gŵyl" -> ["gwyl"].
 */
export function queryTermsOf(word: string): string[] {
  const folded = fold(word);
  if (folded === '' || STOP_WORDS.has(folded)) return [];
  const stemmed = stem(folded);
  return stemmed === folded ? [folded] : [folded, stemmed];
}

/** Split a query into words, each with the terms it may match; stop words are dropped. */
export function parseQuery(query: string): { word: string; terms: string[] }[] {
  const words: { word: string; terms: string[] }[] = [];
  const seen = new Set<string>();
  for (const match of query.matchAll(WORD)) {
    const terms = queryTermsOf(match[0]);
    const key = terms.join(' ');
    if (terms.length === 0 || seen.has(key)) continue;
    seen.add(key);
    words.push({ word: match[0], terms });
  }
  return words;
}
