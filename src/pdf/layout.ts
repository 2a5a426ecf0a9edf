/** How a piece of inline text looks: its face and, for links, where it goes. */
export interface Style {
  bold: boolean;
  italic: boolean;
  /** Link target; links with the same id are one link (it may wrap over lines). `dest` links go to a named place in this PDF. */
  link?: { href: string; id: number; dest?: boolean };
}

/** A stretch of inline text in one style, as collected from markdown-it's inline tokens. */
export interface Run {
  text: string;
  style: Style;
}

/** Part of a laid-out line in one style, at x (relative to the line start). */
export interface Segment {
  text: string;
  style: Style;
  x: number;
  width: number;
}

export interface Line {
  segments: Segment[];
  width: number;
}

export type Measure = (text: string, style: Style) => number;

interface Piece {
  text: string;
  style: Style;
}

/** A word is the pieces between spaces: "**bold**text" is one word in two styles. */
type Word = Piece[];
type Token = { kind: 'word'; pieces: Word } | { kind: 'space'; style: Style } | { kind: 'break' };

export const PLAIN: Style = { bold: false, italic: false };

function sameStyle(a: Style, b: Style): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.link?.id === b.link?.id;
}

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  let word: Word | undefined;
  for (const run of runs) {
    for (const part of run.text.split(/(\n|[ \t\r\f\v\u00a0]+)/)) {
      if (part === '') continue;
      if (part === '\n') {
        word = undefined;
        tokens.push({ kind: 'break' });
      } else if (/^\s+$/.test(part)) {
        word = undefined;
        if (tokens.at(-1)?.kind !== 'space') tokens.push({ kind: 'space', style: run.style });
      } else if (word) {
        word.push({ text: part, style: run.style });
      } else {
        word = [{ text: part, style: run.style }];
        tokens.push({ kind: 'word', pieces: word });
      }
    }
  }
  return tokens;
}

/** Split a word too long for a line (a long URL) into parts that fit, character by character. */
function splitWord(pieces: Word, width: number, measure: Measure): Word[] {
  const parts: Word[] = [];
  let current: Word = [];
  let used = 0;
  for (const piece of pieces) {
    for (const char of piece.text) {
      const w = measure(char, piece.style);
      if (used + w > width && current.length > 0) {
        parts.push(current);
        current = [];
        used = 0;
      }
      const last = current.at(-1);
      if (last && sameStyle(last.style, piece.style)) last.text += char;
      else current.push({ text: char, style: piece.style });
      used += w;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Lay inline runs out into lines no wider than `width`: greedy, ragged right, spaces collapsed. */
export function wrap(runs: readonly Run[], width: number, measure: Measure): Line[] {
  const lines: Placed[][] = [];
  let line: Placed[] = [];
  let used = 0;
  let space: Style | undefined;
  const widthsOf = (w: Word) => w.map((p) => measure(p.text, p.style));
  const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);
  const finish = () => {
    lines.push(line);
    line = [];
    used = 0;
    space = undefined;
  };
  const place = (word: Word, widths: readonly number[], w: number) => {
    if (space && line.length > 0) {
      const spaceWidth = measure(' ', space);
      line.push({ text: ' ', style: space, width: spaceWidth });
      used += spaceWidth;
    }
    word.forEach((p, i) => line.push({ text: p.text, style: p.style, width: widths[i]! }));
    used += w;
    space = undefined;
  };
  for (const token of tokenize(runs)) {
    if (token.kind === 'break') {
      finish();
      continue;
    }
    if (token.kind === 'space') {
      space = token.style;
      continue;
    }
    const widths = widthsOf(token.pieces);
    const w = sum(widths);
    const spaceWidth = space && line.length > 0 ? measure(' ', space) : 0;
    if (line.length > 0 && used + spaceWidth + w > width) finish();
    if (w <= width) {
      place(token.pieces, widths, w);
      continue;
    }
    const parts = splitWord(token.pieces, width, measure);
    parts.forEach((part, i) => {
      if (i > 0) finish();
      const partWidths = widthsOf(part);
      place(part, partWidths, sum(partWidths));
    });
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((pieces) => toLine(pieces, measure));
}

/** A piece placed on a line, with its measured width. */
interface Placed extends Piece {
  width: number;
}

/**
 * A line's segments: its pieces joined where the style runs on. A segment's width is the sum of its
 * pieces' widths, measured as they were placed, which spares measuring each line's text again (every
 * one new, so never in the thread's cache). pdfkit shapes text as words each with the space after it,
 * and the font does not kern a letter with a space, so joining at a space keeps the width exact.
 * Two pieces of one word in one style may kern where they meet: that segment is measured whole.
 */
function toLine(pieces: readonly Placed[], measure: Measure): Line {
  const segments: Segment[] = [];
  const joinedInWord = new Set<Segment>();
  for (const piece of pieces) {
    const last = segments.at(-1);
    if (last && sameStyle(last.style, piece.style)) {
      if (piece.text !== ' ' && !last.text.endsWith(' ')) joinedInWord.add(last);
      last.text += piece.text;
      last.width += piece.width;
    } else segments.push({ text: piece.text, style: piece.style, x: 0, width: piece.width });
  }
  let x = 0;
  for (const segment of segments) {
    if (joinedInWord.has(segment)) segment.width = measure(segment.text, segment.style);
    segment.x = x;
    x += segment.width;
  }
  return { segments, width: x };
}

/** The width of the runs on one line, unwrapped (a table column's natural width). */
export function naturalWidth(runs: readonly Run[], measure: Measure): number {
  return Math.max(0, ...wrap(runs, Infinity, measure).map((l) => l.width));
}

/** The widest single word (a table column's narrowest sensible width). */
export function longestWord(runs: readonly Run[], measure: Measure): number {
  let widest = 0;
  for (const token of tokenize(runs)) {
    if (token.kind === 'word') widest = Math.max(widest, token.pieces.reduce((s, p) => s + measure(p.text, p.style), 0));
  }
  return widest;
}
