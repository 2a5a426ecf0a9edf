// Wiring only: the Minutebook plugin (TypeScript, loaded through tsx) does the work.
// Eleventy 3 ignores eleventy.config.ts, hence this file.
import { tsImport } from 'tsx/esm/api';

export default async function (eleventyConfig) {
  const { default: minutebook } = await tsImport('./src/site/plugin.ts', import.meta.url);
  eleventyConfig.addPlugin(minutebook);
  return {
    dir: { includes: '_includes' },
    htmlTemplateEngine: 'njk',
  };
}
