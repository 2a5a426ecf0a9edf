import type { Council } from '../model/types.ts';
import { indexOf, isDecided } from '../model/queries.ts';
import { absoluteFor } from './absolute.ts';

export const DECISIONS_CSV_COLUMNS = [
  'date',
  'committee',
  'meeting',
  'item',
  'minute',
  'title',
  'decision',
  'resolved',
  'key_decision',
  'call_in_deadline',
  'url',
  'pdf',
] as const;

/**
 * A CSV field per RFC 4180: quoted when it holds a quote, comma or line break. A field that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe,
 * as OWASP advises for CSV injection.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * /api/decisions.csv: one row per decided item, oldest first. UTF-8 with a byte order mark so
 * Excel reads Welsh letters; CRLF line ends; several resolutions share a cell, one per line.
 * URLs are absolute when the site has a base_url, site-relative otherwise.
 */
export function decisionsCsvFile(council: Council): string {
  const index = indexOf(council);
  const absolute = absoluteFor(council.site) ?? ((url: string) => url);
  const rows: string[][] = [[...DECISIONS_CSV_COLUMNS]];
  for (const item of council.items) {
    if (!isDecided(item)) continue;
    rows.push([
      item.date,
      index.committee(item.committee).name,
      item.meeting,
      item.item,
      item.minute ?? '',
      item.title,
      item.decision ?? '',
      item.resolved.join('\n'),
      item.keyDecision ? 'yes' : 'no',
      item.callInDeadline ?? '',
      absolute(item.url),
      absolute(item.pdf),
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
