/**
 * The floor `npm run bench` compares the build with, naive on purpose (issue #6): gray-matter,
 * markdown-it and a template literal write one HTML page per item, then a plain pdfkit loop on one
 * core writes one PDF per item (title and body paragraphs, text only) with the Noto Sans TTF
 * registered anew for every document. Prints its phase times as JSON on the last line.
 *
 *   node --import tsx bench/floor.ts CONTENT_DIR OUT_DIR
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import PDFDocument from 'pdfkit';

const FONT = path.resolve('node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
const [contentDir, outDir] = process.argv.slice(2) as [string, string];

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const md = new MarkdownIt();

const started = performance.now();
const items: { folder: string; slug: string; title: string; body: string }[] = [];
for (const folder of (await readdir(path.join(contentDir, 'meetings'))).sort()) {
  for (const file of (await readdir(path.join(contentDir, 'meetings', folder))).sort()) {
    if (!file.endsWith('.md') || file === 'index.md') continue;
    const { data, content } = matter(await readFile(path.join(contentDir, 'meetings', folder, file), 'utf8'));
    items.push({ folder, slug: file.slice(0, -3), title: String(data.title), body: content });
  }
}
for (const item of items) {
  const dir = path.join(outDir, 'meetings', item.folder, item.slug);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(item.title)}</title></head><body><h1>${escape(item.title)}</h1>${md.render(item.body)}</body></html>`,
  );
}
const pagesMs = performance.now() - started;

const pdfStarted = performance.now();
for (const item of items) {
  const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
  doc.registerFont('Noto', FONT);
  doc.font('Noto');
  const done = new Promise<void>((resolve, reject) => doc.pipe(createWriteStream(path.join(outDir, 'meetings', item.folder, item.slug, 'item.pdf'))).on('finish', () => resolve()).on('error', reject));
  doc.fontSize(16).text(item.title).moveDown();
  doc.fontSize(11);
  for (const paragraph of item.body.split(/\n\s*\n/)) doc.text(paragraph.trim()).moveDown(0.5);
  doc.end();
  await done;
}
const pdfMs = performance.now() - pdfStarted;
console.log(JSON.stringify({ items: items.length, pagesMs: Math.round(pagesMs), pdfMs: Math.round(pdfMs) }));
