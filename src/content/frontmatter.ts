import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A parsed YAML block that can say on which line each key sits. */
export interface ParsedYaml {
  data: unknown;
  /** Line (1-based, in the whole file) of the key or list entry at `path`, or of its nearest ancestor. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Line of the first line of the block (used for a missing key). */
  firstLine: number;
  /** YAML syntax errors, with the file line of each. */
  errors: { line: number; message: string }[];
}

export interface ParsedFile extends ParsedYaml {
  body: string;
  hasFrontMatter: boolean;
}

/**
 * Parse YAML with the `yaml` package's 1.2 core schema: dates stay the strings they were
 * written as (js-yaml would turn 2025-02-30 into 2 March), `yes` stays text, and 14:00 is not a number.
 * `lineOffset` is the number of file lines before the YAML text starts.
 */
export function parseYaml(text: string, lineOffset = 0, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
  const errors = doc.errors.map((e) => ({
    line: lineAt(e.pos[0]),
    message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));
  let data: unknown;
  if (!errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Only aliases fail here (an unknown *anchor, or an alias bomb); the parse itself succeeded.
      errors.push({ line: firstLine, message: (error as Error).message.split('\n')[0]! });
    }
  }
  return {
    data,
    lineOf: (path) => {
      const offset = locate(doc, path);
      return offset === undefined ? firstLine : lineAt(offset);
    },
    firstLine,
    errors,
  };
}

/** Offset of the key (or list entry) at `path`, falling back to the deepest ancestor found. */
function locate(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let found: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      found = (pair.key as Node).range?.[0] ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const entry = node.items[key] as Node | undefined;
      if (!entry) break;
      found = entry.range?.[0] ?? found;
      node = entry;
    } else break;
  }
  return found;
}

/** Split a Markdown file into YAML front matter (with line numbers) and body. */
export function parseMarkdownFile(source: string): ParsedFile {
  // gray-matter splits; the YAML itself goes to `yaml` (see parseYaml) through a no-op engine.
  const file = matter(source, { engines: { yaml: () => ({}) } });
  const hasFrontMatter = /^---\r?\n/.test(source.replace(/^\uFEFF/, ''));
  // file.matter starts with the rest of the opening --- line, so its line N is the file's line N.
  const yaml = hasFrontMatter ? parseYaml(file.matter, 0, 1) : parseYaml('', 0, 1);
  return { ...yaml, body: file.content, hasFrontMatter };
}
