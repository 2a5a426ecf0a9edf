import type { AgendaItem, Council } from '../model/types.ts';
import { indexOf } from '../model/queries.ts';
import type { ItemJson } from './schemas.ts';
import { jsonFile } from './json.ts';

/** One item as /api/items.json publishes it. Fields are picked one by one: nothing is spread. */
export function itemJson(council: Council, item: AgendaItem): ItemJson {
  if (item.exempt) {
    return {
      item: item.item,
      title: item.title,
      exempt: true,
      exempt_reason: item.exemptReason,
      meeting: item.meeting,
      committee: item.committee,
      date: item.date,
      url: item.url,
      pdf: item.pdf,
    };
  }
  const index = indexOf(council);
  const from = item.referredFrom;
  return {
    title: item.title,
    type: item.type,
    committee: item.committee,
    date: item.date,
    meeting: item.meeting,
    item: item.item,
    minute: item.minute ?? null,
    issue: item.issue ?? null,
    url: item.url,
    pdf: item.pdf,
    decision: item.decision ?? null,
    resolved: [...item.resolved],
    recommended: [...item.recommended],
    key_decision: item.keyDecision,
    referred_from: from
      ? {
          committee: from.committee,
          date: from.date,
          minute: from.minute ?? null,
          meeting: from.meeting ?? null,
          url: from.itemId ? index.item(from.itemId).url : null,
        }
      : null,
    exempt: false,
    lang: item.lang,
    report_of: item.reportOf ?? null,
    reasons: item.reasons ?? null,
    call_in_deadline: item.callInDeadline ?? null,
    referred_to: item.referredTo.map((t) => ({
      committee: t.committee,
      date: t.date,
      meeting: t.meeting,
      url: index.item(t.itemId).url,
    })),
    attachments: item.attachments.map((a) => ({ title: a.title, url: a.url })),
  };
}

/** /api/items.json: every agenda item in meeting, then agenda, order. */
export function itemsJsonFile(council: Council): string {
  return jsonFile(council.items.map((item) => itemJson(council, item)));
}
