import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../src/build/output.ts';

describe('isInside: a path inside a folder, by the paths alone', () => {
  const site = path.resolve('/srv/site');
  it('takes the folder itself and what is under it, a name with two leading dots included', () => {
    expect(isInside(site, site)).toBe(true);
    expect(isInside(site, path.join(site, 'a', 'b.html'))).toBe(true);
    expect(isInside(site, path.join(site, '..notes.pdf'))).toBe(true);
  });
  it('refuses the parent, a folder beside it whose name starts with its own, and anything above', () => {
    expect(isInside(site, path.dirname(site))).toBe(false);
    expect(isInside(site, path.resolve('/srv/site-private/secret.txt'))).toBe(false);
    expect(isInside(site, path.join(site, '..', 'other', 'x'))).toBe(false);
    expect(isInside(site, path.resolve('/etc/passwd'))).toBe(false);
  });
});
