import { describe, expect, it } from 'vitest';
import { freshValue } from '../../src/policy/constants.js';
import { globMatch } from '../../src/policy/wildcard.js';

/** What freshValue promises, checked by brute force: equal to no constant, matched by no pattern but all-star ones. */
function avoidsAll(constants: string[], value: string): boolean {
  return constants.every((c) => c !== value && (/^\*+$/.test(c) || !globMatch(c, value)));
}

describe('freshValue', () => {
  it('returns the base when nothing names it', () => {
    expect(freshValue(['s3:GetObject', 's3:Put*'], 's3:VpcelintOtherAction')).toBe('s3:VpcelintOtherAction');
  });

  it('numbers the base past constants and patterns that take it', () => {
    expect(freshValue(['x', 'x-1', 'x-?'], 'x')).toBe('x-10');
    expect(avoidsAll(['x', 'x-1', 'x-?'], 'x-10')).toBe(true);
  });

  it('ignores patterns that match everything', () => {
    expect(freshValue(['*', '**'], 'x')).toBe('x');
  });

  it('gives the fallback at once when a pattern ending in a star covers the base (no candidate can avoid it)', () => {
    // `s3:*` matches s3:VpcelintOtherAction and every s3:VpcelintOtherAction-<n>.
    expect(freshValue(['s3:*'], 's3:VpcelintOtherAction')).toBe('s3:VpcelintOtherAction-1');
    expect(freshValue(['s3:Get*', 's3:*', 'ec2:*'], 's3:VpcelintOtherAction')).toBe('s3:VpcelintOtherAction-3');
    // A star that is not last can be avoided: the search goes on.
    expect(freshValue(['x*z'], 'xz')).toBe('xz-1');
    expect(avoidsAll(['x*z'], 'xz-1')).toBe(true);
  });
});
