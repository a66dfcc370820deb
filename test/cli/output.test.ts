import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTargets, writeAll } from '../../src/cli/output.js';
import { Pieces } from '../../src/report/pieces.js';
import { main } from '../../src/cli/main.js';
import { planPath, ROOT } from '../helpers/fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-output-'));

describe('writeAll', () => {
  it('writes every file, creating directories, and replaces what was there', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.txt'), 'old');
    writeAll([[join(dir, 'old.txt'), 'new'], [join(dir, 'a', 'b', 'c.sarif'), 'sarif']]);
    expect(readFileSync(join(dir, 'old.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'a', 'b', 'c.sarif'), 'utf8')).toBe('sarif');
    expect(readdirSync(dir).sort()).toEqual(['a', 'old.txt']);
  });

  it('writes nothing when one target cannot be written, and leaves no temporary file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kept.txt'), 'before');
    mkdirSync(join(dir, 'a-directory'));
    for (const bad of [join(dir, 'a-directory'), join(dir, 'kept.txt', 'under-a-file.md')]) {
      expect(() => writeAll([[join(dir, 'kept.txt'), 'after'], [join(dir, 'new.json'), '{}'], [bad, 'x']])).toThrow(`cannot write ${bad}: `);
      expect(readFileSync(join(dir, 'kept.txt'), 'utf8')).toBe('before');
      expect(readdirSync(dir).sort()).toEqual(['a-directory', 'kept.txt']);
    }
  });

  it('writes a path named twice once, with the last content', () => {
    const dir = tmp();
    writeAll([[join(dir, 'r.sarif'), 'first'], [join(dir, '.', 'r.sarif'), 'last']]);
    expect(readFileSync(join(dir, 'r.sarif'), 'utf8')).toBe('last');
    expect(readdirSync(dir)).toEqual(['r.sarif']);
  });

  it('writes a report in pieces as they are rendered, files and devices alike', () => {
    const dir = tmp();
    const many = new Pieces(() => Array.from({ length: 5_000 }, (_, i) => `${i} é ${'-'.repeat(40)}\n`));
    writeAll([['/dev/null', many], [join(dir, 'r.txt'), many]]);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe(many.text());
    // Three bytes a character, pairs of four, and a piece longer than the buffer the batches are encoded into.
    const wide = new Pieces(() => ['€'.repeat(70_000), '🛡'.repeat(30_000), 'x', '€'.repeat(200_000), 'end']);
    writeAll([[join(dir, 'wide.txt'), wide]]);
    expect(readFileSync(join(dir, 'wide.txt'), 'utf8')).toBe(wide.text());
  });

  it('a rendering that fails half-way leaves every target as it was, and its error is not taken for a write error', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kept.txt'), 'before');
    const broken = new Pieces(function* () {
      yield 'half';
      throw new TypeError('a bug in a reporter');
    });
    expect(() => writeAll([[join(dir, 'new.txt'), 'new'], [join(dir, 'kept.txt'), broken]])).toThrow(TypeError);
    expect(readFileSync(join(dir, 'kept.txt'), 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['kept.txt']);
  });

  it('writes devices directly, after the files', () => {
    const dir = tmp();
    writeAll([['/dev/null', 'to nowhere'], [join(dir, 'r.txt'), 'r']]);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe('r');
    expect(existsSync('/dev/null')).toBe(true);
  });
});

describe('standard output', () => {
  it('a report on standard output is the same text whether it goes to a file (written directly), a pipe, or --output', () => {
    const dir = tmp();
    const plan = join(dir, 'plan.json');
    expect(spawnSync(process.execPath, [join(ROOT, 'bench/gen-plan.mjs'), '20', plan]).status).toBe(0);
    const cli = (args: string[], stdout: 'pipe' | number) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', plan, '--format', 'sarif', '--fail-on', 'none', ...args], { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8' });
    expect(cli(['--output', join(dir, 'output.sarif')], 'pipe').status).toBe(0);
    const fd = openSync(join(dir, 'redirected.sarif'), 'w');
    try {
      expect(cli([], fd).status).toBe(0);
    } finally {
      closeSync(fd);
    }
    const piped = cli([], 'pipe');
    const expected = readFileSync(join(dir, 'output.sarif'), 'utf8');
    // Several batches of 64 Ki characters, through the one buffer.
    expect(expected.length).toBeGreaterThan(4 * 65_536);
    expect(readFileSync(join(dir, 'redirected.sarif'), 'utf8')).toBe(expected);
    expect(piped.stdout).toBe(expected);
  });
});

describe('checkTargets', () => {
  it('refuses a directory, or a path under a file, naming the flag', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), '');
    expect(() => checkTargets([['--output', dir]])).toThrow(`--output ${dir}: is a directory`);
    expect(() => checkTargets([['--sarif', join(dir, 'file', 'x', 'y.sarif')]])).toThrow(`--sarif ${join(dir, 'file', 'x', 'y.sarif')}: ${join(dir, 'file')} is not a directory`);
    expect(() => checkTargets([['--output', join(dir, 'new', 'deep', 'r.txt')], ['--markdown', undefined], ['--sarif', '/dev/null']])).not.toThrow();
  });

  it('a scan with a target that cannot be a file stops before reading the plan: exit 2, nothing written', async () => {
    const dir = tmp();
    let stdout = '';
    const code = await main(['scan', '--plan', '/no/such/plan.json', '--output', join(dir, 'r.txt'), '--sarif', dir], { stdout: (s) => (stdout += s), isTTY: false, env: {}, cwd: ROOT });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
    // And one that can: the plan is read, the files are written.
    expect(await main(['scan', '--plan', planPath('example'), '--output', join(dir, 'r.txt'), '--sarif', join(dir, 'r.sarif')], { stdout: (s) => (stdout += s), isTTY: false, env: {}, cwd: ROOT })).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['r.sarif', 'r.txt']);
    expect(stdout).toBe('');
  });
});
