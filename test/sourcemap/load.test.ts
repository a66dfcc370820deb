import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
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
      // An attribute named __proto__ is just a name (HCL allows it); its range must survive the trip between threads.
      '# vpcelint: ignore s3-via-nat -- the NAT is for patching only\nresource "aws_route_table" "private" {\n  vpc_id    = "vpc-1"\n  __proto__ = "x"\n}',
    ].join('\n\n'),
  );
  writeFileSync(join(dir, 'broken.tf'), 'resource "aws_vpc" "x" {\n  cidr_block = \n');
  writeFileSync(join(dir, 'modules', 'net', 'main.tf'), 'resource "aws_subnet" "s" {\n  vpc_id = "vpc-1"\n}\n');
  writeFileSync(join(dir, 'modules', 'loop', 'main.tf'), 'module "again" {\n  source = "./"\n}\n\nresource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n');
  return dir;
}

/** `vpcelint scan --timings` of a plan with the example's .tf files as source root: the report, and the `sources:` line. */
/** `input`: text piped on standard input, or a file descriptor that standard input is redirected from. */
function scanBesideExample(plan: string, format: string, input?: string | number): { output: string; read: string | undefined } {
  const stdin = typeof input === 'number' ? { stdio: [input, 'pipe', 'pipe'] as ('pipe' | number)[] } : { input };
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', plan, '--source-root', join(FIXTURES, 'example'), '--format', format, '--fail-on', 'none', '--timings'], { encoding: 'utf8', ...stdin });
  expect(r.status, r.stderr).toBe(0);
  return { output: r.stdout, read: /^sources: .*$/m.exec(r.stderr)?.[0] };
}

describe('reading .tf files in a worker thread', () => {
  /** Addresses to locate in repository(): in modules shared, looping and missing, removed, keyed, absent. */
  const ADDRESSES = [
    'module.a.aws_subnet.s',
    'module.b.aws_subnet.s',
    'module.loop.aws_vpc.v',
    'module.loop.module.again.module.again.aws_vpc.v',
    'aws_route_table.private[0]',
    'aws_route_table.private[1]',
    'aws_route_table.old',
    'module.gone.aws_vpc.x',
    'aws_vpc.nowhere',
    'not an address',
  ];
  const planAddresses = (name: string) => (JSON.parse(readFileSync(planPath(name), 'utf8')) as { resource_changes: { address: string }[] }).resource_changes.map((rc) => rc.address);

  it('answers what reading them on this thread answers, shared and self-calling modules included', async () => {
    const repo = repository();
    const cases: [string, string[]][] = [
      [repo, ADDRESSES],
      [join(FIXTURES, 'example'), planAddresses('example')],
      [join(FIXTURES, 'forgotten-resources'), planAddresses('forgotten-resources')],
      // Installed modules: their blocks' policies, locals and callers (maps of expressions) cross the threads too.
      [join(FIXTURES, 'installed-modules'), planAddresses('installed-modules')],
    ];
    for (const [root, addresses] of cases) {
      const inWorker = await built.startLoadingSources(root, root, true).result();
      const here = built.indexOf(await built.loadSources(root), root);
      expect(inWorker.where, root).toBe('worker');
      const { locate: _w, declarations: _wd, ...workerSummary } = inWorker;
      const { locate: _h, declarations: _hd, ...hereSummary } = here;
      expect(workerSummary, root).toEqual({ ...hereSummary, where: 'worker' });
      // Declarations first (a question before the last one): inside installed modules, the blocks' own expressions.
      expect(await inWorker.declarations(addresses), root).toStrictEqual(await here.declarations(addresses));
      const [fromWorker, fromHere] = [await inWorker.locate(addresses), await here.locate(addresses)];
      expect(fromWorker.filter(Boolean).length, root).toBeGreaterThan(0);
      // Strict: attribute ranges keep their null prototype across the threads.
      expect(fromWorker, root).toStrictEqual(fromHere);
    }
    const loading = built.startLoadingSources(repo, repo, true);
    const index = await loading.result();
    // Asked before the last question (where policies are written), as often as needed, then once more: the same answers.
    const early = await index.declarations(ADDRESSES);
    expect(await index.declarations(ADDRESSES.slice(4, 6))).toStrictEqual(early.slice(4, 6));
    expect(await loading.result()).toBe(index);
    expect(await index.declarations(ADDRESSES)).toStrictEqual(early);
    // A location is a declaration's place; only a declaration carries what its block writes (vpc_id, ...) and its modules.
    const hits = await index.locate(ADDRESSES);
    expect(hits.map((h) => h?.location)).toStrictEqual(early.map((h) => h?.location));
    expect(hits.map((h) => h?.location.file)).toEqual(['modules/net/main.tf', 'modules/net/main.tf', 'modules/loop/main.tf', 'modules/loop/main.tf', 'main.tf', 'main.tf', 'main.tf', 'main.tf', undefined, undefined]);
    // Two instances of one block share its location, as they do on this thread.
    expect(hits[4]).toBe(hits[5]);
    const attributes = hits[4]!.location.attributes!;
    expect(Object.getPrototypeOf(attributes)).toBeNull();
    expect(Object.keys(attributes).sort()).toEqual(['__proto__', 'vpc_id']);
    expect(index.problems.map((p) => p.code).sort()).toEqual(['source-module-missing', 'source-syntax-error']);
    expect(index.directives.map((d) => d.text)).toEqual([expect.stringContaining('ignore s3-via-nat')]);
  });

  it('fails as reading on this thread fails when the worker cannot read them', async () => {
    const missing = join(tmpdir(), 'vpcelint-no-such-directory');
    await expect(built.loadSources(missing)).rejects.toThrow(/ENOENT/);
    await expect(built.startLoadingSources(missing, missing, true).result()).rejects.toThrow(/ENOENT/);
  });

  it('reads on this thread when not asked to, or when there is no worker script beside the module', async () => {
    const root = join(FIXTURES, 'example');
    expect((await built.startLoadingSources(root, root, false).result()).where).toBe('thread');
    // The TypeScript sources have no sourcemap-worker.js beside them.
    expect((await fromSources.startLoadingSources(root, root, true).result()).where).toBe('thread');
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

  it('is what a scan of a pipe on standard input does, whose size is unknown until it is read; a redirected file goes by its size', () => {
    const scan = (plan: string, input?: string | number) => {
      const r = scanBesideExample(plan, 'json', input);
      const report = JSON.parse(r.output) as { findings: { primary: { location?: unknown } }[] };
      return { locations: report.findings.map((f) => f.primary.location), read: r.read };
    };
    const piped = scan('-', readFileSync(planPath('example'), 'utf8'));
    const file = scan(planPath('example'));
    expect(piped.read).toBe('sources: 2 .tf files read in a worker thread');
    expect(file.read).toBe('sources: 2 .tf files read on the main thread');
    expect(piped.locations.filter(Boolean).length).toBeGreaterThan(0);
    expect(piped.locations).toEqual(file.locations);
    const fd = openSync(planPath('example'), 'r');
    try {
      const redirected = scan('-', fd);
      expect(redirected.read).toBe('sources: 2 .tf files read on the main thread');
      expect(redirected.locations).toEqual(file.locations);
    } finally {
      closeSync(fd);
    }
  });

  it('is what a scan of a plan of a megabyte or more does, with the same report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-load-cli-'));
    const plan = join(dir, 'plan.json');
    const scan = () => {
      const r = scanBesideExample(plan, 'sarif');
      return { sarif: r.output, read: r.read };
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

  it('gives a scan in a worker the policies only the .tf source has, as on the main thread', () => {
    const plan = planPath('policy-jsonencode');
    const scan = (input?: string) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', input === undefined ? plan : '-', '--source-root', join(FIXTURES, 'policy-jsonencode'), '--format', 'json', '--fail-on', 'none', '--timings'], { encoding: 'utf8', input });
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as { findings: { ruleId: string; primary: { address?: string } }[] };
      return { findings: report.findings.map((f) => `${f.ruleId} ${f.primary.address}`).sort(), read: /^sources: .*$/m.exec(r.stderr)?.[0] };
    };
    const piped = scan(readFileSync(plan, 'utf8'));
    const file = scan();
    expect(piped.read).toMatch(/in a worker thread$/);
    expect(file.read).toMatch(/on the main thread$/);
    expect(piped.findings).toContain('bucket-missing-endpoint-restriction aws_s3_bucket_policy.reports');
    expect(piped.findings).toEqual(file.findings);
  });
});
