import type { Council, Lang } from '../../model/types.ts';

/** A record's name in the page's language: the Welsh name on Welsh pages when there is one. */
export function nameIn(record: { name: string; nameCy?: string }, lang: Lang): string {
  return lang === 'cy' && record.nameCy ? record.nameCy : record.name;
}

/** The language a record's name is shown in on a `lang` page, when that is not `lang` (for its `lang` attribute). */
export function nameLang(record: { name: string; nameCy?: string }, lang: Lang): Lang | undefined {
  return lang === 'cy' && !record.nameCy ? 'en' : undefined;
}

/**
 * A committee's name by slug. A referral may name a committee that has no page here (the loader
 * warns); its slug is shown then rather than failing the build.
 */
export function committeeName(council: Council, slug: string, lang: Lang): string {
  const found = council.committees.find((c) => c.slug === slug);
  return found ? nameIn(found, lang) : slug;
}
