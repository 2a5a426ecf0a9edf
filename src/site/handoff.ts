import type { BuildContext } from '../build/context.ts';

// .eleventy.js loads this project's TypeScript through its own tsx loader, so module-level state is
// not shared with the build that started Eleventy; a registered symbol on globalThis is.
const KEY = Symbol.for('minutebook.build-context');

/** Hand the running build's context to the Eleventy plugin. */
export function setBuildContext(ctx: BuildContext | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = ctx;
}

/** The context of the build that started Eleventy, if any. */
export function getBuildContext(): BuildContext | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as BuildContext | undefined;
}
