import type { Council } from '../../model/types.ts';
import type { Absolute } from '../absolute.ts';
import type { FileDigests } from '../digest.ts';
import type { OparlIds } from './ids.ts';

/** What every OParl object builder reads. */
export interface OparlContext {
  council: Council;
  absolute: Absolute;
  ids: OparlIds;
  /** Digests of the files already written (PDFs, attachments), for File size and checksums. */
  files: FileDigests | undefined;
}

/** A JSON object of the export. */
export type OparlObject = Record<string, unknown>;

/** `{ [key]: list }`, or nothing for an empty list: OParl leaves empty arrays out. */
export function nonEmpty(key: string, list: unknown[]): OparlObject {
  return list.length > 0 ? { [key]: list } : {};
}
