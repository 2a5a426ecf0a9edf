/**
 * A small council built by hand, for cases the fixture folder does not hold exactly: a 14:00
 * meeting either side of the October clock change, a cancelled meeting, a meeting with no time,
 * awkward CSV text, and an exempt item that (wrongly) carries secret fields, to prove no output
 * copies more than number, title and reason.
 */
import type { AgendaItem, Committee, Council, ExemptItem, Meeting, OpenItem } from '../../src/model/types.ts';
import { urls } from '../../src/model/urls.ts';
import { makeOpenItem } from '../helpers/model.ts';

export const SECRET = 'SECRET-EXEMPT-TEXT';
export const WELSH_TITLE = 'Gŵyl Ddewi: trefniadau’r ŵyl a’r tŷ';

function committee(slug: string, name: string, meetings: string[], nameCy?: string): Committee {
  return { slug, name, nameCy, category: 'executive', termsOfReference: '', url: urls.committee(slug), meetings, sourcePath: `committees/${slug}.md` };
}

function meeting(slug: string, committeeSlug: string, date: string, time: string | undefined, status: Meeting['status'], items: string[]): Meeting {
  return {
    slug,
    committee: committeeSlug,
    date,
    time,
    venue: 'Siambr y Cyngor, Neuadd y Sir',
    status,
    attendees: ['Cllr Siân Ŵen'],
    apologies: [],
    notes: '',
    url: urls.meeting(slug),
    pack: urls.meetingPack(slug),
    items,
    sourcePath: `meetings/${slug}/index.md`,
  };
}

function open(meetingSlug: string, slug: string, c: string, date: string, item: string, fields: Partial<OpenItem>): OpenItem {
  return makeOpenItem(meetingSlug, slug, { date, item, title: `Item ${item}`, type: 'resolution', body: 'Narrative.', ...fields }, c);
}

/** The hand-built council; `baseUrl` may be dropped to test sites without one. */
export function makeCouncil(options: { baseUrl?: string | null } = {}): Council {
  const summer = '2026-06-16-cabinet';
  const october = '2026-10-27-cabinet';
  const cancelled = '2026-11-05-full-council';
  const december = '2026-12-10-full-council';

  const gwyl = open(summer, 'gwyl', 'cabinet', '2026-06-16', '1', {
    title: WELSH_TITLE,
    lang: 'cy',
    minute: '101',
    issue: 'gwyl-ddewi',
    decision: 'Cytunwyd ar grant o £25,000 i’r ŵyl.',
    resolved: ['Bod y Cabinet yn cymeradwyo’r ŵyl.'],
    referredTo: [{ committee: 'full-council', date: '2026-12-10', meeting: december, itemId: `${december}/ref-gwyl` }],
  });
  const budget = open(october, 'budget', 'cabinet', '2026-10-27', '2', {
    title: 'Budget "savings", phase 2',
    minute: '=SUM(A1)',
    decision: 'Savings of £2m agreed, with conditions.',
    resolved: ['That the savings be agreed.', 'That officers report back, by March.'],
    keyDecision: true,
    callInDeadline: '2026-11-03',
    attachments: [{ title: 'Appendix A', url: urls.file('meetings/2026-10-27-cabinet/appendix a.pdf'), kind: 'file', size: 10 }],
  });
  const exempt = {
    id: `${october}/land`,
    slug: 'land',
    meeting: october,
    committee: 'cabinet',
    date: '2026-10-27',
    item: '3',
    title: 'Disposal of land at Aberllys',
    url: urls.item(october, 'land'),
    pdf: urls.itemPdf(october, 'land'),
    sourcePath: `meetings/${october}/land.md`,
    exempt: true,
    exemptReason: 'Paragraph 14 of Schedule 12A',
    // A loader bug could leave these behind: no output may copy them.
    body: SECRET,
    decision: SECRET,
    resolved: [SECRET],
    reasons: SECRET,
    minute: SECRET,
  } as ExemptItem;
  const reference = open(december, 'ref-gwyl', 'full-council', '2026-12-10', '1', {
    type: 'reference',
    title: `Reference from Cabinet: ${WELSH_TITLE}`,
    issue: 'gwyl-ddewi',
    referredFrom: { committee: 'cabinet', date: '2026-06-16', minute: '101', meeting: summer, itemId: gwyl.id },
    recommended: ['That Council notes the festival.'],
  });

  const items: AgendaItem[] = [gwyl, budget, exempt, reference];
  const site = { name: 'Cyngor Sir Prawf', timezone: 'Europe/London', ...(options.baseUrl === null ? {} : { baseUrl: options.baseUrl ?? 'https://papers.example.org' }) };
  return {
    site,
    committees: [
      committee('cabinet', 'Cabinet', [summer, october]),
      committee('full-council', 'Full Council', [cancelled, december], 'Cyngor Llawn'),
    ],
    meetings: [
      meeting(summer, 'cabinet', '2026-06-16', '14:00', 'held', [gwyl.id]),
      meeting(october, 'cabinet', '2026-10-27', '14:00', 'held', [budget.id, exempt.id]),
      meeting(cancelled, 'full-council', '2026-11-05', '14:00', 'cancelled', []),
      meeting(december, 'full-council', '2026-12-10', undefined, 'scheduled', [reference.id]),
    ],
    items,
    issues: [{ slug: 'gwyl-ddewi', url: urls.issue('gwyl-ddewi'), title: WELSH_TITLE, items: [gwyl.id, reference.id] }],
  };
}

export const absolute = (url: string) => `https://papers.example.org${url}`;
