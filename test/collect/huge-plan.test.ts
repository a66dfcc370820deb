import { execSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import { LEAN_FROM_BYTES, parseHugePlan, parsePlanJson, readPlanFile } from '../../src/collect/terraform/read-plan.js';
import { ByteWindow } from '../../src/util/byte-window.js';
import { render, scan } from '../../src/cli/scan.js';
import { InputError } from '../../src/errors.js';
import { ROOT, planPath } from '../helpers/fixtures.js';

/**
 * Plans over ~512 MiB cannot be one JavaScript string; they are parsed from
 * their bytes, section by section. Every plan we have, read that way with a
 * tiny limit (so that it is walked deep), must scan exactly as it does as text.
 */
const PLANS = execSync("grep -rl '\"resource_changes\"' fixtures bench/template bench/wide-template --include=*.json", { cwd: ROOT, encoding: 'utf8' })
  .trim()
  .split('\n')
  .filter((f) => !f.includes('tfjson_invalid'));

const sarif = (plan: unknown, file: string) => render(scan(collectPlan(plan as never, file)), 'sarif', { color: false });

/** The message of the error `fn` throws. */
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('plans read from bytes, section by section', () => {
  it(`every fixture and real-world plan (${PLANS.length}) scans the same as from its text`, () => {
    expect(PLANS.length).toBeGreaterThan(50);
    for (const file of PLANS) {
      const bytes = readFileSync(join(ROOT, file));
      // Small enough that resource_changes and prior_state are walked; large enough for the longest policy string.
      const limit = Math.max(4096, ...[...bytes.toString('utf8').matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => Buffer.byteLength(m[0])));
      expect(sarif(parseHugePlan(bytes, file, limit), file), file).toBe(sarif(parsePlanJson(bytes.toString('utf8'), file), file));
    }
  });

  it('reads past planned_values as terraform show -json orders a plan, and gives the same plan when its bytes fool that', () => {
    const doc = JSON.parse(readFileSync(planPath('example'), 'utf8')) as Record<string, unknown>;
    // What is left out besides planned_values: members the collector never reads.
    const read = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !['relevant_attributes', 'output_changes', 'checks', 'deferred_changes', 'resource_drift'].includes(k)));
    expect(Object.keys(doc)).toContain('relevant_attributes');
    const ordered = (d: Record<string, unknown>) => Buffer.from(JSON.stringify(d));
    expect(parseHugePlan(ordered(doc), 'plan.json')).toEqual({ ...read(doc), planned_values: {} });
    // An output of the skipped planned_values with a member named resource_changes: the bytes searched for, nested.
    const pv = doc.planned_values as { outputs?: Record<string, unknown> };
    const fooled = { ...doc, planned_values: { ...pv, outputs: { ...pv.outputs, trap: { value: { a: 1, resource_changes: [] } } } } };
    expect(parseHugePlan(ordered(fooled), 'plan.json')).toEqual({ ...read(fooled), planned_values: {} });
    // Keys sorted (a tool that re-serialized the plan): prior_state and configuration come before resource_changes.
    const sorted = Object.fromEntries(Object.entries(doc).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(parseHugePlan(ordered(sorted), 'plan.json')).toEqual({ ...read(sorted), planned_values: {} });
    // Trimmed by hand in an order of its own, Terraform's up to planned_values: prior_state and configuration kept.
    const { format_version, planned_values, prior_state, resource_changes, configuration } = doc;
    const trimmed = { format_version, planned_values, prior_state, resource_changes, configuration };
    expect(prior_state).toBeDefined();
    expect(parseHugePlan(ordered(trimmed), 'plan.json')).toEqual({ ...trimmed, planned_values: {} });
    // No resource_changes: planned_values is what the plan has.
    const { resource_changes: _, ...noChanges } = doc;
    expect(parseHugePlan(ordered(noChanges), 'plan.json')).toEqual(noChanges);
  });

  it('turns a broken byte into an input error naming the file and the byte', () => {
    const bytes = Buffer.from(readFileSync(planPath('example'), 'utf8').replace('"resource_changes": [', '"resource_changes": [,'));
    expect(() => parseHugePlan(bytes, 'big.json', 512)).toThrow(InputError);
    expect(() => parseHugePlan(bytes, 'big.json', 512)).toThrow(/^big\.json: not valid JSON: .* at byte \d+ \(line \d+, column \d+\)\.$/);
  });
});

describe('readPlanFile on a plan too large for one string', () => {
  afterEach(() => vi.restoreAllMocks());

  it('falls back to the bytes when decoding says the text is too long', () => {
    const file = planPath('policy-buckets');
    const asText = readPlanFile(file);
    const size = readFileSync(file).length;
    const toString = Buffer.prototype.toString;
    let refused = 0;
    // What Node throws past its string limit, for the whole file's bytes only.
    vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args: unknown[]) {
      if (this.length === size && args.length <= 1) {
        refused++;
        throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
      }
      return toString.apply(this, args as []);
    });
    const fromBytes = readPlanFile(file);
    vi.restoreAllMocks();
    expect(refused).toBe(1);
    expect(sarif(fromBytes, file)).toBe(sarif(asText, file));
  });
});

describe('readPlanFile lean (for a heap too small for the plan as one string)', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-lean-'));

  it('reads every fixture and real-world plan as the text does', () => {
    for (const file of PLANS) expect(sarif(readPlanFile(join(ROOT, file), { lean: true }), file), file).toBe(sarif(readPlanFile(join(ROOT, file)), file));
  });

  it('decides by the plan\'s size once read, when asked to (a pipe\'s size is unknown before)', () => {
    const sizes: number[] = [];
    const file = planPath('example');
    const expected = sarif(readPlanFile(file), file);
    expect(sarif(readPlanFile(file, { lean: (n) => (sizes.push(n), true) }), file)).toBe(expected);
    expect(sarif(readPlanFile(file, { lean: (n) => (sizes.push(n), false) }), file)).toBe(expected);
    expect(sizes).toEqual([readFileSync(file).length, readFileSync(file).length]);
  });

  it('reads UTF-8 with a byte order mark, and UTF-16 (decoded as text, as without lean)', () => {
    const dir = tmp();
    const text = readFileSync(planPath('example'), 'utf8');
    const expected = sarif(readPlanFile(planPath('example')), 'plan.json');
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(sarif(readPlanFile(bom, { lean: true }), 'plan.json')).toBe(expected);
    expect(sarif(readPlanFile(utf16, { lean: true }), 'plan.json')).toBe(expected);
  });

  it('says what is wrong as the text does: an empty file, a binary plan; and where, for broken JSON', () => {
    const dir = tmp();
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const binary = join(dir, 'tf.plan');
    writeFileSync(binary, Buffer.from('PK\x03\x04binary'));
    for (const file of [empty, binary]) expect(message(() => readPlanFile(file, { lean: true }))).toBe(message(() => readPlanFile(file)));
    const text = readFileSync(planPath('example'), 'utf8');
    const line = text.slice(0, text.indexOf('"resource_changes": [')).split('\n').length;
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, text.replace('"resource_changes": [', '"resource_changes": [,'));
    expect(message(() => readPlanFile(broken, { lean: true }))).toMatch(new RegExp(`^${broken}: not valid JSON: .* at byte \\d+ \\(line ${line}, column \\d+\\)\\.$`));
  });
});

describe(`readPlanFile on a plan of ${LEAN_FROM_BYTES} bytes or more: always lean, a window at a time`, () => {
  afterEach(() => vi.restoreAllMocks());
  const dir = mkdtempSync(join(tmpdir(), 'vpcelint-window-plan-'));
  const text = readFileSync(planPath('example'), 'utf8');
  /** The example plan made larger than LEAN_FROM_BYTES with white space between its members (JSON all the same). */
  const padded = (t: string) => t.replace('"resource_changes":', `${' '.repeat(LEAN_FROM_BYTES)}"resource_changes":`);
  const write = (name: string, content: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('scans as the text does, reading the file a window at a time and never whole', () => {
    const file = write('big.json', padded(text));
    expect(readFileSync(file).length).toBeGreaterThan(LEAN_FROM_BYTES);
    const windows = vi.spyOn(ByteWindow, 'reading');
    const whole = vi.spyOn(ByteWindow, 'of');
    const plan = readPlanFile(file);
    expect(windows).toHaveBeenCalledTimes(1);
    expect(whole).not.toHaveBeenCalled();
    expect(sarif(plan, 'plan.json')).toBe(sarif(readPlanFile(planPath('example')), 'plan.json'));
  });

  it('reads the file again from its start for planned_values, in a plan without resource_changes', () => {
    const doc = JSON.parse(text) as Record<string, unknown>;
    delete doc.resource_changes;
    const small = write('no-changes-small.json', JSON.stringify(doc));
    const big = write('no-changes.json', JSON.stringify(doc).replace('"planned_values":', `${' '.repeat(LEAN_FROM_BYTES)}"planned_values":`));
    const windows = vi.spyOn(ByteWindow, 'reading');
    const plan = readPlanFile(big);
    expect(windows).toHaveBeenCalledTimes(2);
    expect(sarif(plan, 'plan.json')).toBe(sarif(readPlanFile(small), 'plan.json'));
    expect(sarif(plan, 'plan.json')).toContain('"ruleId"');
  });

  it('says what is wrong and where, as the text does: broken, cut short, a binary plan, the JSON Lines of terraform plan -json', () => {
    const line = padded(text).slice(0, padded(text).indexOf('"resource_changes": [')).split('\n').length;
    const broken = write('broken.json', padded(text).replace('"resource_changes": [', '"resource_changes": [,'));
    expect(message(() => readPlanFile(broken))).toMatch(new RegExp(`^${broken}: not valid JSON: .* at byte \\d+ \\(line ${line}, column \\d+\\)\\.$`));
    const cut = write('cut.json', padded(text).slice(0, -200));
    expect(message(() => readPlanFile(cut))).toMatch(/: not valid JSON: .* at byte \d+ \(line \d+, column \d+\) \(truncated\?\)\.$/);
    const binary = write('tf.plan', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(LEAN_FROM_BYTES)]));
    expect(message(() => readPlanFile(binary))).toMatch(/this is a binary Terraform plan file; convert it with "terraform show -json/);
    const event = JSON.stringify({ '@level': 'info', '@message': 'Terraform 1.9.0', type: 'version' });
    const stream = write('stream.json', `${event}\n`.repeat(Math.ceil(LEAN_FROM_BYTES / event.length)));
    expect(message(() => readPlanFile(stream))).toMatch(/unexpected text after the end of the document at byte \d+ \(line 2, column 1\)\. This looks like the JSON Lines stream of "terraform plan -json"/);
  });

  it('reads standard input redirected from a file the same way (the built CLI, `--plan - < big.json`)', () => {
    const file = write('redirected.json', padded(text));
    const run = (args: string[], stdin: number | 'pipe') => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', ...args, '--format', 'sarif'], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8' });
      // The plan's name (and the run's id, made from it) is all that may differ.
      const stdout = r.stdout.replaceAll(file, 'plan').replaceAll('<stdin>', 'plan').replace(/"vpcelint\/plan:[^"]*"/g, '"id"');
      return { status: r.status, stdout };
    };
    const fd = openSync(file, 'r');
    try {
      const redirected = run(['--plan', '-'], fd);
      expect(redirected.status).toBe(1);
      expect(redirected.stdout).toBe(run(['--plan', file], 'pipe').stdout);
    } finally {
      closeSync(fd);
    }
  });

  it('decodes a UTF-16 plan whole, as text, whatever its size', () => {
    const utf16 = write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(padded(text), 'utf16le')]));
    const windows = vi.spyOn(ByteWindow, 'reading');
    expect(sarif(readPlanFile(utf16), 'plan.json')).toBe(sarif(readPlanFile(planPath('example')), 'plan.json'));
    expect(windows).not.toHaveBeenCalled();
  });
});
