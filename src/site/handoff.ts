import type { BuildContext } from '../build/context.ts';
import type { Council, Lang } from '../model/types.ts';
import type { PageSelection } from './page-keys.ts';
import type { ListViews } from './views/lists.ts';

// The plugin reads what the pages stage hands it from registered symbols on globalThis rather than
// module state: a plugin loaded through a config file (.eleventy.js, through its own tsx loader)
// would see its own copy of this module. The pages stage gives Eleventy the plugin itself.
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

/** The next Eleventy run's council (in its language) and the pages it renders. */
export interface PagePlan {
  council: Council;
  /** The records whose pages the paginated templates render (the others are unchanged). */
  selection: PageSelection;
  /** What the list pages show besides the council (the same the pages' keys were made from). */
  views: ListViews;
  /** The templates in layouts/ this run renders (file names); the others are left out. */
  templates: ReadonlySet<string>;
  /** Called as each item, meeting or issue page is written. */
  onPage?: () => void;
}

export function setPagePlan(plan: PagePlan | undefined): void {
  (globalThis as Record<symbol, unknown>)[PLAN] = plan;
}

export function getPagePlan(): PagePlan | undefined {
  return (globalThis as Record<symbol, unknown>)[PLAN] as PagePlan | undefined;
}
