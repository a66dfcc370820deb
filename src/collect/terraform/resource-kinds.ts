import type { NodeKind } from '../../model/ref.js';

/** Which inventory node a Terraform resource or data source type becomes. */
const MANAGED: Record<string, NodeKind> = {
  aws_vpc: 'vpc',
  aws_default_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_default_subnet: 'subnet',
  aws_route_table: 'route-table',
  aws_default_route_table: 'route-table',
  aws_nat_gateway: 'nat-gateway',
  aws_internet_gateway: 'internet-gateway',
  aws_egress_only_internet_gateway: 'egress-only-gateway',
  aws_vpc_endpoint: 'vpc-endpoint',
  aws_vpc_endpoint_service: 'endpoint-service',
  aws_security_group: 'security-group',
  aws_default_security_group: 'security-group',
  aws_ec2_managed_prefix_list: 'prefix-list',
  aws_s3_bucket: 'bucket',
  aws_instance: 'instance',
  aws_network_interface: 'network-interface',
  aws_launch_template: 'workload',
  aws_lambda_function: 'workload',
  aws_ecs_service: 'workload',
  aws_iam_role: 'iam-role',
  aws_iam_user: 'iam-user',
  aws_iam_group: 'iam-group',
  aws_iam_policy: 'iam-policy',
  aws_iam_role_policy: 'iam-policy',
  aws_iam_user_policy: 'iam-policy',
  aws_iam_group_policy: 'iam-policy',
  aws_vpn_gateway: 'other',
  aws_ec2_transit_gateway: 'other',
  aws_vpc_peering_connection: 'other',
  aws_ec2_carrier_gateway: 'other',
};

const DATA: Record<string, NodeKind> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_route_table: 'route-table',
  aws_nat_gateway: 'nat-gateway',
  aws_internet_gateway: 'internet-gateway',
  aws_vpc_endpoint: 'vpc-endpoint',
  aws_security_group: 'security-group',
  aws_prefix_list: 'prefix-list',
  aws_ec2_managed_prefix_list: 'prefix-list',
  aws_s3_bucket: 'bucket',
  aws_iam_role: 'iam-role',
  aws_iam_user: 'iam-user',
  aws_iam_group: 'iam-group',
  aws_iam_policy: 'iam-policy',
  aws_iam_policy_document: 'iam-policy',
};

// Maps, not property lookups: types come sliced from addresses, and an object key that is not an
// interned string costs a string-table lookup on every call (this runs several times per resource).
const MANAGED_KINDS = new Map(Object.entries(MANAGED));
const DATA_KINDS = new Map(Object.entries(DATA));

export function kindOf(mode: 'managed' | 'data', type: string): NodeKind | undefined {
  return (mode === 'data' ? DATA_KINDS : MANAGED_KINDS).get(type);
}
