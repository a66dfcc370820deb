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
});
