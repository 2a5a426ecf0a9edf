import { describe, expect, it } from 'vitest';
import { planPdfs, type ItemJob, type PackJob } from '../../src/pdf/job.ts';
import { renderItem, renderPack } from '../../src/pdf/render.ts';
import type { AgendaItem } from '../../src/model/types.ts';
import { exemptItem, longTable, makeCouncil, openItem } from './council.ts';
import { readPdf, squash } from './read.ts';

const M = '2025-12-01-cabinet';

const welsh = openItem(M, 'gwyl-ddewi', '5', {
  title: 'Gŵyl Ddewi 2027 – Tŷ Hamdden',
  minute: '123',
  type: 'resolution',
  reportOf: 'Pennaeth Diwylliant',
  decision: 'Agreed a grant of £12,500 – subject to match funding.',
  resolved: ['That the festival at **Tŷ Hamdden** be supported.', 'That £12,500 be released from reserves.'],
  recommended: ['That Council notes the plan.', 'That officers report back in 2027.'],
  reasons: 'To support the Welsh language – and tourism.',
  attachments: [{ title: 'Festival budget', url: '/files/meetings/budget.csv', kind: 'file', size: 2048 }],
  body: [
    '## Background',
    '',
    'The festival in Llanfair-ym-Muallt will cost £3,000 – £4,500 and brings ŵyn ac ŷd to the square. See [the plan](https://example.gov.uk/plan).',
    '',
    '| Venue | Cost |',
    '|:---|---:|',
    '| Tŷ Hamdden | £1,200 |',
    '| Neuadd Gŵyl | £900 |',
    '',
    '1. First step',
    '   - nested point',
    '2. Second step',
    '',
    '> A quotation from the Welsh Language Commissioner.',
  ].join('\n'),
});

const long = openItem(M, 'budget', '6', {
  title: 'Medium Term Financial Plan',
  body: Array.from({ length: 12 }, (_, i) => `## Section ${i + 1}\n\n${'The Council must set a balanced budget each year and the plan explains how. '.repeat(10)}`).join('\n\n'),
});

const tabled = openItem(M, 'wards', '7', { title: 'Ward budgets', body: `Budgets by ward:\n\n${longTable(70)}` });

const secret = exemptItem(M, 'depot', '8');

/** The text without the running header and footer, which sit wherever a page breaks. */
function withoutFurniture(flat: string): string {
  return squash(flat.replace(/Cabinet · Monday 1 December 2025 Item \d+ Cyngor Bro Enghraifft County Council Page \d+ of \d+/g, ' '));
}

function jobs(items: AgendaItem[]) {
  return planPdfs(makeCouncil({ [M]: items }));
}

function itemJob(item: AgendaItem): ItemJob {
  const found = jobs([item]).find((p) => p.job.kind === 'item');
  return found!.job as ItemJob;
}

describe('an item PDF', () => {
  it('reads back the Welsh letters, pound signs and en dashes of its source', async () => {
    const flat = withoutFurniture((await readPdf(await renderItem(itemJob(welsh)))).flat);
    expect(flat).toContain('Gŵyl Ddewi 2027 – Tŷ Hamdden');
    expect(flat).toContain(squash('The festival in Llanfair-ym-Muallt will cost £3,000 – £4,500 and brings ŵyn ac ŷd to the square.'));
  });

  it('prints the structured parts in the fixed order before the narrative', async () => {
    const { flat } = await readPdf(await renderItem(itemJob(welsh)));
    const order = [
      'Cyngor Bro Enghraifft County Council',
      'Cabinet',
      'Monday 1 December 2025',
      'Item 5 · Minute 123 · Resolution',
      'Gŵyl Ddewi 2027 – Tŷ Hamdden',
      'Report of: Pennaeth Diwylliant',
      'Decision: Agreed a grant of £12,500 – subject to match funding.',
      'RESOLVED',
      'RECOMMENDED',
      'Reasons',
      'Attachments',
      'Background',
    ];
    const positions = order.map((text) => flat.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('numbers resolutions (a) (b) and recommendations (1) (2)', async () => {
    const flat = withoutFurniture((await readPdf(await renderItem(itemJob(welsh)))).flat);
    expect(flat).toContain('(a) That the festival at Tŷ Hamdden be supported.');
    expect(flat).toContain('(b) That £12,500 be released from reserves.');
    expect(flat).toContain('(1) That Council notes the plan.');
    expect(flat).toContain('(2) That officers report back in 2027.');
  });

  it('reads back table cells in row order', async () => {
    const flat = withoutFurniture((await readPdf(await renderItem(itemJob(welsh)))).flat);
    expect(flat).toContain('Venue Cost Tŷ Hamdden £1,200 Neuadd Gŵyl £900');
  });

  it('draws nested numbered and bullet lists with their labels', async () => {
    const { flat } = await readPdf(await renderItem(itemJob(welsh)));
    expect(withoutFurniture(flat)).toContain('1. First step – nested point 2. Second step');
  });

  it('makes links clickable with their absolute targets', async () => {
    const { pdf } = await readPdf(await renderItem(itemJob(welsh)));
    const uris: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const a of await (await pdf.getPage(n)).getAnnotations()) if (a.url) uris.push(a.url);
    }
    expect(uris).toEqual(['https://papers.example.gov.uk/files/meetings/budget.csv', 'https://example.gov.uk/plan']);
  });

  it('links "Referred from" to the item it came from', async () => {
    const A = '2025-11-03-cabinet';
    const source = openItem(A, 'plan', '4', { minute: '45' });
    const reference = openItem(M, 'reference', '3', {
      type: 'reference',
      referredFrom: { committee: 'cabinet', date: '2025-11-03', minute: '45', meeting: A, itemId: source.id },
    });
    const planned = planPdfs(makeCouncil({ [A]: [source], [M]: [reference] }));
    const job = planned.find((p) => p.job.kind === 'item' && p.job.item.id === reference.id)!.job as ItemJob;
    const { pdf, flat } = await readPdf(await renderItem(job));
    expect(flat).toContain('Referred from: Cabinet, Monday 3 November 2025, minute 45');
    const urls = (await (await pdf.getPage(1)).getAnnotations()).map((a) => a.url);
    expect(urls).toEqual([`https://papers.example.gov.uk/meetings/${A}/plan/`]);
  });

  it('runs a long item over several pages numbered "Page N of M"', async () => {
    const { pages } = await readPdf(await renderItem(itemJob(long)));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => expect(squash(text)).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('repeats the running header with committee and date on every page', async () => {
    const { pages } = await readPdf(await renderItem(itemJob(long)));
    for (const text of pages) expect(squash(text)).toContain('Cabinet · Monday 1 December 2025');
  });

  it('repeats a table header row at the top of each page the table runs onto', async () => {
    const { pages } = await readPdf(await renderItem(itemJob(tabled)));
    expect(pages.length).toBeGreaterThan(1);
    for (const text of pages.slice(1)) expect(squash(text)).toMatch(/^Ward Budget 2026\/27 Ward \d+/);
  });

  it('prints only the number, title and reason of an exempt item', async () => {
    const { pages, flat } = await readPdf(await renderItem(itemJob(secret)));
    expect(pages).toHaveLength(1);
    expect(flat).toContain('Item 8');
    expect(flat).toContain(secret.title);
    expect(flat).toContain(secret.exemptReason);
    const words = flat
      .replace('Cabinet · Monday 1 December 2025 Item 8', '')
      .replace('Cyngor Bro Enghraifft County Council Page 1 of 1', '')
      .replace(secret.title, '')
      .replace(secret.exemptReason, '')
      .replace('Not for publication This item is exempt from publication.', '');
    expect(squash(words)).toBe('Item 8');
  });

  it('labels a Welsh item in Welsh', async () => {
    const { flat } = await readPdf(await renderItem({ ...itemJob({ ...welsh, lang: 'cy' }), lang: 'cy' }));
    expect(flat).toContain('Dydd Llun 1 Rhagfyr 2025');
    expect(flat).toContain('PENDERFYNWYD');
    expect(flat).toContain('Tudalen 1 o');
  });
});

describe('a meeting pack', () => {
  const planned = jobs([welsh, long, secret]);
  const pack = planned.find((p) => p.job.kind === 'pack')!.job as PackJob;

  it('has a cover page with the agenda, then every item in agenda order', async () => {
    const { pages, flat } = await readPdf(await renderPack(pack));
    expect(squash(pages[0]!)).toContain('Agenda 5 Gŵyl Ddewi 2027 – Tŷ Hamdden 6 Medium Term Financial Plan 8 Disposal of land');
    const starts = [welsh.title, long.title, secret.title].map((t) => pages.findIndex((p, i) => i > 0 && squash(p).includes(t)));
    expect(starts[0]).toBe(1);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(flat).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('shows beside each agenda line the page its item starts on', async () => {
    const { pages } = await readPdf(await renderPack(pack));
    const starts = [welsh.title, long.title, secret.title].map((t) => pages.findIndex((p, i) => i > 0 && squash(p).includes(t)) + 1);
    expect(squash(pages[0]!)).toContain(`Disposal of land at the former depot ${starts.join(' ')}`);
  });

  it('has one bookmark per item', async () => {
    const { pdf } = await readPdf(await renderPack(pack));
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual([`5. ${welsh.title}`, `6. ${long.title}`, `8. ${secret.title}`]);
  });
});
