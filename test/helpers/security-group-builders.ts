import type { EndpointService, PrefixList, SecurityGroup, SecurityGroupRule, Subnet, Workload, WorkloadKind } from '../../src/model/nodes.js';
import type { Ref } from '../../src/model/ref.js';
import { link, type InventoryBuilder } from './inventory-builder.js';

/** A security group rule with defaults: TCP 443, no sources, declared by the group (inline). */
export function sgRule(group: { ref: Ref }, direction: 'ingress' | 'egress', props: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return {
    direction,
    protocol: 'tcp',
    fromPort: 443,
    toPort: 443,
    ipv4: [],
    ipv6: [],
    prefixLists: link(),
    groups: link(),
    self: false,
    declaredBy: group.ref,
    ...props,
  };
}

/** Adds a rule to a group and returns the group. */
export function withRule(group: SecurityGroup, direction: 'ingress' | 'egress', props: Partial<SecurityGroupRule> = {}): SecurityGroup {
  group[direction].push(sgRule(group, direction, props));
  return group;
}

/** The AWS-managed prefix list of a service, e.g. `com.amazonaws.eu-west-1.s3`. */
export function servicePrefixList(b: InventoryBuilder, service: 's3' | 'dynamodb', region = b.region): PrefixList {
  const ref = b.ref('prefix-list', 'data.aws_prefix_list', region === b.region ? service : `${service}_${region.replace(/-/g, '_')}`);
  const list: PrefixList = { ref, prefixListName: `com.amazonaws.${region}.${service}`, cidrs: [] };
  b.inv.prefixLists.set(ref.key, list);
  return list;
}

export function workload(b: InventoryBuilder, kind: WorkloadKind, subnets: Subnet[], groups: SecurityGroup[], name?: string): Workload {
  const type = { instance: 'aws_instance', 'launch-template': 'aws_launch_template', lambda: 'aws_lambda_function', 'ecs-service': 'aws_ecs_service' }[kind];
  const ref = b.ref(kind === 'instance' ? 'instance' : 'workload', type, name);
  const w: Workload = { ref, workloadKind: kind, subnets: link(...subnets.map((s) => s.ref.key)), securityGroups: link(...groups.map((g) => g.ref.key)) };
  b.inv.workloads.set(ref.key, w);
  return w;
}

export function endpointService(b: InventoryBuilder, props: Partial<EndpointService> & { name?: string } = {}): EndpointService {
  const { name, ...rest } = props;
  const ref = b.ref('endpoint-service', 'aws_vpc_endpoint_service', name);
  const service: EndpointService = { ref, acceptanceRequired: true, allowedPrincipals: [], ...rest };
  b.inv.endpointServices.set(ref.key, service);
  return service;
}
