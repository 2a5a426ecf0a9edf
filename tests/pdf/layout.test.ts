import { describe, expect, it } from 'vitest';
import { createDocument, pdfkitLayoutOf, type EmbeddedFont } from '../../src/pdf/document.ts';
import { FACES } from '../../src/pdf/fonts.ts';
import { PLAIN, wrap, type Run, type Style } from '../../src/pdf/layout.ts';
import { faceOf } from '../../src/pdf/surface.ts';

const BOLD: Style = { bold: true, italic: false };
const LINK: Style = { bold: false, italic: false, link: { href: 'https://example.org/', id: 1 } };

function surfaceOf() {
  const { surface } = createDocument({
    title: 't',
    author: 'a',
    subject: 's',
    keywords: [],
    lang: 'cy',
    date: new Date(Date.UTC(2025, 0, 1)),
    header: '',
    footer: '',
  });
  return surface;
}

const STYLES: Record<(typeof FACES)[number], Style> = {
  regular: PLAIN,
  bold: { bold: true, italic: false },
  italic: { bold: false, italic: true },
  boldItalic: { bold: true, italic: true },
};

describe('Wrapping lines of text for a PDF', () => {
  const measure = surfaceOf().measure(11);

  it('relies on a font that kerns no letter with a space, in every face', () => {
    // Segment widths are sums of their words' widths (src/pdf/layout.ts): true only while this holds.
    const letters = [...Array.from({ length: 0x250 - 0x21 }, (_, i) => String.fromCodePoint(0x21 + i)), ...'‘’“”–—…ŵŷẁẃẅỳŴŶ'];
    for (const face of FACES) {
      const style = STYLES[face];
      expect(faceOf(style)).toBe(face);
      const space = measure(' ', style);
      const kerned = letters.filter((c) => Math.abs(measure(`${c} `, style) - (measure(c, style) + space)) > 1e-9 || Math.abs(measure(` ${c}`, style) - (space + measure(c, style))) > 1e-9);
      expect(kerned, face).toEqual([]);
    }
  });

  it('gives each segment the width of its text measured whole, kerning included', () => {
    // "AV" kerns in Noto Sans: a segment joined inside a word must not be the sum of its halves.
    expect(measure('AV', PLAIN)).toBeLessThan(measure('A', PLAIN) + measure('V', PLAIN) - 0.01);
    const runs: Run[] = [
      { text: 'Cyngor Sir yn trafod Gŵyl Ddewi a ', style: PLAIN },
      { text: 'chyllideb', style: BOLD },
      { text: ' y flwyddyn. A', style: PLAIN },
      { text: 'VOID the ', style: PLAIN },
      { text: 'report online', style: LINK },
      { text: ' before the meeting; the committee agreed it, with amendments, and referred it on to Cabinet.', style: PLAIN },
    ];
    for (const width of [120, 200, 360, Infinity]) {
      const lines = wrap(runs, width, measure);
      expect(lines.length > 1).toBe(width !== Infinity);
      for (const line of lines) {
        let x = 0;
        for (const segment of line.segments) {
          expect(segment.width).toBeCloseTo(measure(segment.text, segment.style), 9);
          expect(segment.x).toBeCloseTo(x, 9);
          x += segment.width;
        }
        expect(line.width).toBeCloseTo(x, 9);
        if (width !== Infinity) expect(line.width).toBeLessThanOrEqual(width + 1e-9);
      }
      // Nothing lost or added but the spaces where lines break.
      const words = (text: string) => text.split(/\s+/).filter(Boolean);
      expect(words(lines.map((l) => l.segments.map((s) => s.text).join('')).join(' '))).toEqual(words(runs.map((r) => r.text).join('')));
    }
  });

  it('keeps a word split by a style change on one line, and a long word broken to fit', () => {
    const lines = wrap([{ text: 'the ', style: PLAIN }, { text: 'Gw', style: BOLD }, { text: 'ŷl', style: PLAIN }, { text: ' https://example.org/a/very/long/address/that/cannot/fit', style: PLAIN }], 90, measure);
    expect(lines[0]!.segments.map((s) => s.text)).toEqual(['the ', 'Gw', 'ŷl']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(90);
    expect(lines.slice(1).map((l) => l.segments.map((s) => s.text).join('')).join('')).toBe('https://example.org/a/very/long/address/that/cannot/fit');
  });

  it("lays text out as pdfkit's own font layout does, glyph for glyph", () => {
    const doc = surfaceOf().doc as unknown as { font(face: string): { _font: EmbeddedFont } };
    for (const face of FACES) {
      const font = doc.font(face)._font;
      const own = pdfkitLayoutOf(font);
      expect(own, 'pdfkit 0.20 layout replaced').toBeTypeOf('function');
      expect(font.layout).not.toBe(own);
      for (const text of ['', ' ', '  ', 'Gŵyl', 'Gŵyl Ddewi', ' leading', 'trailing ', 'two  spaces', 'tab\there', 'AVOID the AV', 'a\u00a0b c']) {
        for (const onlyWidth of [false, true]) {
          const mine = font.layout(text, undefined, onlyWidth);
          const theirs = own!.call(font, text, undefined, onlyWidth);
          expect(mine.advanceWidth, JSON.stringify(text)).toBe(theirs.advanceWidth);
          expect(mine.glyphs).toEqual(theirs.glyphs);
          expect(mine.positions).toEqual(theirs.positions);
        }
      }
    }
  });
});

