import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputStage } from './context.ts';
import { OutputMemory } from './reuse.ts';
import { outputPathOf } from '../model/urls.ts';

/**
 * Copies attachment files and the logo from content/ to their /files/ URLs. Each is keyed by the
 * SHA-256 of its bytes: one unchanged since the live site was published is kept there, not copied.
 */
export const attachmentsStage: OutputStage = {
  name: 'attachments',
  async run(ctx) {
    const { council, contentDir, outDir } = ctx;
    const copies = new Map<string, string>();
    for (const item of council.items) {
      if (item.exempt) continue;
      for (const a of item.attachments) if (a.source) copies.set(a.url, a.source);
    }
    if (council.site.logo) copies.set(council.site.logo, path.join(contentDir, outputPathOf(council.site.logo).replace(/^files\//, '')));
    const memory = OutputMemory.open(ctx, 'attachments');
    for (const [url, source] of [...copies].sort()) {
      const rel = outputPathOf(url);
      const key = createHash('sha256').update(readFileSync(source)).digest('hex');
      if (memory.reuse(rel, key)) continue;
      const target = path.join(outDir, rel);
      memory.ensureFolder(path.dirname(target));
      copyFileSync(source, target);
      memory.wrote(rel, key);
    }
    memory.save();
  },
};
