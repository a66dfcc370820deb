import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

/**
 * Supply chain: every package that ships with vpcelint (not dev-only) is pinned
 * by the lockfile with an integrity hash, and none carries a copyleft licence.
 */
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { version?: string; license?: string; dev?: boolean; integrity?: string; resolved?: string; link?: boolean }>;
};
const shipped = Object.entries(lock.packages).filter(([path, p]) => path !== '' && !p.dev && !p.link);

describe('production dependencies', () => {
  it('the lockfile is v3 and pins every shipped package with an integrity hash (from the npm registry when an address is recorded)', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(shipped.length).toBeGreaterThan(0);
    for (const [path, p] of shipped) {
      expect(p.integrity, path).toMatch(/^sha512-/);
      // npm 11 here records no download address; when one is recorded it must be the registry.
      if (p.resolved !== undefined) expect(p.resolved, path).toMatch(/^https:\/\/registry\.npmjs\.org\//);
    }
  });

  it('no copyleft licence (GPL, LGPL, AGPL, SSPL) in shipped code', () => {
    const copyleft = shipped.filter(([, p]) => /\b(A|L)?GPL|SSPL|EUPL/i.test(p.license ?? ''));
    expect(copyleft.map(([path, p]) => `${path}: ${p.license}`)).toEqual([]);
    const unlicensed = shipped.filter(([, p]) => !p.license);
    expect(unlicensed.map(([path]) => path)).toEqual([]);
  });
});
