import type { AgendaItem, Council, ExemptItem, Meeting, OpenItem } from '../../src/model/types.ts';
import { urls } from '../../src/model/urls.ts';
import { makeExemptItem, makeOpenItem } from '../helpers/model.ts';

/** An open item of meeting `meeting`, with only what a test sets beyond the minimum. */
export function openItem(meeting: string, slug: string, item: string, fields: Partial<OpenItem> = {}): OpenItem {
  return makeOpenItem(meeting, slug, { item, title: `Item ${item}`, ...fields });
}

export function exemptItem(meeting: string, slug: string, item: string, fields: Partial<ExemptItem> = {}): ExemptItem {
  return makeExemptItem(meeting, slug, {
    item,
    title: 'Disposal of land at the former depot',
    exemptReason: 'Paragraph 14 of Schedule 12A to the Local Government Act 1972: financial or business affairs.',
    ...fields,
  });
}

function meeting(slug: string, items: AgendaItem[], fields: Partial<Meeting> = {}): Meeting {
  return {
    slug,
    committee: 'cabinet',
    date: slug.slice(0, 10),
    time: '10:00',
    venue: 'Council Chamber, Neuadd y Sir',
    status: 'held',
    attendees: [],
    apologies: [],
    notes: '',
    url: urls.meeting(slug),
    pack: urls.meetingPack(slug),
    items: items.map((i) => i.id),
    sourcePath: `content/meetings/${slug}/index.md`,
    ...fields,
  };
}

/** A council with one committee and the given meetings (slug → items); a cancelled meeting with no items is always added. */
export function makeCouncil(meetings: Record<string, AgendaItem[]>): Council {
  const all = Object.entries(meetings).map(([slug, items]) => meeting(slug, items));
  all.push(meeting('2025-12-15-cabinet', [], { status: 'cancelled' }));
  all.sort((a, b) => a.date.localeCompare(b.date));
  return {
    site: { name: 'Cyngor Bro Enghraifft County Council', timezone: 'Europe/London', baseUrl: 'https://papers.example.gov.uk' },
    committees: [
      {
        slug: 'cabinet',
        name: 'Cabinet',
        nameCy: 'Cabinet',
        category: 'executive',
        termsOfReference: '',
        url: urls.committee('cabinet'),
        meetings: all.map((m) => m.slug),
        sourcePath: 'content/committees/cabinet.md',
      },
    ],
    meetings: all,
    items: all.flatMap((m) => Object.entries(meetings).find(([slug]) => slug === m.slug)?.[1] ?? []),
    issues: [],
  };
}

/** A Markdown table of `rows` rows, long enough to run over a page break. */
export function longTable(rows: number): string {
  const lines = ['| Ward | Budget 2026/27 |', '|:---|---:|'];
  for (let i = 1; i <= rows; i++) lines.push(`| Ward ${i} | £${(i * 1250).toLocaleString('en-GB')} |`);
  return lines.join('\n');
}
