import { describe, expect, it } from 'vitest';
import { asPlan, decode, parsePlanJson } from '../../src/collect/terraform/read-plan.js';
import { collectPlan } from '../../src/collect/terraform/index.js';
import { InputError } from '../../src/errors.js';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError');
}

const read = (text: string | Buffer, file = 'plan.json') => asPlan(parsePlanJson(decode(Buffer.isBuffer(text) ? text : Buffer.from(text), file), file), file);

describe('reading plan files', () => {
  it('says where JSON broke, with line and column', () => {
    const e = errorOf(() => read('{\n  "format_version": "1.2",\n  "planned_values": {,}\n}'));
    expect(e.message).toMatch(/^plan\.json: not valid JSON: expected a property name in double quotes at line 3, column 22/);
  });

  it('recognizes a truncated file', () => {
    expect(errorOf(() => read('{"format_version": "1.2", "resource_changes": [')).message).toMatch(/ends too early .*truncated/);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => read('')).message).toMatch(/the file is empty/);
  });

  it('recognizes a binary plan file and says how to convert it', () => {
    expect(errorOf(() => read(Buffer.from('PK\u0003\u0004binary'))).message).toMatch(/binary Terraform plan file; convert it with "terraform show -json/);
  });

  it('recognizes state given instead of a plan', () => {
    expect(errorOf(() => read('{"format_version":"1.0","values":{"root_module":{}}}')).message).toMatch(/this is Terraform state/);
    expect(errorOf(() => read('{"version":4,"serial":1,"lineage":"x","resources":[]}')).message).toMatch(/raw terraform\.tfstate/);
  });

  it('rejects JSON that is not a plan', () => {
    expect(errorOf(() => read('[1,2]')).message).toMatch(/expected a JSON object .* found an array at \$/);
    expect(errorOf(() => read('{"hello":"world"}')).message).toMatch(/not a Terraform plan/);
  });

  it('rejects an unsupported major format_version and accepts newer minors', () => {
    const e = errorOf(() => read('{"format_version":"2.0","planned_values":{}}'));
    expect(e.message).toMatch(/format_version 2\.0 is not supported/);
    expect(e.jsonPath).toBe('$.format_version');
    expect(read('{"format_version":"1.9","planned_values":{}}').format_version).toBe('1.9');
  });

  it('decodes UTF-16 (PowerShell redirects) and strips a UTF-8 BOM', () => {
    const json = '{"format_version":"1.2","planned_values":{}}';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    expect(read(utf16).format_version).toBe('1.2');
    expect(read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])).format_version).toBe('1.2');
  });

  it('names the JSON path of a value of the wrong type', () => {
    const plan = read('{"format_version":"1.2","resource_changes":[{"address":"aws_vpc.a","type":"aws_vpc","name":"a","change":{"actions":"create"}}]}');
    const e = errorOf(() => collectPlan(plan, 'plan.json'));
    expect(e.message).toBe('plan.json: expected an array of strings at $.resource_changes[0].change.actions, found the string "create"');
  });
});
