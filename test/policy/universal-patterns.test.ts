import { describe, expect, it } from 'vitest';
import { isUniversal } from '../../src/policy/constants.js';

/**
 * A limit on an account or an organization that every account or
 * organization meets is no limit: `"o-*"` and `"????????????"` are read as
 * `"*"` is, by matching samples of every well-formed value, not by spelling.
 */
describe('patterns that every account or organization matches', () => {
  it('limit nothing, whatever their spelling', () => {
    for (const p of ['*', '????????????', '??????*', '*????????????']) expect(isUniversal(p, 'aws:principalaccount'), p).toBe(true);
    for (const p of ['o-*', 'o-??????????*', '??*', '*-*']) expect(isUniversal(p, 'aws:resourceorgid'), p).toBe(true);
    expect(isUniversal('o-*/*', 'aws:principalorgpaths')).toBe(true);
  });

  it('while a pattern that leaves some out is a limit', () => {
    for (const p of ['1111????????', '???????????', '*0*', '111122223333']) expect(isUniversal(p, 'aws:resourceaccount'), p).toBe(false);
    for (const p of ['o-abc*', 'o-??????????', 'o-*a*']) expect(isUniversal(p, 'aws:principalorgid'), p).toBe(false);
    expect(isUniversal('o-abc123/*', 'aws:resourceorgpaths')).toBe(false);
    // Keys without a fixed form: only "*" matches everything.
    expect(isUniversal('?*', 'aws:principaltag/team')).toBe(false);
  });
});
