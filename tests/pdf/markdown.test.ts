import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/pdf/document.ts';
import { PdfRenderer } from '../../src/pdf/renderer.ts';
import { readPdf, squash } from './read.ts';

/** Cases in the style of markdown-it's fixtures: Markdown, ".", the text read back, "~~~". */
function cases(file: string): { title: string; source: string; expected: string }[] {
  const text = readFileSync(new URL(file, import.meta.url), 'utf8');
  return text
    .split(/^~~~$/m)
    .map((block) => block.replace(/^[\s\S]*?^# /m, ''))
    .filter((block) => block.includes('\n.\n'))
    .map((block) => {
      const [head, expected] = block.split(/\n\.\n/) as [string, string];
      const [title, ...source] = head.split('\n');
      return { title: title!, source: source.join('\n'), expected: squash(expected) };
    });
}

async function render(source: string): Promise<string> {
  const { surface, finish } = createDocument({
    title: 't',
    author: 'a',
    subject: 's',
    keywords: [],
    lang: 'en',
    date: new Date(Date.UTC(2025, 0, 1)),
    header: '',
    footer: '',
  });
  new PdfRenderer(surface).markdown(source);
  const { flat } = await readPdf(await finish());
  return squash(flat.replace(/Page \d+ of \d+/g, ''));
}

describe('Markdown in a PDF', () => {
  for (const c of cases('./fixtures/markdown.txt')) {
    it(c.title, async () => {
      expect(await render(c.source)).toBe(c.expected);
    });
  }
});
