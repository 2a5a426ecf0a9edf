import { indexOf } from '../../model/queries.ts';
import type { AgendaItem, Council, Lang } from '../../model/types.ts';
import { translate } from '../locales/index.ts';
import { committeeName } from './names.ts';

/** "Minutes", "Reference from Cabinet", "Resolution"; "Exempt" for an exempt item. */
export function itemTypeLabel(council: Council, item: AgendaItem, lang: Lang): string {
  if (item.exempt) return translate(lang, 'item.exempt');
  switch (item.type) {
    case 'minutes':
      return translate(lang, 'item.typeMinutes');
    case 'resolution':
      return translate(lang, 'item.typeResolution');
    case 'reference':
      return translate(lang, 'item.typeReference', {
        committee: item.referredFrom ? committeeName(council, item.referredFrom.committee, lang) : '',
      });
  }
}

/** The items before and after this one on its meeting's agenda. */
export function neighbours(council: Council, item: AgendaItem): { previous?: AgendaItem; next?: AgendaItem } {
  const index = indexOf(council);
  const agenda = index.itemsOf(index.meeting(item.meeting));
  const at = agenda.findIndex((i) => i.id === item.id);
  return {
    ...(at > 0 && { previous: agenda[at - 1] }),
    ...(at < agenda.length - 1 && { next: agenda[at + 1] }),
  };
}
