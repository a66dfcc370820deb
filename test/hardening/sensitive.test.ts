import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/scan.js';
import { REDACTED, redact } from '../../src/report/redact.js';
import { ROOT, planPath } from '../helpers/fixtures.js';

/** Values fixtures/sensitive-values/main.tf marks sensitive. */
const SECRETS = ['vpce-0ddba11c0ffee5ecret', 'CC-TOPSECRET-4242', 'AllowPartnerEndpoint'];

describe('values Terraform marks sensitive never reach any output', () => {
  for (const format of FORMATS) {
    it(`--format ${format}`, () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', planPath('sensitive-values'), '--format', format, '--fail-on', 'none'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      for (const secret of SECRETS) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    });
  }
});

describe('redact', () => {
  it('replaces plain and JSON-escaped spellings, longest first', () => {
    const secrets = new Set(['a"b\\c', 'a"b\\c-longer']);
    const text = `x a"b\\c-longer y ${JSON.stringify('a"b\\c')}`;
    expect(redact(text, secrets)).toBe(`x ${REDACTED} y "${REDACTED}"`);
  });

  it('leaves nothing of values that overlap, and hides values the placeholder itself contains', () => {
    // "bcd" is hidden first where it starts first; "cdef" overlaps it and must not survive in part.
    const out = redact('a bcdef z', new Set(['bcd', 'cdef']));
    expect(out).not.toMatch(/bcd|cdef/);
    expect(out.startsWith('a ')).toBe(true);
    expect(out.endsWith(' z')).toBe(true);
    expect(redact('the word hidden', new Set(['hidden']))).toBe(`the word ${REDACTED}`);
  });

  it('treats values as text, not as regular expressions', () => {
    expect(redact('p4$$.w*rd (x|y) and pXssAwzrd', new Set(['p4$$.w*rd (x|y)']))).toBe(`${REDACTED} and pXssAwzrd`);
  });

  it('hides thousands of values in a large report', () => {
    const secrets = new Set(Array.from({ length: 2000 }, (_, i) => `arn:aws:s3:::secret-${i}-bucket`));
    const text = Array.from({ length: 20_000 }, (_, i) => `"arn:aws:s3:::secret-${i % 4000}-bucket"`).join(',');
    const out = redact(text, secrets);
    expect(out).not.toMatch(/secret-(1?\d{1,3})-bucket/);
    expect(out).toContain('secret-3999-bucket');
  });
});
