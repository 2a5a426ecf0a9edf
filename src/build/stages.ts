import type { OutputStage } from './context.ts';
import { attachmentsStage } from './attachments.ts';
import { pdfStage } from '../pdf/index.ts';
import { searchStage } from '../search/index.ts';
import { pagesStage } from '../site/index.ts';
import { openDataStage } from '../opendata/index.ts';

/**
 * The build's outputs, in order. Later stages may read what earlier ones wrote:
 * pages show PDF sizes and link the search bundle; open data's manifest hashes every file.
 */
export const STAGES: readonly OutputStage[] = [
  attachmentsStage,
  pdfStage,
  searchStage,
  pagesStage,
  openDataStage,
];
