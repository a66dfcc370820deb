import type { Rule } from '../src/engine/rule.js';
import { natPathRule } from './lib/nat-path.js';

const rule: Rule = natPathRule(
  {
    id: 's3-via-nat',
    severity: 'warning',
    title: 'Private subnets reach S3 through a NAT instead of a gateway endpoint',
    description:
      'A route table sends 0.0.0.0/0 to a NAT gateway (or a NAT instance) and has no route to an S3 gateway endpoint of its region. ' +
      'Every request from its subnets to S3 then crosses the NAT: it is billed per GB of NAT data processing and leaves the private path. ' +
      'An S3 gateway endpoint is free, adds a prefix-list route that wins over 0.0.0.0/0, and keeps the traffic on the AWS network, where endpoint and bucket policies can fence it.',
    fix: [
      'Associate an S3 gateway endpoint with the route table of the private subnets:',
      '',
      '```hcl',
      'resource "aws_vpc_endpoint" "s3" {',
      '  vpc_id            = aws_vpc.main.id',
      '  service_name      = "com.amazonaws.${var.region}.s3"',
      '  vpc_endpoint_type = "Gateway"',
      '  route_table_ids   = [aws_route_table.private.id]',
      '}',
      '```',
      '',
      'If the endpoint already exists, add the table to its `route_table_ids`, or declare an `aws_vpc_endpoint_route_table_association`.',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html',
    ],
    tags: ['cost', 'network', 's3', 'data-perimeter'],
    precision: 'high',
  },
  's3',
);

export default rule;
