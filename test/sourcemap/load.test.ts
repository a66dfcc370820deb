import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as fromSources from '../../src/sourcemap/load.js';
import { FIXTURES, ROOT, planPath } from '../helpers/fixtures.js';

/**
 * Large plans have their .tf files read in a worker thread while the plan is
 * parsed. The worker's script exists only in the built code (npm test builds
 * first), so these tests load the built module, and run the real executable.
 */
const built = (await import(pathToFileURL(join(ROOT, 'build/src/sourcemap/load.js')).href)) as typeof fromSources;

/** A repository with what the source map reads: local modules (one shared by two calls, one calling itself), a removed block, a directive, a syntax error, a missing module. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpcelint-load-'));
  mkdirSync(join(dir, 'modules', 'net'), { recursive: true });
  mkdirSync(join(dir, 'modules', 'loop'), { recursive: true });
  writeFileSync(
    join(dir, 'main.tf'),
    [
      'module "a" {\n  source = "./modules/net"\n}',
      'module "b" {\n  source = "./modules/net"\n}',
      'module "loop" {\n  source = "./modules/loop"\n}',
      'module "gone" {\n  source = "./modules/gone"\n}',
      'removed {\n  from = aws_route_table.old\n  lifecycle {\n    destroy = false\n  }\n}',
      '# vpcelint: ignore s3-via-nat -- the NAT is for patching only\nresource "aws_route_table" "private" {\n  vpc_id = "vpc-1"\n}',
    ].join('\n\n'),
  );
  writeFileSync(join(dir, 'broken.tf'), 'resource "aws_vpc" "x" {\n  cidr_block = \n');
  writeFileSync(join(dir, 'modules', 'net', 'main.tf'), 'resource "aws_subnet" "s" {\n  vpc_id = "vpc-1"\n}\n');
  writeFileSync(join(dir, 'modules', 'loop', 'main.tf'), 'module "again" {\n  source = "./"\n}\n\nresource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n');
  return dir;
}

describe('reading .tf files in a worker thread', () => {
  it('gives what reading them on this thread gives, shared and self-calling modules included', async () => {
    for (const root of [repository(), join(FIXTURES, 'example'), join(FIXTURES, 'forgotten-resources')]) {
      const inWorker = await built.startLoadingSources(root, true).result();
      const here = await built.loadSources(root);
      expect(inWorker.where, root).toBe('worker');
      expect(inWorker.loaded, root).toEqual(here);
    }
    const loaded = (await built.startLoadingSources(repository(), true).result()).loaded;
    // Structured clone keeps identity: one module object for both calls, and the loop closes on itself.
    expect(loaded.module.calls.get('a')!.module).toBe(loaded.module.calls.get('b')!.module);
    const loop = loaded.module.calls.get('loop')!.module!;
    expect(loop.calls.get('again')!.module).toBe(loop);
    expect(loaded.problems.map((p) => p.code).sort()).toEqual(['source-module-missing', 'source-syntax-error']);
    expect(loaded.directives.map((d) => d.text)).toEqual([expect.stringContaining('ignore s3-via-nat')]);
  });

  it('fails as reading on this thread fails when the worker cannot read them', async () => {
    const missing = join(tmpdir(), 'vpcelint-no-such-directory');
    await expect(built.loadSources(missing)).rejects.toThrow(/ENOENT/);
    await expect(built.startLoadingSources(missing, true).result()).rejects.toThrow(/ENOENT/);
  });

  it('reads on this thread when not asked to, or when there is no worker script beside the module', async () => {
    expect((await built.startLoadingSources(join(FIXTURES, 'example'), false).result()).where).toBe('thread');
    // The TypeScript sources have no sourcemap-worker.js beside them.
    expect((await fromSources.startLoadingSources(join(FIXTURES, 'example'), true).result()).where).toBe('thread');
  });

  it('does not hold up a scan that fails on its plan', () => {
    // A .tf that is a FIFO nobody writes: reading it blocks the worker for good. The scan must still end, with exit code 2.
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-load-fifo-'));
    expect(spawnSync('mkfifo', [join(dir, 'main.tf')]).status).toBe(0);
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, `{"format_version":"1.2","resource_changes":[${' '.repeat(1 << 20)}`);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', plan, '--source-root', dir], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/plan\.json: not valid JSON/);
  });

  it('is what a scan of a plan of a megabyte or more does, with the same report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-load-cli-'));
    const plan = join(dir, 'plan.json');
    const scan = () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', plan, '--source-root', join(FIXTURES, 'example'), '--format', 'sarif', '--fail-on', 'none', '--timings'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return { sarif: r.stdout, read: /^sources: .*$/m.exec(r.stderr)?.[0] };
    };
    const text = readFileSync(planPath('example'), 'utf8');
    writeFileSync(plan, text);
    const small = scan();
    // The same plan, past the threshold: whitespace after the document is still the same JSON.
    writeFileSync(plan, `${text}${' '.repeat(1 << 20)}`);
    const large = scan();
    expect(small.read).toMatch(/^sources: \d+ \.tf files read on the main thread$/);
    expect(large.read).toMatch(/^sources: \d+ \.tf files read in a worker thread$/);
    expect(large.read!.match(/\d+/)![0]).toBe(small.read!.match(/\d+/)![0]);
    expect(large.sarif).toContain('"startLine"');
    expect(large.sarif).toBe(small.sarif);
  });
});
