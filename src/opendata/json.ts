/** JSON as published: two-space indent and a final newline, so files diff well and hash stably. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
