import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, planPath } from '../helpers/fixtures.js';

/** Runs the real executable, as users do (npm test builds first). */
function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-cli-'));

describe('exit codes', () => {
  it('0 when no finding reaches --fail-on', () => {
    expect(cli(['scan', '--plan', planPath('clean-network')]).code).toBe(0);
    expect(cli(['scan', '--plan', planPath('example'), '--fail-on', 'error']).code).toBe(0);
  });

  it('1 when a finding is at or above --fail-on (default warning)', () => {
    const r = cli(['scan', '--plan', planPath('example')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s3-via-nat');
    expect(cli(['scan', '--plan', planPath('spelling-inline'), '--fail-on', 'note']).code).toBe(1);
  });

  it('--soft-fail and --fail-on none always exit 0 when the scan ran', () => {
    expect(cli(['scan', '--plan', planPath('example'), '--soft-fail']).code).toBe(0);
    expect(cli(['scan', '--plan', planPath('example'), '--fail-on', 'none']).code).toBe(0);
  });

  it('2 on a bad command line, with a message and no stack trace', () => {
    for (const args of [['scan', '--plan', planPath('example'), '--format', 'xml'], ['scan', '--fail-on', 'sometimes'], ['scan'], ['frobnicate']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().length).toBeGreaterThan(0);
    }
  });

  it('2 on bad input, naming the file and where it broke, without writing the output file', () => {
    const dir = tmp();
    const cases: [string, RegExp][] = [
      ['{"format_version": "1.2", "resource_changes": [ }', /bad\.json: not valid JSON: expected a value at line 1, column 49, found "}"/],
      ['{"format_version":"1.0","values":{}}', /bad\.json: this is Terraform state/],
      ['{"format_version":"3.1","planned_values":{}}', /bad\.json: plan format_version 3\.1 is not supported/],
      ['{"format_version":"1.2","resource_changes":{}}', /bad\.json: expected an array at \$\.resource_changes, found an object/],
    ];
    for (const [content, message] of cases) {
      writeFileSync(join(dir, 'bad.json'), content);
      const out = join(dir, 'report.sarif');
      const r = cli(['scan', '--plan', join(dir, 'bad.json'), '--format', 'sarif', '--output', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });

  it('2 when the plan file does not exist', () => {
    const r = cli(['scan', '--plan', '/no/such/plan.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vpcelint: /no/such/plan.json: cannot read: no such file\n');
  });
});

describe('inputs and outputs', () => {
  it('a reader that stops early (| head) ends nothing: no stack trace, and the scan\'s own exit code', async () => {
    const cases: [string[], number][] = [
      [['scan', '--plan', planPath('example'), '--fail-on', 'none'], 0],
      [['scan', '--plan', planPath('example')], 1],
      [['explain', '--plan', planPath('example'), 'module.network.aws_subnet.private[0]'], 0],
    ];
    for (const [args, code] of cases) {
      const child = spawn(process.execPath, [join(ROOT, 'bin/vpcelint.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      // The reader is gone before the first write: every write meets a closed pipe (EPIPE).
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr, args.join(' ')).toBe('');
      expect(exit, args.join(' ')).toBe(code);
    }
  });


  it('--plan - reads standard input', () => {
    const r = cli(['scan', '--plan', '-', '--format', 'json'], readFileSync(planPath('example'), 'utf8'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.input.file).toBe('-');
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('s3-via-nat');
  });

  it('--output writes the whole report to a file and nothing to stdout', () => {
    const out = join(tmp(), 'nested', 'report.json');
    const r = cli(['scan', '--plan', planPath('example'), '--format', 'json', '--output', out, '--soft-fail']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.reportVersion).toBe('1.0');
    expect(report.summary.findings).toBe(report.findings.length);
  });

  it('text output is plain (no color codes) when not on a terminal', () => {
    const r = cli(['scan', '--plan', planPath('example')]);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/\d+ findings?: /);
  });

  it('rules lists every rule with id, severity and title', () => {
    const r = cli(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^s3-via-nat\s+warning\s+Private subnets reach S3 through a NAT/m);
    expect(r.stdout).toMatch(/^gateway-endpoint-region-mismatch\s+error\s+/m);
  });

  it('--timings prints the time of each phase, the slowest rules and the peak memory on stderr, and nothing more on stdout', () => {
    const plain = cli(['scan', '--plan', planPath('example'), '--format', 'json', '--fail-on', 'none']);
    const r = cli(['scan', '--plan', planPath('example'), '--format', 'json', '--fail-on', 'none', '--timings']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual(JSON.parse(plain.stdout).findings);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^timings: parse \d+ ms, inventory \d+ ms, rules \d+ ms, sources \d+ ms, report \d+ ms, total \d+ ms$/);
    expect(lines[1]).toMatch(/^slowest rules: [a-z0-9-]+ \d+ ms(, [a-z0-9-]+ \d+ ms){4}$/);
    // The example's root module and its local module: two files, and a plan too small for a worker thread.
    expect(lines[2]).toBe('sources: 2 .tf files read on the main thread');
    const peak = Number(/^memory: peak RSS (\d+) MB$/.exec(lines[3] ?? '')?.[1]);
    // A Node process that has loaded the CLI holds tens of megabytes; a few GB would be a unit error.
    expect(peak).toBeGreaterThan(20);
    expect(peak).toBeLessThan(2000);
    expect(lines).toHaveLength(4);
  });

  it('--help and --version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: vpcelint');
    const scanHelp = cli(['scan', '--help']);
    expect(scanHelp.stdout).toContain('--fail-on <severity>');
    const version = cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('--config', () => {
  // The built CLI carries its YAML parser as a chunk of its own (scripts/bundle-cli.mjs): these run that chunk.
  it('applies severities and ignore entries from a YAML config', () => {
    const dir = tmp();
    const config = join(dir, 'vpcelint.yml');
    writeFileSync(config, ['rules:', '  s3-via-nat: error', 'ignore:', '  - rule: dynamodb-via-nat', '    address: "*"', '    reason: no DynamoDB client here', ''].join('\n'));
    const r = cli(['scan', '--plan', planPath('example'), '--config', config, '--format', 'json', '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[]; suppressed: { ruleId: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 's3-via-nat').map((f) => f.severity)).toEqual(['error']);
    expect(report.findings.some((f) => f.ruleId === 'dynamodb-via-nat')).toBe(false);
    expect(report.suppressed.some((f) => f.ruleId === 'dynamodb-via-nat')).toBe(true);
  });

  it('exits 2 on a config that is not valid YAML, naming file, line and column', () => {
    const dir = tmp();
    const config = join(dir, 'vpcelint.yml');
    writeFileSync(config, 'rules:\n  s3-via-nat: error\n  s3-via-nat: note\n');
    const r = cli(['scan', '--plan', planPath('example'), '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${config}:3:3: not valid YAML: Map keys must be unique`);
  });
});

describe('output to devices', () => {
  it('--output /dev/null writes through the device and leaves it a device', () => {
    const r = cli(['scan', '--plan', planPath('example'), '--format', 'sarif', '--output', '/dev/null', '--soft-fail']);
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('--strict', () => {
  it('fails a scan that could not evaluate everything, even without findings', () => {
    // Without its .tf files (which tell the table), the plan cannot tell which table the subnet uses.
    const plan = join(tmp(), 'plan.json');
    writeFileSync(plan, readFileSync(planPath('unresolvable-reference')));
    expect(cli(['scan', '--plan', plan]).code).toBe(0);
    const strict = cli(['scan', '--plan', plan, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('not evaluated');
    expect(cli(['scan', '--plan', planPath('clean-network'), '--strict']).code).toBe(0);
    expect(cli(['scan', '--plan', plan, '--strict', '--soft-fail']).code).toBe(0);
  });
});
