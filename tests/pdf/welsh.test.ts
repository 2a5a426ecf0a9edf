import { describe, expect, it } from 'vitest';
import { jobHash } from '../../src/pdf/cache.ts';
import { planPdfs, type ItemJob, type PackJob } from '../../src/pdf/job.ts';
import { renderItem, renderPack } from '../../src/pdf/render.ts';
import type { Council } from '../../src/model/types.ts';
import { councilIn } from '../../src/model/localise.ts';
import { languageOfUrl } from '../../src/model/urls.ts';
import { makeCouncil, openItem } from './council.ts';
import { readPdf } from './read.ts';

const M = '2025-12-01-cabinet';

const translated = openItem(M, 'libraries', '2', {
  title: 'Library opening hours',
  resolved: ['That the opening hours be extended.'],
  body: 'The Cabinet considered the report.',
  translations: {
    cy: {
      lang: 'cy',
      title: 'Oriau agor llyfrgelloedd',
      resolved: ['Bod yr oriau agor yn cael eu hestyn.'],
      recommended: [],
      body: 'Ystyriodd y Cabinet yr adroddiad.',
      sourcePath: 'content/meetings/x/libraries.cy.md',
    },
  },
});
const englishOnly = openItem(M, 'roads', '3', { title: 'Road resurfacing', body: 'Members noted the programme.' });
const welshOnly = openItem(M, 'eisteddfod', '4', { title: 'Eisteddfod yr Urdd', lang: 'cy', body: 'Croesawodd yr Aelodau yr ŵyl.' });

/** A council that publishes in English and Welsh. */
function bilingual(): Council {
  const council = makeCouncil({ [M]: [translated, englishOnly, welshOnly] });
  return { ...council, site: { ...council.site, nameCy: 'Cyngor Bro Enghraifft' } };
}

const planned = planPdfs(bilingual());
const at = (path: string) => planned.find((p) => p.path === path)!.job;

/** The /Lang entries of a PDF's catalog and structure elements, as written in the file. */
function langEntries(bytes: Buffer): string[] {
  return [...bytes.toString('latin1').matchAll(/\/Lang \(([a-z]+)\)/g)].map((m) => m[1]!);
}

/** The job of one item inside a planned pack. */
const inPack = (packPath: string, slug: string) => (at(packPath) as PackJob).items.find((j) => j.item.slug === slug)!;

describe('Welsh PDFs', () => {
  it('prints an item PDF in each of the council’s languages the item has words in, and packs in both when both are used', () => {
    const paths = planned.map((p) => p.path);
    expect(paths).toContain(`meetings/${M}/libraries.pdf`);
    expect(paths).toContain(`cy/meetings/${M}/libraries.pdf`);
    expect(paths).toContain(`meetings/${M}/roads.pdf`);
    expect(paths).not.toContain(`cy/meetings/${M}/roads.pdf`);
    expect(paths).toContain(`cy/meetings/${M}/eisteddfod.pdf`);
    expect(paths).not.toContain(`meetings/${M}/eisteddfod.pdf`);
    expect(paths).toContain(`meetings/${M}/${M}.pdf`);
    expect(paths).toContain(`cy/meetings/${M}/${M}.pdf`);
    expect(planPdfs(makeCouncil({ [M]: [translated] })).some((p) => p.path.startsWith('cy/'))).toBe(false);
  });

  it('makes no Welsh pack for a meeting none of whose items has Welsh words, and links the English one from Welsh pages', () => {
    const council = bilingual();
    const english = { ...council, items: council.items.filter((i) => i.slug === 'roads'), meetings: council.meetings.map((m) => ({ ...m, items: m.items.filter((id) => id.endsWith('/roads')) })) };
    expect(planPdfs(english).map((p) => p.path)).toEqual([`meetings/${M}/roads.pdf`, `meetings/${M}/${M}.pdf`]);
    const welshPages = councilIn(english, 'cy');
    expect(welshPages.items[0]!.pdf).toBe(`/meetings/${M}/roads.pdf`);
    expect(welshPages.meetings.find((m) => m.slug === M)!.pack).toBe(`/meetings/${M}/${M}.pdf`);
    expect(languageOfUrl(welshPages.items[0]!.url).lang).toBe('cy');
  });

  it('links each page to the PDF of the words it shows', () => {
    const council = bilingual();
    const pdfOf = (lang: 'en' | 'cy', slug: string) => councilIn(council, lang).items.find((i) => i.slug === slug)!.pdf;
    expect(pdfOf('cy', 'libraries')).toBe(`/cy/meetings/${M}/libraries.pdf`);
    expect(pdfOf('cy', 'roads')).toBe(`/meetings/${M}/roads.pdf`);
    expect(pdfOf('en', 'eisteddfod')).toBe(`/cy/meetings/${M}/eisteddfod.pdf`);
    expect(pdfOf('en', 'libraries')).toBe(`/meetings/${M}/libraries.pdf`);
  });

  it('gives the English and Welsh PDF of an item different cache keys', () => {
    const en = at(`meetings/${M}/libraries.pdf`);
    const cy = at(`cy/meetings/${M}/libraries.pdf`);
    expect(jobHash(en, 'r')).not.toBe(jobHash(cy, 'r'));
  });

  it("prints a translated item's Welsh words with Welsh labels and declares Welsh in the catalog", async () => {
    const bytes = await renderItem(at(`cy/meetings/${M}/libraries.pdf`) as ItemJob);
    const { pdf, flat } = await readPdf(bytes);
    expect(flat).toContain('Oriau agor llyfrgelloedd');
    expect(flat).toContain('PENDERFYNWYD');
    expect(flat).toContain('Bod yr oriau agor yn cael eu hestyn.');
    expect(flat).toContain('Dydd Llun 1 Rhagfyr 2025');
    expect(flat).not.toContain('Library opening hours');
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info).toMatchObject({ Language: 'cy', Title: 'Oriau agor llyfrgelloedd', Author: 'Cyngor Bro Enghraifft', Subject: 'Cabinet, Dydd Llun 1 Rhagfyr 2025' });
  });

  it('prints an English-only item in the Welsh pack under a Welsh notice, its words tagged English', async () => {
    const bytes = await renderItem(inPack(`cy/meetings/${M}/${M}.pdf`, 'roads'));
    const { flat } = await readPdf(bytes);
    expect(flat).toContain('Nid yw’r eitem hon wedi’i chyhoeddi yn Gymraeg. Fe’i dangosir yn Saesneg');
    expect(flat).toContain('Road resurfacing');
    expect(flat).toContain('Members noted the programme.');
    expect(flat).toContain('Tudalen 1 o 1');
    expect(langEntries(bytes)).toEqual(expect.arrayContaining(['cy', 'en']));
  });

  it('prints a Welsh-only item in the English PDF of an English-only council under an English notice, its words tagged Welsh', async () => {
    const english = planPdfs(makeCouncil({ [M]: [welshOnly] }));
    expect(english.map((p) => p.path)).toEqual([`meetings/${M}/eisteddfod.pdf`, `meetings/${M}/${M}.pdf`]);
    const bytes = await renderItem(english[0]!.job as ItemJob);
    const { flat } = await readPdf(bytes);
    expect(flat).toContain('This item has not been published in English. It is shown in Welsh');
    expect(flat).toContain('Croesawodd yr Aelodau yr ŵyl.');
    expect(flat).toContain('Page 1 of 1');
    expect(langEntries(bytes)).toEqual(expect.arrayContaining(['en', 'cy']));
  });

  it('makes the Welsh meeting pack in Welsh, with each item in its Welsh version where there is one', async () => {
    const job = at(`cy/meetings/${M}/${M}.pdf`) as PackJob;
    expect(job.lang).toBe('cy');
    const { pdf, flat } = await readPdf(await renderPack(job));
    expect(flat).toContain('Papurau’r cyfarfod: Dydd Llun 1 Rhagfyr 2025');
    expect(flat).toContain('Oriau agor llyfrgelloedd');
    expect(flat).toContain('Road resurfacing');
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Language).toBe('cy');
  });
});
