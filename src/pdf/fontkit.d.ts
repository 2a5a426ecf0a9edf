// The few fontkit calls the PDF renderer makes (fontkit ships no types); pdfkit accepts the parsed font as a font source.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
