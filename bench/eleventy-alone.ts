/**
 * Eleventy alone, as a reference for `npm run bench`: a minimal Eleventy 3 project (one template
 * paginated over every item's front matter, one small page per item), run through the programmatic
 * API. The project is written into WORK_DIR; prints its time as JSON on the last line.
 *
 *   node --import tsx bench/eleventy-alone.ts CONTENT_DIR WORK_DIR
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import matter from 'gray-matter';

const [contentDir, workDir] = process.argv.slice(2) as [string, string];
const started = performance.now();
const items: Record<string, unknown>[] = [];
for (const folder of (await readdir(path.join(contentDir, 'meetings'))).sort()) {
  for (const file of (await readdir(path.join(contentDir, 'meetings', folder))).sort()) {
    if (!file.endsWith('.md') || file === 'index.md') continue;
    const { data } = matter(await readFile(path.join(contentDir, 'meetings', folder, file), 'utf8'));
    items.push({ ...data, url: `meetings/${folder}/${file.slice(0, -3)}` });
  }
}
const input = path.join(workDir, 'src');
await mkdir(input, { recursive: true });
await writeFile(
  path.join(input, 'item.njk'),
  `---
pagination:
  data: items
  size: 1
  alias: entry
permalink: "/{{ entry.url }}/index.html"
---
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ entry.title }}</title></head>
<body><h1>{{ entry.title }}</h1><p>Item {{ entry.item }}, minute {{ entry.minute }}</p>{% if entry.decision %}<p>{{ entry.decision }}</p>{% endif %}</body></html>
`,
);
// Its own (empty) config file, so the project's .eleventy.js is not picked up.
const configPath = path.join(workDir, 'eleventy.config.mjs');
await writeFile(configPath, 'export default function () {}\n');
const eleventy = new Eleventy(input, path.join(workDir, '_site'), {
  quietMode: true,
  configPath,
  config: (config: unknown) => (config as { addGlobalData(name: string, value: unknown): void }).addGlobalData('items', items),
});
await eleventy.write();
console.log(JSON.stringify({ items: items.length, ms: Math.round(performance.now() - started) }));
