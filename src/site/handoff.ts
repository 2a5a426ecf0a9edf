import type { BuildContext } from '../build/context.ts';
import type { Lang } from '../model/types.ts';

// .eleventy.js loads this project's TypeScript through its own tsx loader, so module-level state is
// not shared with the build that started Eleventy; a registered symbol on globalThis is.
const KEY = Symbol.for('minutebook.build-context');
const LANG = Symbol.for('minutebook.page-language');

/** Hand the running build's context to the Eleventy plugin. */
export function setBuildContext(ctx: BuildContext | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = ctx;
}

/** The context of the build that started Eleventy, if any. */
export function getBuildContext(): BuildContext | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as BuildContext | undefined;
}

/** The language of the pages the next Eleventy run writes (one run per language). */
export function setPageLanguage(lang: Lang): void {
  (globalThis as Record<symbol, unknown>)[LANG] = lang;
}

export function getPageLanguage(): Lang {
  return ((globalThis as Record<symbol, unknown>)[LANG] as Lang | undefined) ?? 'en';
}
