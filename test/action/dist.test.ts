import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

describe('dist/ (the bundled Action)', () => {
  it('is what scripts/build-action.mjs builds from the sources: run `npm run build:action` and commit dist/ after changing src/ or rules/', () => {
    const out = mkdtempSync(join(tmpdir(), 'vpcelint-dist-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-action.mjs'), out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const committed = join(ROOT, 'dist');
    expect(files(committed)).toEqual(files(out));
    for (const f of files(out)) {
      const same = readFileSync(join(committed, f)).equals(readFileSync(join(out, f)));
      expect(same, `dist/${f} is out of date: run npm run build:action`).toBe(true);
    }
  });

  it('action.yml runs the bundle on node24', () => {
    const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect(yml).toMatch(/^runs:\n  using: node24\n  main: dist\/index\.js$/m);
  });
});
