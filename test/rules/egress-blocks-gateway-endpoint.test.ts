import { describe, expect, it } from 'vitest';
import rule from '../../rules/egress-blocks-gateway-endpoint.js';
import { isPrivateIpv4 } from '../../rules/lib/egress-to-service.js';
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
        findings: [{ primary: 'aws_security_group.web', messageIncludes: ['Lambda function aws_lambda_function.worker', 'S3'] }],
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

  it('private ranges never hold a service\'s public addresses', () => {
    expect(['10.0.0.0/8', '10.1.2.0/24', '172.16.0.0/12', '172.31.0.0/16', '192.168.1.0/24', '100.64.0.0/10'].every(isPrivateIpv4)).toBe(true);
    expect(['0.0.0.0/1', '8.0.0.0/7', '172.0.0.0/8', '52.0.0.0/8', '10.0.0.0/7', 'not-a-cidr'].some(isPrivateIpv4)).toBe(false);
  });
});
