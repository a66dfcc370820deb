import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import { editedIn, FIXTURES, inventoryOf, inventoryWithSources, scratchCopies } from '../helpers/fixtures.js';

/**
 * Links the plan's references cannot tell (fixtures/vpc-module-shapes: the shapes of terraform-aws-modules'
 * vpc and security-group modules), read from the .tf source.
 */
const FIXTURE = join(FIXTURES, 'vpc-module-shapes');
const VPC = 'module.vpc.aws_vpc.this[0]';
const table = (i: number) => `module.vpc.aws_route_table.private[${i}]`;
const subnet = (i: number) => `module.vpc.aws_subnet.private[${i}]`;

const copyOf = scratchCopies('vpcelint-links-');

/** The fixture copied to a scratch directory, with one file's text replaced: a source the plan was not made from. */
const editedCopy = (file: string, from: string, to: string, fixture = FIXTURE) => editedIn(copyOf(fixture), file, from, to);

describe('links from the .tf source', () => {
  it('the plan alone: a VPC named through a local is not told, slice() reads as the whole list, a rule named through a local has no group', () => {
    const inv = inventoryOf('vpc-module-shapes');
    expect(inv.subnets.get(subnet(0))!.vpc.unresolved).toContain('local.vpc_id');
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.s3')!.routeTables.keys).toEqual([table(0), table(1), table(2)]);
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.sts')!.policy.kind).toBe('unknown');
  });

  it('with the source: try() past an instance count = 0 does not make, slice(), concat(...)[0] over legacy splats, one of a resource with no instance', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    for (const i of [0, 1, 2]) {
      expect(inv.subnets.get(subnet(i))!.vpc).toEqual({ keys: [VPC], external: [] });
      expect(inv.routeTables.get(table(i))!.vpc).toEqual({ keys: [VPC], external: [] });
      expect(inv.subnets.get(subnet(i))!.routeTable).toEqual({ keys: [table(i)], external: [] });
    }
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.s3')!.routeTables).toEqual({ keys: [table(0), table(1)], external: [] });
    const group = inv.securityGroups.get('module.endpoint_sg.aws_security_group.this_name_prefix[0]')!;
    expect(group.ingressIncomplete).toBeUndefined();
    expect(group.ingress.map((r) => r.declaredBy.key)).toContain('module.endpoint_sg.aws_security_group_rule.ingress_rules[0]');
    expect(inv.diagnostics.filter((d) => d.code === 'unresolved-reference')).toEqual([]);
  });

  it('what the source tells of one resource\'s attribute holds for a resource that reads it (the endpoint in its group\'s VPC)', async () => {
    expect(inventoryOf('vpc-module-shapes').vpcEndpoints.get('aws_vpc_endpoint.sts')!.vpc.unresolved).toContain('local.vpc_id');
    const inv = await inventoryWithSources(FIXTURE);
    expect(inv.securityGroups.get('aws_security_group.sts')!.vpc).toEqual({ keys: [VPC], external: [] });
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.sts')!.vpc).toEqual({ keys: [VPC], external: [] });
  });

  it('a module\'s output read by the instance\'s key (module.spoke[each.key].vpc_id): from the source; from the plan alone, not "no VPC"', async () => {
    const endpoint = 'aws_vpc_endpoint.spoke_s3["a"]';
    const spoke = (rest: string) => `module.spoke["a"].${rest}`;
    // The plan records "module.spoke" and "each.key": which output is meant, it does not say.
    expect(inventoryOf('vpc-module-shapes').vpcEndpoints.get(endpoint)!.vpc.unresolved).toContain('module.spoke is referenced without an output name');
    const inv = await inventoryWithSources(FIXTURE);
    expect(inv.vpcEndpoints.get(endpoint)!.vpc).toEqual({ keys: [spoke('aws_vpc.this[0]')], external: [] });
    expect(inv.vpcEndpoints.get(endpoint)!.routeTables).toEqual({ keys: [spoke('aws_route_table.private[0]')], external: [] });
    // A single NAT gateway: every private subnet on the one table (element(..., var.single_nat_gateway ? 0 : count.index)).
    for (const i of [0, 1, 2]) expect(inv.subnets.get(spoke(`aws_subnet.private[${i}]`))!.routeTable).toEqual({ keys: [spoke('aws_route_table.private[0]')], external: [] });
  });

  it('a policy only the inventory built with the links asks for (its endpoint named through a local) is read too', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    const policy = inv.vpcEndpoints.get('aws_vpc_endpoint.sts')!.policy;
    expect(policy).toMatchObject({ kind: 'document', holder: { key: 'aws_vpc_endpoint_policy.sts' } });
    expect(policy.kind === 'document' && policy.text).toContain('"aws:SourceVpce":"<known after apply: aws_vpc_endpoint.sts.id>"');
  });

  it('the instance with the same key, which the plan\'s references suggest, is checked: the source decides', async () => {
    // Every private subnet on the first table (the condition turned round), with the same references as the plan's.
    const dir = editedCopy('modules/vpc/main.tf', 'var.single_nat_gateway ? 0 : count.index,', 'var.single_nat_gateway ? count.index : 0,');
    const inv = await inventoryWithSources(dir);
    for (const i of [0, 1, 2]) expect(inv.subnets.get(subnet(i))!.routeTable).toEqual({ keys: [table(0)], external: [] });
    expect(inv.routeTables.get(table(2))!.subnets).toEqual([]);
  });

  it('a route\'s target is checked the same way', async () => {
    const dir = editedCopy('modules/vpc/main.tf', 'nat_gateway_id         = element(aws_nat_gateway.this[*].id, count.index)', 'nat_gateway_id         = element(aws_nat_gateway.this[*].id, count.index + 1)');
    const natOf = (inv: Inventory, i: number) => inv.routeTables.get(table(i))!.routes.find((r) => r.destination.value === '0.0.0.0/0')!.target;
    expect(natOf(await inventoryWithSources(FIXTURE), 0)).toEqual({ kind: 'nat', key: 'module.vpc.aws_nat_gateway.this[0]' });
    const inv = await inventoryWithSources(dir);
    expect([0, 1, 2].map((i) => natOf(inv, i))).toEqual([1, 2, 0].map((n) => ({ kind: 'nat', key: `module.vpc.aws_nat_gateway.this[${n}]` })));
  });

  it('a value of the wrong shape for the attribute (one id for a list) is not what the plan was made from: the plan decides', async () => {
    const dir = editedCopy('main.tf', 'route_table_ids   = slice(module.vpc.private_route_table_ids, 0, 2)', 'route_table_ids   = module.vpc.private_route_table_ids[0]');
    const inv = await inventoryWithSources(dir);
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.s3')!.routeTables.keys).toEqual([table(0), table(1), table(2)]);
  });

  it('a source whose references differ from the plan\'s is not used: the plan\'s suggestion stands', async () => {
    const dir = editedCopy('modules/vpc/main.tf', 'aws_route_table.private[*].id,\n    var.single_nat_gateway', 'aws_route_table.public[*].id,\n    var.single_nat_gateway');
    const inv = await inventoryWithSources(dir);
    for (const i of [0, 1, 2]) expect(inv.subnets.get(subnet(i))!.routeTable).toEqual({ keys: [table(i)], external: [] });
  });

  it('a bucket policy\'s bucket named through a local: its id from the source, and a name the plan has no id for is not guessed at', async () => {
    const fixture = join(FIXTURES, 'unattached-bucket-policy');
    expect((await inventoryWithSources(fixture)).buckets.get('aws_s3_bucket.data')!.policy).toMatchObject({ kind: 'document', holder: { key: 'aws_s3_bucket_policy.data' } });
    // The bucket's name is known, but no id of the plan's: it could be taken for a bucket outside the plan.
    const dir = editedCopy('main.tf', 'data_bucket = aws_s3_bucket.data.id', 'data_bucket = aws_s3_bucket.data.bucket', fixture);
    const inv = await inventoryWithSources(dir);
    expect(inv.buckets.get('aws_s3_bucket.data')!.policy.kind).toBe('unknown');
    expect(inv.diagnostics.some((d) => d.code === 'unresolved-reference' && d.subject?.key === 'aws_s3_bucket_policy.data')).toBe(true);
  });

  it('a link the source cannot tell either says where its source is and why', async () => {
    const dir = editedCopy('modules/security-group/main.tf', 'concat(aws_security_group.this.*.id, aws_security_group.this_name_prefix.*.id, [""])[0]', 'sort(aws_security_group.this_name_prefix.*.id)[0]');
    const inv = await inventoryWithSources(dir);
    const note = inv.diagnostics.find((d) => d.code === 'unresolved-reference' && d.subject?.key === 'module.endpoint_sg.aws_security_group_rule.ingress_rules[0]');
    expect(note?.message).toContain('the value is built from local.this_sg_id, which the plan does not record; its source (modules/security-group/main.tf:');
    // Where ids known only after apply sort is not known.
    expect(note?.message).toContain('cannot be evaluated: it calls sort() on a value known only after apply');
  });

  it('an index past the end of a list is the error try() falls back on, as in Terraform', async () => {
    // A local's expression is not in the plan: no references to compare.
    const dir = editedCopy('modules/vpc/main.tf', 'try(aws_vpc_ipv4_cidr_block_association.this[0].vpc_id, aws_vpc.this[0].id, "")', 'try(concat(aws_vpc.this[*].id)[5], aws_vpc.this[0].id)');
    const inv = await inventoryWithSources(dir);
    expect(inv.subnets.get(subnet(0))!.vpc).toEqual({ keys: [VPC], external: [] });
  });
});
