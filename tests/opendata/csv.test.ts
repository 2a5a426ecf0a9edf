import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, decisionsCsvFile, DECISIONS_CSV_COLUMNS } from '../../src/opendata/decisions-csv.ts';
import { makeCouncil, SECRET, WELSH_TITLE } from './factory.ts';

const csv = decisionsCsvFile(makeCouncil());
const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true });

describe('/api/decisions.csv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFdate,committee,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true);
  });

  it('has one row per decided item, oldest first, under the documented columns', () => {
    expect(Object.keys(rows[0]!)).toEqual([...DECISIONS_CSV_COLUMNS]);
    expect(rows.map((r) => r.meeting)).toEqual(['2026-06-16-cabinet', '2026-10-27-cabinet']);
  });

  it('round-trips quotes, commas and several resolutions in one cell', () => {
    const budget = rows[1]!;
    expect(budget.title).toBe('Budget "savings", phase 2');
    expect(budget.resolved).toBe('That the savings be agreed.\nThat officers report back, by March.');
    expect(budget).toMatchObject({ key_decision: 'yes', call_in_deadline: '2026-11-03', committee: 'Cabinet' });
  });

  it('keeps Welsh letters intact', () => {
    expect(rows[0]!.title).toBe(WELSH_TITLE);
  });

  it('guards a cell a spreadsheet would run as a formula', () => {
    expect(rows[1]!.minute).toBe("'=SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
  });

  it('gives absolute URLs when the site has a base URL, site-relative ones otherwise', () => {
    expect(rows[0]!.pdf).toBe('https://papers.example.org/meetings/2026-06-16-cabinet/gwyl.pdf');
    const bare: Record<string, string>[] = parse(decisionsCsvFile(makeCouncil({ baseUrl: null })), { bom: true, columns: true });
    expect(bare[0]!.url).toBe('/meetings/2026-06-16-cabinet/gwyl/');
  });

  it('never includes an exempt item', () => {
    expect(csv).not.toContain(SECRET);
    expect(csv).not.toContain('Aberllys');
  });
});
