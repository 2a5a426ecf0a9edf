import type { BuildContext } from '../build/context.ts';
import type { Council, Lang } from '../model/types.ts';
import type { PageSelection } from './page-keys.ts';

// .eleventy.js loads this project's TypeScript through its own tsx loader, so module-level state is
// not shared with the build that started Eleventy; a registered symbol on globalThis is.
const KEY = Symbol.for('minutebook.build-context');
const LANG = Symbol.for('minutebook.page-language');
const PLAN = Symbol.for('minutebook.page-plan');

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

/** The next Eleventy run's council (in its language) and the item, meeting and issue pages it renders. */
export interface PagePlan {
  council: Council;
  selection: PageSelection;
  /** Called as each item, meeting or issue page is written. */
  onPage?: () => void;
  /** Render only this template (a later run of a big archive's item pages); default: every template. */
  only?: string;
}

export function setPagePlan(plan: PagePlan | undefined): void {
  (globalThis as Record<symbol, unknown>)[PLAN] = plan;
}

export function getPagePlan(): PagePlan | undefined {
  return (globalThis as Record<symbol, unknown>)[PLAN] as PagePlan | undefined;
}
