import { describe, expect, it } from 'vitest';
import { referencesOf } from '../../src/collect/terraform/expression-references.js';

describe('referencesOf', () => {
  it('keeps, per resource, the keyed reference that names an attribute', () => {
    // What Terraform writes for `aws_subnet.a[0].id`: the reference and each of its prefixes.
    const { refs, iterates } = referencesOf({ references: ['aws_subnet.a[0].id', 'aws_subnet.a[0]', 'aws_subnet.a'] });
    expect(refs).toEqual([{ kind: 'resource', mode: 'managed', type: 'aws_subnet', name: 'a', key: 0, attribute: 'id' }]);
    expect(iterates).toBe(false);
  });

  it('keeps one reference per key, and the unkeyed one only when no key is given', () => {
    const keyed = referencesOf({ references: ['aws_subnet.a["x"].id', 'aws_subnet.a["y"]', 'aws_subnet.a'] }).refs;
    expect(keyed.map((r) => ('key' in r ? r.key : undefined))).toEqual(['x', 'y']);
    const bare = referencesOf({ references: ['aws_subnet.a', 'aws_subnet.a.id'] }).refs;
    expect(bare).toEqual([{ kind: 'resource', mode: 'managed', type: 'aws_subnet', name: 'a', attribute: 'id' }]);
  });

  it('says when the expression reads count or each, and keeps module outputs and variables apart', () => {
    const { refs, iterates } = referencesOf({ references: ['module.vpc.vpc_id', 'module.vpc', 'var.cidr', 'count.index', 'data.aws_vpc.main.id'] });
    expect(iterates).toBe(true);
    expect(refs).toEqual(
      expect.arrayContaining([
        { kind: 'module', call: 'vpc', output: 'vpc_id' },
        { kind: 'var', name: 'cidr' },
        { kind: 'iteration', name: 'count.index' },
        { kind: 'resource', mode: 'data', type: 'aws_vpc', name: 'main', attribute: 'id' },
      ]),
    );
    expect(refs).toHaveLength(4);
  });

  it('parses a shared expression once', () => {
    const expr = { references: ['aws_vpc.main.id', 'aws_vpc.main'] };
    expect(referencesOf(expr)).toBe(referencesOf(expr));
  });

  it('ignores references that are not strings', () => {
    expect(referencesOf({ references: [42, null, 'aws_vpc.main.id'] as unknown as string[] }).refs).toHaveLength(1);
  });
});
