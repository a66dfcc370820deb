import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitPlanToHeap, heapAdvice, heapNeeded, processHeap, restartFlags, restartWithHeap, RESTARTED_ENV, type HeapFacts } from '../../src/cli/heap.js';
import { main } from '../../src/cli/main.js';
import { LEAN_FROM_BYTES } from '../../src/collect/terraform/read-plan.js';
import { ROOT, planPath } from '../helpers/fixtures.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-heap-'));
const facts = (over: Partial<HeapFacts> = {}): HeapFacts => ({ limit: 2 * GiB, userSet: false, memory: 8 * GiB, restarted: false, ...over });

describe('heapAdvice', () => {
  it('a plan whose estimate fits the limit is scanned here', () => {
    expect(heapAdvice(100 * MiB, facts(), 'plan.json')).toEqual({ kind: 'here', lean: false });
    // The estimates cover what the bench plans were measured to need lean (bench/heap-need.mjs): 666 MB at
    // 420 MB (5,000 VPCs), 817 MB at 522 MB (6,200 VPCs). From LEAN_FROM_BYTES on, a plan is read lean whatever
    // the advice, and estimated so.
    expect(heapNeeded(420 * MiB)).toBe(heapNeeded(420 * MiB, true));
    expect(heapNeeded(420 * MiB)).toBeGreaterThan(666 * MiB);
    expect(heapNeeded(522 * MiB)).toBeGreaterThan(817 * MiB);
    expect(heapAdvice(600 * MiB, facts(), 'plan.json')).toEqual({ kind: 'here', lean: false });
    expect(heapNeeded(LEAN_FROM_BYTES)).toBe(heapNeeded(LEAN_FROM_BYTES, true));
    expect(heapNeeded(LEAN_FROM_BYTES - 1)).toBeGreaterThan(heapNeeded(LEAN_FROM_BYTES - 1, true));
  });

  it('a plan smaller than LEAN_FROM_BYTES that does not fit as one string, but fits lean, is read lean here', () => {
    const small = LEAN_FROM_BYTES - 1;
    const between = (heapNeeded(small) + heapNeeded(small, true)) / 2;
    expect(heapAdvice(small, facts({ limit: between }), 'plan.json')).toEqual({ kind: 'here', lean: true });
    expect(heapAdvice(small, facts({ limit: between, userSet: true }), 'plan.json')).toEqual({ kind: 'here', lean: true });
  });

  it('a plan too large even lean restarts with room above the estimate for a string', () => {
    expect(heapAdvice(1100 * MiB, facts(), 'plan.json')).toEqual({ kind: 'restart', mb: 4 * 1100 + 256 });
  });

  it('the restart asks for at most three quarters of the memory, and says when that may not be enough', () => {
    expect(heapAdvice(2000 * MiB, facts({ memory: 5 * GiB }), 'big.json')).toEqual({
      kind: 'restart',
      mb: 3840,
      note: "big.json is 2,000 MiB; a scan of it may need up to 4,064 MiB of JavaScript heap, more than the 3,840 MiB that this machine's 5,120 MiB of memory allow; the scan may run out of memory",
    });
  });

  it('no restart where the machine has no more to give, where the user set the limit, or where there is no way to: lean, with a warning', () => {
    const lean = (advice: ReturnType<typeof heapAdvice>) => {
      expect(advice).toMatchObject({ kind: 'here', lean: true });
      return advice.kind === 'here' ? advice.warning : undefined;
    };
    expect(lean(heapAdvice(1100 * MiB, facts({ memory: 2.5 * GiB }), 'plan.json'))).toBe(
      "plan.json is 1,100 MiB; a scan of it may need up to 2,264 MiB of JavaScript heap, more than Node's limit of 2,048 MiB here, and this machine has 2,560 MiB of memory; the scan may run out of memory",
    );
    expect(lean(heapAdvice(1100 * MiB, facts({ userSet: true, limit: 1 * GiB }), 'plan.json'))).toMatch(/more than this process's limit of 1,024 MiB \(set by --max-old-space-size\): raise it if it does; the scan may run out of memory$/);
    expect(lean(heapAdvice(1100 * MiB, facts(), 'plan.json', false))).toMatch(/more than this process's limit of 2,048 MiB; the scan/);
  });

  it('a restarted process never restarts again, and leaves the warning to the one that restarted it', () => {
    expect(heapAdvice(1100 * MiB, facts({ restarted: true, userSet: true }), 'plan.json')).toEqual({ kind: 'here', lean: true });
  });
});

describe('processHeap', () => {
  it('knows a heap flag in the command line or NODE_OPTIONS, in any spelling V8 takes', () => {
    expect(processHeap({}, []).userSet).toBe(false);
    expect(processHeap({}, ['--max-old-space-size=4096']).userSet).toBe(true);
    expect(processHeap({ NODE_OPTIONS: '--enable-source-maps --max_old_space_size=4096' }, []).userSet).toBe(true);
    expect(processHeap({ NODE_OPTIONS: '--max-heap-size=4096' }, []).userSet).toBe(true);
    expect(processHeap({ NODE_OPTIONS: '--max-semi-space-size=64' }, ['--stack-size=2000']).userSet).toBe(false);
  });

  it('reads the restart marker and this process\'s limit', () => {
    expect(processHeap({ [RESTARTED_ENV]: '1' }, []).restarted).toBe(true);
    const here = processHeap({}, []);
    expect(here.restarted).toBe(false);
    expect(here.limit).toBeGreaterThan(16 * MiB);
    expect(here.memory).toBeGreaterThan(here.limit / 4);
  });
});

describe('restartWithHeap', () => {
  const probe = (dir: string) => {
    const script = join(dir, 'probe.mjs');
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
const [out, how] = process.argv.slice(2);
writeFileSync(out, JSON.stringify({ limit: getHeapStatistics().heap_size_limit, marker: process.env.${RESTARTED_ENV}, extra: process.env.EXTRA }));
if (how === 'signal') process.kill(process.pid, 'SIGTERM');
else process.exitCode = Number(how);
`,
    );
    return script;
  };

  it('runs the script with the heap limit, the environment and the arguments, and gives back its exit code', async () => {
    const dir = tmp();
    const out = join(dir, 'out.json');
    const code = await restartWithHeap(300, probe(dir), [out, '7'], { ...process.env, EXTRA: 'kept' });
    expect(code).toBe(7);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { limit: number; marker: string; extra: string };
    expect(seen.marker).toBe('1');
    expect(seen.extra).toBe('kept');
    // V8's limit is the old generation asked for plus the young generation.
    expect(seen.limit).toBeGreaterThanOrEqual(300 * MiB);
    expect(seen.limit).toBeLessThan(400 * MiB);
  });

  it('passes on Node\'s flags but the inspector\'s, whose port this process holds', () => {
    expect(restartFlags(['--enable-source-maps', '--inspect=9229', '--inspect-brk', '--debug-port=5858', '--stack-size=2000'], 512)).toEqual([
      '--enable-source-maps',
      '--stack-size=2000',
      '--max-old-space-size=512',
    ]);
  });

  it('a child stopped by a signal gives 128 + its number, as a shell does', async () => {
    const dir = tmp();
    expect(await restartWithHeap(100, probe(dir), [join(dir, 'out.json'), 'signal'])).toBe(128 + 15);
  });
});

describe('fitPlanToHeap', () => {
  const plan = planPath('example');
  const bytes = statSync(plan).size;

  it('without a heap to fit, or a plan that fits, the plan is read whole', async () => {
    const restart = vi.fn(async () => 0);
    const say = vi.fn();
    expect(await fitPlanToHeap(plan, undefined)).toEqual({ lean: false });
    expect(await fitPlanToHeap(plan, { facts: () => facts(), restart, info: say }, say)).toEqual({ lean: false });
    expect(restart).not.toHaveBeenCalled();
    expect(say).not.toHaveBeenCalled();
  });

  it('a pipe, whose size is known only once read (too late to start again), is read lean then if need be', async () => {
    const restart = vi.fn(async () => 0);
    const lines: string[] = [];
    // A path whose size cannot be known before it is read, as a pipe's (the built CLI on a real pipe: below).
    const unknown = join(tmp(), 'fifo');
    const fit = await fitPlanToHeap(unknown, { facts: () => facts({ limit: 1 * GiB }), restart, info: (l) => lines.push(`info: ${l}`) }, (t) => lines.push(t));
    if (!('lean' in fit) || typeof fit.lean !== 'function') throw new Error(`expected a choice by size, got ${JSON.stringify(fit)}`);
    expect(fit.lean(100 * MiB)).toBe(false);
    expect(fit.lean(LEAN_FROM_BYTES - 1)).toBe(false);
    expect(lines).toEqual([]);
    expect(fit.lean(600 * MiB)).toBe(true);
    expect(lines).toEqual([`${unknown} is 600 MiB; a scan of it may need up to 1,264 MiB of JavaScript heap, more than this process's limit of 1,024 MiB; the scan may run out of memory`]);
    expect(restart).not.toHaveBeenCalled();
  });

  it('reads lean when that fits, silently', async () => {
    const restart = vi.fn(async () => 0);
    const say = vi.fn();
    expect(await fitPlanToHeap(plan, { facts: () => facts({ limit: heapNeeded(bytes) - 1 }), restart, info: say }, say)).toEqual({ lean: true });
    expect(restart).not.toHaveBeenCalled();
    expect(say).not.toHaveBeenCalled();
  });

  it('restarts, says so, and gives back the exit code; a stopped restart is explained', async () => {
    const lines: string[] = [];
    const restart = vi.fn(async () => 1);
    const warn = vi.fn();
    expect(await fitPlanToHeap(plan, { facts: () => facts({ limit: 1 * MiB }), restart, info: (l) => lines.push(l) }, warn)).toEqual({ exitCode: 1 });
    expect(restart).toHaveBeenCalledWith(257);
    expect(lines).toEqual([`${plan} is ${Math.ceil(bytes / 1024)} KiB, too large for Node's heap limit of 1.0 MiB here: running again in a new process with --max-old-space-size=257`]);
    lines.length = 0;
    expect(await fitPlanToHeap(plan, { facts: () => facts({ limit: 1 * MiB }), restart: async () => 134, info: (l) => lines.push(l) }, warn)).toEqual({ exitCode: 134 });
    expect(lines[1]).toMatch(/^the scan with a 257 MiB heap was stopped \(exit code 134\)/);
    expect(warn).not.toHaveBeenCalled();
  });

  it('without a way to restart, reads lean and warns through the scan\'s warnings', async () => {
    const lines: string[] = [];
    const info = vi.fn();
    expect(await fitPlanToHeap(plan, { facts: () => facts({ limit: 1 * MiB }), info }, (t) => lines.push(t))).toEqual({ lean: true });
    expect(info).not.toHaveBeenCalled();
    expect(lines).toEqual([expect.stringMatching(/^.* is \d+ KiB; a scan of it may need up to 65 MiB of JavaScript heap, more than this process's limit of 1.0 MiB; the scan may run out of memory$/)]);
  });
});

describe('the CLI restarts a scan that does not fit', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the new process (the built CLI, with the larger heap) writes exactly what a scan here writes, and its exit code is the scan\'s', async () => {
    const dir = tmp();
    const restarted = join(dir, 'restarted.sarif');
    const here = join(dir, 'here.sarif');
    const argv = ['scan', '--plan', planPath('example'), '--format', 'sarif', '-o', restarted];
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    const heap = { facts: () => facts({ limit: 1 * MiB }), restart: vi.fn((mb: number) => restartWithHeap(mb, join(ROOT, 'bin/vpcelint.js'), argv)) };
    const code = await main(argv, { stdout: () => undefined, isTTY: false, env: {}, cwd: ROOT, heap });
    vi.restoreAllMocks();
    expect(heap.restart).toHaveBeenCalledWith(257);
    expect(stderr.join('')).toMatch(/plan\.json is \d+ KiB, too large for Node's heap limit of 1\.0 MiB here: running again in a new process with --max-old-space-size=257\n/);
    expect(code).toBe(1);
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', planPath('example'), '--format', 'sarif', '-o', here]);
    expect(direct.status).toBe(1);
    expect(readFileSync(restarted, 'utf8')).toBe(readFileSync(here, 'utf8'));
  });

  it('a plan that fits lean is read lean, and scans exactly as read whole', async () => {
    const dir = tmp();
    const lean = join(dir, 'lean.sarif');
    const whole = join(dir, 'whole.sarif');
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    const io = (limit: number) => ({ stdout: () => undefined, isTTY: false, env: {}, cwd: ROOT, heap: { facts: () => facts({ limit }), restart: vi.fn(async () => 99) } });
    const tight = io(heapNeeded(statSync(planPath('example')).size) - 1);
    expect(await main(['scan', '--plan', planPath('example'), '--format', 'sarif', '-o', lean, '--timings'], tight)).toBe(1);
    expect(stderr.join('')).toContain('plan: read lean, piece by piece');
    stderr.length = 0;
    expect(await main(['scan', '--plan', planPath('example'), '--format', 'sarif', '-o', whole, '--timings'], io(4 * GiB))).toBe(1);
    expect(stderr.join('')).not.toContain('read lean');
    vi.restoreAllMocks();
    expect(tight.heap.restart).not.toHaveBeenCalled();
    expect(readFileSync(lean, 'utf8')).toBe(readFileSync(whole, 'utf8'));
  });

  it('explain --plan restarts the same way, and prints nothing itself', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.fn();
    const heap = { facts: () => facts({ limit: 1 * MiB }), restart: vi.fn(async () => 0) };
    expect(await main(['explain', '--plan', planPath('example'), '--bucket', 'x'], { stdout, isTTY: false, env: {}, cwd: ROOT, heap })).toBe(0);
    expect(heap.restart).toHaveBeenCalledWith(257);
    expect(stdout).not.toHaveBeenCalled();
  });

  // A heap limit (old space and the young generation's 48 MiB) under the 65 MiB advised for the example, whose scan
  // needs about 9 MiB of old space: at 8 it ran out now and then.
  const USER_LIMIT = '--max-old-space-size=12';

  it('a plan piped to the built CLI is read lean when its size, once read, calls for it', () => {
    const text = readFileSync(planPath('example'), 'utf8');
    const piped = spawnSync(process.execPath, [USER_LIMIT, join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', '-', '--format', 'sarif', '--timings'], { input: text, encoding: 'utf8' });
    expect(piped.stderr).toMatch(/^vpcelint: warning: <stdin> is \d+ KiB; a scan of it may need up to 65 MiB of JavaScript heap/);
    expect(piped.stderr).toContain('plan: read lean, piece by piece');
    const whole = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', '-', '--format', 'sarif', '--timings'], { input: text, encoding: 'utf8' });
    expect(whole.stderr).not.toContain('read lean');
    expect(piped.status).toBe(1);
    expect(piped.stdout).toBe(whole.stdout);
  });

  it('with a limit the user set, the built CLI keeps it and warns', () => {
    const r = spawnSync(process.execPath, [USER_LIMIT, join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', planPath('example'), '--format', 'sarif', '-o', join(tmp(), 'out.sarif')], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/^vpcelint: warning: .*plan\.json is \d+ KiB; a scan of it may need up to 65 MiB of JavaScript heap, more than this process's limit of \d+ MiB \(set by --max-old-space-size\)/);
    expect(r.status).toBe(1);
  });
});
