import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { OutputStage } from './context.ts';
import { outputPathOf } from '../model/urls.ts';

/** Copies attachment files and the logo from content/ to their /files/ URLs. */
export const attachmentsStage: OutputStage = {
  name: 'attachments',
  async run({ council, contentDir, outDir }) {
    const copies = new Map<string, string>();
    for (const item of council.items) {
      if (item.exempt) continue;
      for (const a of item.attachments) if (a.source) copies.set(a.url, a.source);
    }
    if (council.site.logo) copies.set(council.site.logo, path.join(contentDir, outputPathOf(council.site.logo).replace(/^files\//, '')));
    for (const [url, source] of [...copies].sort()) {
      const target = path.join(outDir, outputPathOf(url));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    }
  },
};
