import { createRequire } from 'node:module';

/** What a compiled Nunjucks template is: its root render function and one function per block. */
type Props = Record<string, unknown>;

interface NunjucksTemplate {
  env: object;
  path?: string;
  tmplStr?: string;
  tmplProps?: Props;
  blocks: Record<string, unknown>;
  rootRenderFunc: unknown;
  _compile(): void;
}

const PATCHED = Symbol.for('minutebook.nunjucks-compile-cache');

/**
 * Eleventy 3 makes a new Nunjucks Template for every page it paginates (and for every permalink),
 * and Nunjucks compiles each one from source: at 10,000 items most of the pages stage went into
 * compiling the same item template, and `{{ item.url }}`, again and again. This shares the compiled
 * functions between Template objects of one Nunjucks environment with the same path and source.
 * A compiled template is pure code (it takes the environment, context and frame when it renders),
 * so sharing it changes no output; a template that fails to compile is not cached.
 */
export function shareNunjucksCompilation(): void {
  // The Nunjucks Eleventy itself imports, not a copy of our own.
  const fromEleventy = createRequire(import.meta.resolve('@11ty/eleventy'));
  const { Template } = fromEleventy('nunjucks') as { Template: { prototype: NunjucksTemplate & Record<symbol, unknown> } };
  const proto = Template.prototype;
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;

  const compiled = new WeakMap<object, Map<string, Props>>();
  const compile = proto._compile;
  proto._compile = function (this: NunjucksTemplate) {
    if (this.tmplProps || typeof this.tmplStr !== 'string') return compile.call(this);
    let ofEnv = compiled.get(this.env);
    if (!ofEnv) compiled.set(this.env, (ofEnv = new Map()));
    const key = `${this.path ?? ''}\u0000${this.tmplStr}`;
    const known = ofEnv.get(key);
    if (known) {
      this.tmplProps = known;
      return compile.call(this);
    }
    compile.call(this);
    const props: Props = { root: this.rootRenderFunc };
    for (const [name, block] of Object.entries(this.blocks)) props[`b_${name}`] = block;
    ofEnv.set(key, props);
  };
}
