import { describe, expect, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { planPdfs, type ItemJob } from '../../src/pdf/job.ts';
import { renderItem } from '../../src/pdf/render.ts';
import { makeCouncil, openItem } from './council.ts';
import { poppler, readPdf } from './read.ts';

const M = '2025-12-01-cabinet';
const item = openItem(M, 'report', '5', {
  title: 'Annual report <draft> & "summary"',
  lang: 'cy',
  resolved: ['That the report be noted.'],
  body: '## Cefndir\n\nParagraff gyda [dolen](https://example.gov.uk) a **thestun trwm**.\n\n- un\n- dau\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n\n---\n\n> Dyfyniad',
});
// The item is written in Welsh: its Welsh PDF (the council here publishes in English only, so set the PDF's language).
const job = { ...(planPdfs(makeCouncil({ [M]: [item] })).find((p) => p.job.kind === 'item')!.job as ItemJob), lang: 'cy' as const };
const bytes = await renderItem(job);

interface StructNode {
  role?: string;
  children?: StructNode[];
}

function roles(node: StructNode | null, into = new Set<string>()): Set<string> {
  if (node?.role) into.add(node.role);
  for (const child of node?.children ?? []) roles(child, into);
  return into;
}

/** Text drawn inside Artifact marked content, and text drawn outside any marked content. */
async function markedText(pdf: PDFDocumentProxy, n: number) {
  const content = await (await pdf.getPage(n)).getTextContent({ includeMarkedContent: true });
  const stack: string[] = [];
  const artifact: string[] = [];
  const untagged: string[] = [];
  for (const i of content.items) {
    if ('type' in i && i.type === 'beginMarkedContent') stack.push('Artifact');
    else if ('type' in i && i.type === 'beginMarkedContentProps') stack.push(String((i as { tag?: string }).tag));
    else if ('type' in i && i.type === 'endMarkedContent') stack.pop();
    else if ('str' in i && i.str.trim() !== '') (stack.length === 0 ? untagged : stack.includes('Artifact') ? artifact : []).push(i.str);
  }
  return { artifact: artifact.join(' '), untagged };
}

describe('PDF accessibility', () => {
  it('is a tagged PDF with a structure tree of headings, paragraphs, lists, tables and links', async () => {
    const { pdf } = await readPdf(bytes);
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const tree = (await (await pdf.getPage(1)).getStructTree()) as StructNode;
    const found = roles(tree);
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Link', 'BlockQuote']) {
      expect(found, role).toContain(role);
    }
  });

  it("declares the item's language and shows its title in the window bar", async () => {
    const { pdf } = await readPdf(bytes);
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Language).toBe('cy');
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/DisplayDocTitle true/);
  });

  it('carries title, author, subject, keywords and the meeting date as its dates', async () => {
    const { pdf } = await readPdf(bytes);
    const { info, metadata } = (await pdf.getMetadata()) as unknown as {
      info: Record<string, unknown>;
      metadata: { get(k: string): unknown };
    };
    expect(info).toMatchObject({
      Title: item.title,
      Author: 'Cyngor Bro Enghraifft County Council',
      Subject: 'Cabinet, Dydd Llun 1 Rhagfyr 2025',
      CreationDate: 'D:20251201000000Z',
      ModDate: 'D:20251201000000Z',
    });
    expect(String(info.Keywords)).toContain('item 5');
    // The XMP copy of the title is escaped, not markup.
    expect(metadata.get('dc:title')).toBe(item.title);
  });

  it('embeds every font it uses', () => {
    const rows = poppler('pdffonts', bytes).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
  });

  it('marks the running header and footer as artifacts and leaves no text untagged', async () => {
    const { pdf } = await readPdf(bytes);
    const { artifact, untagged } = await markedText(pdf, 1);
    expect(artifact).toContain('Tudalen 1 o 1');
    expect(artifact).toContain('Cabinet · Dydd Llun 1 Rhagfyr 2025');
    expect(untagged).toEqual([]);
  });
});

describe('PDF headings', () => {
  it('never skip a level, even when the Markdown does', async () => {
    const skipping = openItem(M, 'skip', '6', { body: '#### Deep heading\n\ntext\n\n## Back up\n\n###### Deeper still\n\ntext' });
    const j = planPdfs(makeCouncil({ [M]: [skipping] })).find((p) => p.job.kind === 'item')!.job as ItemJob;
    const { pdf } = await readPdf(await renderItem(j));
    const headings: number[] = [];
    const walk = (node: StructNode | null) => {
      const m = /^H(\d)$/.exec(node?.role ?? '');
      if (m) headings.push(Number(m[1]));
      (node?.children ?? []).forEach(walk);
    };
    walk((await (await pdf.getPage(1)).getStructTree()) as StructNode);
    expect(headings).toEqual([1, 2, 2, 3]);
  });
});
