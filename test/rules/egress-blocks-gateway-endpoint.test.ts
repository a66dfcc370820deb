import { describe, expect, it } from 'vitest';
import rule from '../../rules/egress-blocks-gateway-endpoint.js';
import { isPrivateIpv4 } from '../../rules/lib/egress-to-service.js';
import type { PrefixList } from '../../src/model/nodes.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder, link } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { servicePrefixList, withRule, workload } from '../helpers/security-group-builders.js';

/** A private subnet whose route table has the S3 (and optionally DynamoDB) gateway endpoint. */
function routedToS3(opts: { dynamodb?: boolean } = {}) {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const subnet = b.subnet(vpc, { name: 'private' });
  const table = b.routeTable(vpc, { name: 'private', subnets: [subnet] });
  const s3 = b.endpoint(vpc, 's3', { name: 's3', routeTables: [table] });
  if (opts.dynamodb) b.endpoint(vpc, 'dynamodb', { name: 'dynamodb', routeTables: [table] });
  const s3List = servicePrefixList(b, 's3');
  return { b, vpc, subnet, table, s3, s3List };
}

/** A customer-managed prefix list (aws_ec2_managed_prefix_list) with the given entries. */
function customerList(b: InventoryBuilder, name: string, cidrs: PrefixList['cidrs']): PrefixList {
  const list: PrefixList = { ref: b.ref('prefix-list', 'aws_ec2_managed_prefix_list', name), prefixListName: name.replace(/_/g, '-'), cidrs };
  b.inv.prefixLists.set(list.ref.key, list);
  return list;
}

describe('egress-blocks-gateway-endpoint', () => {
  testRule(rule, {
    valid: [
      {
        name: 'egress to 0.0.0.0/0',
        inventory: () => {
          const { b, vpc, subnet } = routedToS3();
          const sg = withRule(b.securityGroup(vpc), 'egress', { protocol: '-1', ipv4: ['0.0.0.0/0'] });
          workload(b, 'instance', [subnet], [sg]);
          return b.inv;
        },
      },
      {
        name: 'HTTPS to the S3 prefix list, from one of two groups (egress is their union)',
        inventory: () => {
          const { b, vpc, subnet, s3List } = routedToS3();
          const vpcOnly = withRule(b.securityGroup(vpc), 'egress', { ipv4: ['10.0.0.0/16'] });
          const s3 = withRule(b.securityGroup(vpc), 'egress', { prefixLists: link(s3List.ref.key) });
          workload(b, 'lambda', [subnet], [vpcOnly, s3]);
          return b.inv;
        },
      },
      {
        name: 'a subnet whose route table has no gateway endpoint',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const subnet = b.subnet(vpc);
          b.routeTable(vpc, { subnets: [subnet] });
          b.endpoint(vpc, 's3');
          workload(b, 'ecs-service', [subnet], [b.securityGroup(vpc)]);
          return b.inv;
        },
      },
      {
        name: 'an all-protocol rule to the prefix list',
        inventory: () => {
          const { b, vpc, subnet, s3List } = routedToS3();
          const sg = withRule(b.securityGroup(vpc), 'egress', { protocol: '-1', fromPort: 0, toPort: 0, prefixLists: link(s3List.ref.key) });
          workload(b, 'launch-template', [subnet], [sg]);
          return b.inv;
        },
      },
      {
        name: 'HTTPS to a customer-managed prefix list holding 0.0.0.0/0 is open egress',
        inventory: () => {
          const { b, vpc, subnet } = routedToS3();
          const corp = customerList(b, 'corp_egress', ['0.0.0.0/0']);
          const sg = withRule(b.securityGroup(vpc), 'egress', { prefixLists: link(corp.ref.key) });
          workload(b, 'instance', [subnet], [sg]);
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'a group with no egress at all',
        inventory: () => {
          const { b, vpc, subnet } = routedToS3();
          const sg = b.securityGroup(vpc, { name: 'app' });
          workload(b, 'instance', [subnet], [sg], 'app');
          return b.inv;
        },
        findings: [
          {
            primary: 'aws_security_group.app',
            related: ['aws_instance.app', 'aws_vpc_endpoint.s3'],
            messageIncludes: ['instance aws_instance.app', 'aws_route_table.private', 'aws_vpc_endpoint.s3', 'no egress rule at all', 'aws_vpc_endpoint.s3.prefix_list_id'],
          },
        ],
      },
      {
        name: 'a group shared by 12 instances: the message names 10 and counts the rest, the related locations hold all',
        inventory: () => {
          const { b, vpc, subnet } = routedToS3();
          const sg = b.securityGroup(vpc, { name: 'fleet' });
          for (let i = 0; i < 12; i++) workload(b, 'instance', [subnet], [sg], `n${String(i).padStart(2, '0')}`);
          return b.inv;
        },
        findings: [
          {
            primary: 'aws_security_group.fleet',
            related: [...Array.from({ length: 12 }, (_, i) => `aws_instance.n${String(i).padStart(2, '0')}`), 'aws_vpc_endpoint.s3'],
            messageIncludes: ['yet instance aws_instance.n00, instance aws_instance.n01, ', 'instance aws_instance.n09 and 2 more run in subnets'],
          },
        ],
      },
      {
        name: 'HTTPS to the VPC only, and 0.0.0.0/0 on port 80 only',
        inventory: () => {
          const { b, vpc, subnet } = routedToS3();
          const sg = b.securityGroup(vpc, { name: 'web' });
          withRule(sg, 'egress', { ipv4: ['10.0.0.0/16'] });
          withRule(sg, 'egress', { fromPort: 80, toPort: 80, ipv4: ['0.0.0.0/0'] });
          workload(b, 'lambda', [subnet], [sg], 'worker');
          return b.inv;
        },
        findings: [
          {
            primary: 'aws_security_group.web',
            messageIncludes: ['Lambda function aws_lambda_function.worker', 'S3', 'its egress rules allow only tcp 80 to 0.0.0.0/0, tcp 443 to 10.0.0.0/16:', 'none is TCP 443 to 0.0.0.0/0 or to the com.amazonaws.eu-west-1.s3 prefix list'],
          },
        ],
      },
      {
        name: 'HTTPS to a customer-managed prefix list of private ranges only still blocks, and the message names the list',
        inventory: () => {
          const { b, vpc, subnet } = routedToS3();
          const corp = customerList(b, 'corp_private', ['10.0.0.0/8', '192.168.0.0/16', 'fd00::/8']);
          const sg = withRule(b.securityGroup(vpc, { name: 'private' }), 'egress', { prefixLists: link(corp.ref.key) });
          workload(b, 'instance', [subnet], [sg]);
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.private', messageIncludes: ['its egress rules allow only tcp 443 to prefix list corp-private (aws_ec2_managed_prefix_list.corp_private):'] }],
      },
      {
        name: 'public ranges that miss every address of the S3 list block',
        inventory: () => {
          const { b, vpc, subnet, s3List } = routedToS3();
          s3List.cidrs = ['52.218.0.0/17'];
          const sg = withRule(b.securityGroup(vpc, { name: 'elsewhere' }), 'egress', { ipv4: ['198.51.100.0/24'] });
          workload(b, 'instance', [subnet], [sg]);
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.elsewhere', messageIncludes: ['tcp 443 to 198.51.100.0/24'] }],
      },
      {
        name: 'S3 allowed, DynamoDB not: one finding, for DynamoDB; the group is shared by two workloads',
        inventory: () => {
          const { b, vpc, subnet, s3List } = routedToS3({ dynamodb: true });
          const sg = withRule(b.securityGroup(vpc, { name: 's3_only' }), 'egress', { prefixLists: link(s3List.ref.key) });
          workload(b, 'ecs-service', [subnet], [sg], 'api');
          workload(b, 'instance', [subnet], [sg], 'batch');
          return b.inv;
        },
        findings: [
          {
            primary: 'aws_security_group.s3_only',
            related: ['aws_ecs_service.api', 'aws_instance.batch', 'aws_vpc_endpoint.dynamodb'],
            messageIncludes: ['DynamoDB', 'com.amazonaws.eu-west-1.dynamodb', 'ECS service aws_ecs_service.api', 'instance aws_instance.batch'],
          },
        ],
      },
      {
        name: 'a prefix list of another region is not the one the route uses',
        inventory: () => {
          const { b, vpc, subnet } = routedToS3();
          const foreign = servicePrefixList(b, 's3', 'us-east-1');
          const sg = withRule(b.securityGroup(vpc, { name: 'foreign' }), 'egress', { prefixLists: link(foreign.ref.key) });
          workload(b, 'instance', [subnet], [sg]);
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.foreign' }],
      },
    ],
  });

  it('what cannot be told is "not evaluated": a public range, an unknown destination, an unknown prefix list, unknown routing', () => {
    const { b, vpc, subnet } = routedToS3();
    const publicRange = withRule(b.securityGroup(vpc), 'egress', { ipv4: ['52.0.0.0/8'] });
    const later = withRule(b.securityGroup(vpc), 'egress', { ipv4: unknown('known only after apply') });
    const external = withRule(b.securityGroup(vpc), 'egress', { prefixLists: { keys: [], external: ['pl-6da54004'] } });
    const none = b.securityGroup(vpc);
    workload(b, 'instance', [subnet], [publicRange], 'public_range');
    workload(b, 'instance', [subnet], [later], 'later');
    workload(b, 'instance', [subnet], [external], 'external');
    const unplaced = workload(b, 'launch-template', [], [none], 'unplaced');
    unplaced.subnets = { keys: [], external: [], unresolved: 'no Auto Scaling group uses it' };
    const missing = workload(b, 'instance', [subnet], [], 'missing_group');
    missing.securityGroups = { keys: [], external: ['sg-0123456789abcdef0'] };
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    const subjects = [...new Set(result.diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => d.subject?.key))].sort();
    expect(subjects).toEqual(['aws_instance.external', 'aws_instance.later', 'aws_instance.missing_group', 'aws_instance.public_range', 'aws_launch_template.unplaced']);
  });

  it('public ranges (a customer list and a CIDR) that together cover every address of the S3 list allow, with nothing left unevaluated', () => {
    const { b, vpc, subnet, s3List } = routedToS3();
    s3List.cidrs = ['52.218.0.0/17', '3.5.64.0/21', '3.5.72.0/23'];
    const corp = customerList(b, 'aws_ranges', ['52.0.0.0/8', '3.5.64.0/22']);
    const sg = withRule(b.securityGroup(vpc), 'egress', { prefixLists: link(corp.ref.key) });
    withRule(sg, 'egress', { ipv4: ['3.5.68.0/22', '3.5.72.0/23'] });
    workload(b, 'instance', [subnet], [sg]);
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('a customer-managed prefix list whose entries are unknown, or cover only part of the service, is "not evaluated"', () => {
    const { b, vpc, subnet, s3List } = routedToS3();
    s3List.cidrs = ['52.218.0.0/17', '3.5.64.0/21'];
    const later = customerList(b, 'later', unknown('the entries of aws_ec2_managed_prefix_list.later are known only after apply'));
    const unread = customerList(b, 'unread', undefined);
    const part = customerList(b, 'part', ['52.0.0.0/8']);
    workload(b, 'instance', [subnet], [withRule(b.securityGroup(vpc), 'egress', { prefixLists: link(later.ref.key) })], 'later');
    workload(b, 'instance', [subnet], [withRule(b.securityGroup(vpc), 'egress', { prefixLists: link(unread.ref.key) })], 'unread');
    workload(b, 'instance', [subnet], [withRule(b.securityGroup(vpc), 'egress', { prefixLists: link(part.ref.key) })], 'part');
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    const notes = new Map(result.diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => [d.subject?.key, d.message]));
    expect([...notes.keys()].sort()).toEqual(['aws_instance.later', 'aws_instance.part', 'aws_instance.unread']);
    expect(notes.get('aws_instance.later')).toContain('known only after apply');
    expect(notes.get('aws_instance.unread')).toContain('the entries of prefix list unread (aws_ec2_managed_prefix_list.unread), named by an egress rule of');
    expect(notes.get('aws_instance.part')).toContain('covers only part of');
  });

  it('private ranges never hold a service\'s public addresses', () => {
    expect(['10.0.0.0/8', '10.1.2.0/24', '172.16.0.0/12', '172.31.0.0/16', '192.168.1.0/24', '100.64.0.0/10'].every(isPrivateIpv4)).toBe(true);
    expect(['0.0.0.0/1', '8.0.0.0/7', '172.0.0.0/8', '52.0.0.0/8', '10.0.0.0/7', 'not-a-cidr'].some(isPrivateIpv4)).toBe(false);
  });
  describe('gateway endpoints that may serve the subnets without it being known', () => {
    const unresolved = { keys: [], external: [], unresolved: 'data.aws_route_tables.private is read only during apply' };
    /** A private subnet with a route table and no known gateway endpoint on it; the workload's group has no egress at all. */
    function noEgress() {
      const b = new InventoryBuilder();
      const vpc = b.vpc('main');
      const subnet = b.subnet(vpc, { name: 'private' });
      const table = b.routeTable(vpc, { name: 'private', subnets: [subnet] });
      workload(b, 'instance', [subnet], [b.securityGroup(vpc, { name: 'closed' })], 'app');
      return { b, vpc, table };
    }
    const notes = (result: ReturnType<typeof runRule>) => result.diagnostics.filter((d) => d.code === 'not-evaluated');

    it('an S3 gateway endpoint of the VPC whose route tables are unknown: not evaluated, naming the endpoint and the table', () => {
      const { b, vpc } = noEgress();
      b.endpoint(vpc, 's3', { name: 's3' }).routeTables = unresolved;
      const result = runRule(rule, b.inv);
      expect(result.findings).toEqual([]);
      expect(notes(result).map((d) => d.subject?.key)).toEqual(['aws_instance.app']);
      expect(notes(result)[0]!.message).toMatch(/route S3 through a gateway endpoint is unknown \(aws_route_table\.private may be served by endpoint aws_vpc_endpoint\.s3 .*read only during apply/);
    });

    it('an endpoint on the table whose service name is unknown: both services not evaluated', () => {
      const { b, vpc, table } = noEgress();
      const ep = b.endpoint(vpc, 's3', { name: 'later', routeTables: [table] });
      ep.serviceName = unknown('known only after apply');
      delete ep.service;
      const result = runRule(rule, b.inv);
      expect(result.findings).toEqual([]);
      expect(notes(result).map((d) => d.message.includes('aws_vpc_endpoint.later') && d.subject?.key)).toEqual(['aws_instance.app', 'aws_instance.app']);
    });

    it('S3 known on the table, DynamoDB perhaps: an S3 finding and a DynamoDB note', () => {
      const { b, vpc, table } = noEgress();
      b.endpoint(vpc, 's3', { name: 's3', routeTables: [table] });
      b.endpoint(vpc, 'dynamodb', { name: 'ddb' }).routeTables = unresolved;
      const result = runRule(rule, b.inv);
      expect(result.findings.map((f) => f.primary.key)).toEqual(['aws_security_group.closed']);
      expect(result.findings[0]!.message).toContain('S3');
      expect(notes(result)).toEqual([expect.objectContaining({ subject: expect.objectContaining({ key: 'aws_instance.app' }), message: expect.stringContaining('route DynamoDB through a gateway endpoint is unknown') })]);
    });

    it('an interface endpoint or one of another VPC with unknown route tables changes nothing', () => {
      const { b, vpc } = noEgress();
      b.endpoint(vpc, 's3', { type: 'Interface' }).routeTables = unresolved;
      b.endpoint(b.vpc('other'), 's3').routeTables = unresolved;
      const result = runRule(rule, b.inv);
      expect(result.findings).toEqual([]);
      expect(notes(result)).toEqual([]);
    });
  });
});
