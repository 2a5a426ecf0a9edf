import { readFileSync } from 'node:fs';
import type { Lang } from '../../model/types.ts';

/** A locale file: nested keys; a leaf is a string, or `{ one, other }` for a count. */
export interface Messages {
  [key: string]: string | Messages;
}

const cache = new Map<Lang, Messages>();

/** The messages of a locale, read from src/site/locales/<lang>.json. */
export function messagesOf(lang: Lang): Messages {
  const hit = cache.get(lang);
  if (hit) return hit;
  const messages = JSON.parse(readFileSync(new URL(`./${lang}.json`, import.meta.url), 'utf8')) as Messages;
  cache.set(lang, messages);
  return messages;
}

export type Params = Record<string, string | number | undefined>;

/**
 * The text for `key` ("meeting.agenda") in `lang`, with `{name}` placeholders filled from params.
 * A `{ one, other }` entry is chosen by params.count. A missing key throws: no page ships with a
 * blank label.
 */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  let entry: string | Messages | undefined = messagesOf(lang);
  for (const part of key.split('.')) entry = typeof entry === 'object' ? entry[part] : undefined;
  if (typeof entry === 'object' && 'other' in entry) {
    entry = params.count === 1 && typeof entry.one === 'string' ? entry.one : entry.other;
  }
  if (typeof entry !== 'string') throw new Error(`No text "${key}" in src/site/locales/${lang}.json`);
  return entry.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Text "${key}" needs {${name}}`);
    return String(value);
  });
}
