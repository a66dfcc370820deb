import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heapAdvice, heapNeeded, processHeap, restartWithHeap, RESTARTED_ENV, scanWithEnoughHeap, type HeapFacts } from '../../src/cli/heap.js';
import { main } from '../../src/cli/main.js';
import { ROOT, planPath } from '../helpers/fixtures.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-heap-'));
const facts = (over: Partial<HeapFacts> = {}): HeapFacts => ({ limit: 2 * GiB, userSet: false, memory: 8 * GiB, restarted: false, ...over });

describe('heapAdvice', () => {
  it('a plan whose estimate fits the limit scans here', () => {
    expect(heapAdvice(100 * MiB, facts(), 'plan.json')).toEqual({ kind: 'fits' });
    // The estimate covers what the bench plans were measured to need: 1,085 MB at 420 MB (5,000 VPCs).
    expect(heapNeeded(420 * MiB)).toBeGreaterThan(1085 * MiB);
    expect(heapAdvice(600 * MiB, facts(), 'plan.json')).toEqual({ kind: 'fits' });
  });

  it('a plan too large for Node\'s default limit restarts with room above the estimate', () => {
    const advice = heapAdvice(700 * MiB, facts(), 'plan.json');
    expect(advice).toEqual({ kind: 'restart', mb: 4 * 700 + 256 });
  });

  it('the restart asks for at most three quarters of the memory, and says when that may not be enough', () => {
    const advice = heapAdvice(1500 * MiB, facts({ memory: 5 * GiB }), 'big.json');
    expect(advice).toEqual({
      kind: 'restart',
      mb: 3840,
      note: "big.json is 1,500 MB; a scan of it may need up to 4,564 MB of JavaScript heap, more than the 3,840 MB that this machine's 5,120 MB of memory allow; the scan may run out of memory",
    });
    // With the memory for it, no note.
    expect(heapAdvice(1500 * MiB, facts({ memory: 16 * GiB }), 'big.json')).toEqual({ kind: 'restart', mb: 6256 });
  });

  it('no restart where the machine has no more to give: a warning', () => {
    const advice = heapAdvice(700 * MiB, facts({ memory: 2.5 * GiB }), 'plan.json');
    expect(advice.kind).toBe('warn');
    if (advice.kind === 'warn') expect(advice.message).toContain('this machine has 2,560 MB of memory');
  });

  it('a limit the user set is kept, with a warning', () => {
    const advice = heapAdvice(700 * MiB, facts({ userSet: true, limit: 1 * GiB }), 'plan.json');
    expect(advice.kind).toBe('warn');
    if (advice.kind === 'warn') expect(advice.message).toMatch(/plan\.json is 700 MB; .*limit of 1,024 MB \(set by --max-old-space-size\)/);
  });

  it('a restarted process never restarts again', () => {
    expect(heapAdvice(700 * MiB, facts({ restarted: true }), 'plan.json').kind).toBe('warn');
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

  it('a child stopped by a signal gives 128 + its number, as a shell does', async () => {
    const dir = tmp();
    expect(await restartWithHeap(100, probe(dir), [join(dir, 'out.json'), 'signal'])).toBe(128 + 15);
  });
});

describe('scanWithEnoughHeap', () => {
  it('a pipe, whose size is unknown, and a plan that fits scan here', async () => {
    const restart = vi.fn(async () => 0);
    const say = vi.fn();
    expect(await scanWithEnoughHeap('<stdin>', undefined, { facts: () => facts({ limit: 1 }), restart }, say)).toBeUndefined();
    expect(await scanWithEnoughHeap('plan.json', 10 * MiB, { facts: () => facts(), restart }, say)).toBeUndefined();
    expect(restart).not.toHaveBeenCalled();
    expect(say).not.toHaveBeenCalled();
  });

  it('a plan too large restarts, says so, and gives back the exit code; a stopped restart is explained', async () => {
    const lines: string[] = [];
    const restart = vi.fn(async () => 1);
    expect(await scanWithEnoughHeap('plan.json', 700 * MiB, { facts: () => facts(), restart }, (l) => lines.push(l))).toBe(1);
    expect(restart).toHaveBeenCalledWith(3056);
    expect(lines).toEqual(["plan.json is 700 MB, too large for Node's heap limit of 2,048 MB here: running again in a new process with --max-old-space-size=3056"]);
    lines.length = 0;
    expect(await scanWithEnoughHeap('plan.json', 700 * MiB, { facts: () => facts(), restart: async () => 134 }, (l) => lines.push(l))).toBe(134);
    expect(lines[1]).toMatch(/^the scan with a 3,056 MB heap was stopped \(exit code 134\)/);
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
    expect(stderr.join('')).toMatch(/plan\.json is \d+ KB, too large for Node's heap limit of 1\.0 MB here: running again in a new process with --max-old-space-size=257\n/);
    expect(code).toBe(1);
    const direct = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', planPath('example'), '--format', 'sarif', '-o', here]);
    expect(direct.status).toBe(1);
    expect(readFileSync(restarted, 'utf8')).toBe(readFileSync(here, 'utf8'));
  });

  it('explain --plan restarts the same way, and prints nothing itself', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.fn();
    const heap = { facts: () => facts({ limit: 1 * MiB }), restart: vi.fn(async () => 0) };
    expect(await main(['explain', '--plan', planPath('example'), '--bucket', 'x'], { stdout, isTTY: false, env: {}, cwd: ROOT, heap })).toBe(0);
    expect(heap.restart).toHaveBeenCalledWith(257);
    expect(stdout).not.toHaveBeenCalled();
  });

  it('with a limit the user set, the built CLI keeps it and warns', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8', join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', planPath('example'), '--format', 'sarif', '-o', join(tmp(), 'out.sarif')], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/^vpcelint: warning: .*plan\.json is \d+ KB; a scan of it may need up to 65 MB of JavaScript heap, more than this process's limit of \d+ MB \(set by --max-old-space-size\)/);
    expect(r.status).toBe(1);
  });
});
