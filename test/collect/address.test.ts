import { describe, expect, it } from 'vitest';
import { parseInstanceAddress, parseReference } from '../../src/collect/terraform/address.js';

describe('instance addresses', () => {
  it('parses modules, keys and data sources', () => {
    expect(parseInstanceAddress('module.a["x.y"].module.b[0].data.aws_vpc.this[2]')).toEqual({
      modules: [{ name: 'a', key: 'x.y' }, { name: 'b', key: 0 }],
      mode: 'data',
      type: 'aws_vpc',
      name: 'this',
      key: 2,
    });
  });

  it('keeps keys that hold dots, brackets and escaped quotes', () => {
    expect(parseInstanceAddress('aws_route53_zone.z["a]b.\\"c\\""]')).toMatchObject({ key: 'a]b."c"' });
  });

  it('rejects what is not an address', () => {
    expect(parseInstanceAddress('aws_vpc')).toBeUndefined();
    expect(parseInstanceAddress('aws_vpc.a[')).toBeUndefined();
    expect(parseInstanceAddress('aws_vpc.a.b.c')).toBeUndefined();
    expect(parseInstanceAddress('')).toBeUndefined();
  });
});

describe('references', () => {
  it('resource references with key and attribute', () => {
    expect(parseReference('aws_route_table.private[0].id')).toEqual({ kind: 'resource', mode: 'managed', type: 'aws_route_table', name: 'private', key: 0, attribute: 'id' });
    expect(parseReference('data.aws_iam_policy_document.p.json')).toMatchObject({ kind: 'resource', mode: 'data', attribute: 'json' });
  });

  it('module outputs, variables, locals and iteration symbols', () => {
    expect(parseReference('module.vpc["blue"].vpc_id')).toEqual({ kind: 'module', call: 'vpc', key: 'blue', output: 'vpc_id' });
    expect(parseReference('var.region')).toEqual({ kind: 'var', name: 'region' });
    expect(parseReference('local.x')).toEqual({ kind: 'local', name: 'x' });
    expect(parseReference('count.index')).toEqual({ kind: 'iteration', name: 'count.index' });
  });
});
