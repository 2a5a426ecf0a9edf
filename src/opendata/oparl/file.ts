import { outputPathOf } from '../../model/urls.ts';
import { digestKeyOf, type FileDigest } from '../digest.ts';
import type { OparlContext, OparlObject } from './context.ts';
import { oparlType } from './ids.ts';

const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  txt: 'text/plain',
  html: 'text/html',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
};

/** The MIME type of a file, from its extension. */
export function mimeTypeOf(fileName: string): string {
  const ext = fileName.toLowerCase().split('.').at(-1) ?? '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}

const FILE_TYPE = oparlType('File');

/** Where a file is used, as OParl back-references (left out when the File is embedded). */
export interface FileUse {
  meeting?: string[];
  agendaItem?: string[];
  paper?: string[];
}

/**
 * An OParl File for a published file. `sha512Checksum` is OParl 1.1's field; `sha256Checksum`
 * (not in the spec) matches /api/manifest.json. Size and checksums are left out for a file the
 * earlier stages did not write.
 */
export function fileObject(ctx: OparlContext, url: string, name: string, date: string, use: FileUse | undefined): OparlObject {
  const { id, fileName, mimeType, digest, access } = factsOf(ctx, url);
  return {
    id,
    type: FILE_TYPE,
    name,
    fileName,
    mimeType,
    date,
    ...(digest ? { size: digest.size, sha256Checksum: digest.sha256 } : {}),
    ...(digest?.sha512 ? { sha512Checksum: digest.sha512 } : {}),
    accessUrl: access,
    downloadUrl: access,
    ...(use ?? {}),
  };
}

/** What every File of one URL shares (a PDF is described up to four times: meeting, agenda item, paper, file). */
interface FileFacts {
  id: string;
  fileName: string;
  mimeType: string;
  digest: FileDigest | undefined;
  access: string;
}

const facts = new WeakMap<OparlContext, Map<string, FileFacts>>();

function factsOf(ctx: OparlContext, url: string): FileFacts {
  let known = facts.get(ctx);
  if (!known) {
    known = new Map();
    facts.set(ctx, known);
  }
  let found = known.get(url);
  if (!found) {
    const fileName = outputPathOf(url).split('/').at(-1)!;
    found = { id: ctx.ids.file(url), fileName, mimeType: mimeTypeOf(fileName), digest: ctx.files?.get(digestKeyOf(url)), access: ctx.absolute(url) };
    known.set(url, found);
  }
  return found;
}
