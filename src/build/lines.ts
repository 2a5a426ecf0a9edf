/**
 * The record lines of a file in the build's lines format, or undefined if it is not one (another
 * header) or is damaged (a line with too few fields): a header line, then one record per line, its
 * fields separated by tabs, the last (a path or URL: the record's name) free to hold anything but a
 * line break. The build's memories are kept this way, not as JSON: at 85,000 files a line format
 * reads and writes in a fraction of the time. Lines are not split into fields: a reader looks into
 * a record only when asked about it (fieldStart finds a field).
 */
export function parseLineList(text: string, header: string, fieldCount: number): string[] | undefined {
  const lines = text.split('\n');
  if (lines[0] !== header) return undefined;
  const records: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (fieldStart(line, fieldCount - 1) < 0) return undefined;
    records.push(line);
  }
  return records;
}

/** Where field `n` (from 0) of a record line starts, or -1 if the line has fewer fields. */
export function fieldStart(line: string, n: number): number {
  let from = 0;
  for (let f = 0; f < n; f++) {
    const tab = line.indexOf('\t', from);
    if (tab < 0) return -1;
    from = tab + 1;
  }
  return from;
}

/** The name of a record line with `fieldCount` fields: its last field, which may hold tabs. */
export function recordName(line: string, fieldCount: number): string {
  return line.slice(fieldStart(line, fieldCount - 1));
}

/** A lines file of `records` (each a line of tab-separated fields), under `header`. */
export function formatLines(header: string, records: readonly string[]): string {
  return `${[header, ...records].join('\n')}\n`;
}
