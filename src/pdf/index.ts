import type { OutputStage } from '../build/context.ts';

/** Writes every agenda item's PDF beside its page, and each meeting's pack. (Filled in by the PDF work.) */
export const pdfStage: OutputStage = {
  name: 'PDFs',
  async run() {},
};
