import { loadCouncil } from '../../src/content/load.ts';
import type { AgendaItem, Council, ExemptItem, OpenItem } from '../../src/model/types.ts';
import { urls } from '../../src/model/urls.ts';
import { makeExemptItem, makeOpenItem } from '../helpers/model.ts';

export const FIXTURE = new URL('../fixtures/valid/', import.meta.url).pathname;

/** The fixture council of tests/fixtures/valid, loaded by the real content loader. */
export async function fixtureCouncil(): Promise<Council> {
  const { council, problems } = await loadCouncil(FIXTURE);
  if (!council) throw new Error(`Fixture council does not load: ${JSON.stringify(problems)}`);
  return council;
}

type OpenFields = Partial<Omit<OpenItem, 'exempt'>>;

/** An open item in a meeting of `committee` on `date`, with defaults for everything else. */
export function openItem(slug: string, date: string, fields: OpenFields = {}, committee = 'cabinet'): OpenItem {
  return makeOpenItem(`${date}-${committee}`, slug, { item: '1', title: slug, ...fields }, committee);
}

export function exemptItem(slug: string, date: string, title: string, committee = 'cabinet'): ExemptItem {
  return makeExemptItem(`${date}-${committee}`, slug, { item: '9', title }, committee);
}

/** A council of the given items (sorted as the loader sorts them: by date, then as given). */
export function councilOf(items: AgendaItem[]): Council {
  const sorted = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const meetings = [...new Set(sorted.map((i) => i.meeting))].map((slug) => {
    const first = sorted.find((i) => i.meeting === slug)!;
    return {
      slug,
      committee: first.committee,
      date: first.date,
      status: 'held' as const,
      attendees: [],
      apologies: [],
      notes: '',
      url: urls.meeting(slug),
      pack: urls.meetingPack(slug),
      items: sorted.filter((i) => i.meeting === slug).map((i) => i.id),
      sourcePath: `content/meetings/${slug}/index.md`,
    };
  });
  const committees = [...new Set(sorted.map((i) => i.committee))].sort().map((slug) => ({
    slug,
    name: slug,
    category: 'executive' as const,
    termsOfReference: '',
    url: urls.committee(slug),
    meetings: meetings.filter((m) => m.committee === slug).map((m) => m.slug),
    sourcePath: `content/committees/${slug}.md`,
  }));
  return { site: { name: 'Test Council', timezone: 'Europe/London' }, committees, meetings, items: sorted, issues: [] };
}
