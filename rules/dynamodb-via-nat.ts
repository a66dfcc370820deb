import type { Rule } from '../src/engine/rule.js';
import { natPathRule } from './lib/nat-path.js';

const rule: Rule = natPathRule(
  {
    id: 'dynamodb-via-nat',
    severity: 'note',
    title: 'Private subnets reach DynamoDB through a NAT instead of a gateway endpoint',
    description:
      'A route table sends 0.0.0.0/0 to a NAT gateway (or a NAT instance) and has no route to a DynamoDB gateway endpoint of its region. ' +
      'Requests from its subnets to DynamoDB cross the NAT, billed per GB, and leave the private path. ' +
      'A DynamoDB gateway endpoint costs nothing and keeps the traffic on the AWS network.',
    fix: [
      'Associate a DynamoDB gateway endpoint with the route table of the private subnets:',
      '',
      '```hcl',
      'resource "aws_vpc_endpoint" "dynamodb" {',
      '  vpc_id            = aws_vpc.main.id',
      '  service_name      = "com.amazonaws.${var.region}.dynamodb"',
      '  vpc_endpoint_type = "Gateway"',
      '  route_table_ids   = [aws_route_table.private.id]',
      '}',
      '```',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html',
    ],
    tags: ['cost', 'network', 'dynamodb'],
    precision: 'high',
  },
  'dynamodb',
);

export default rule;
