/** Terraform blocks that several rules' fixes show, as lines of HCL. */

export const VPC_WITH_DNS: readonly string[] = [
  'resource "aws_vpc" "main" {',
  '  cidr_block           = "10.0.0.0/16"',
  '  enable_dns_support   = true',
  '  enable_dns_hostnames = true',
  '}',
];

/** An interface endpoint done right: subnets in every zone, a restricted group, private DNS on. */
export const SSM_INTERFACE_ENDPOINT: readonly string[] = [
  'resource "aws_vpc_endpoint" "ssm" {',
  '  vpc_id              = aws_vpc.main.id',
  '  service_name        = "com.amazonaws.${var.region}.ssm"',
  '  vpc_endpoint_type   = "Interface"',
  '  subnet_ids          = aws_subnet.private[*].id # one per Availability Zone',
  '  security_group_ids  = [aws_security_group.endpoints.id]',
  '  private_dns_enabled = true',
  '}',
];

/** An S3 gateway endpoint for the VPC, and the S3 interface endpoint for on-premises clients beside it. */
export const S3_GATEWAY_AND_INTERFACE: readonly string[] = [
  'resource "aws_vpc_endpoint" "s3_gateway" {',
  '  vpc_id            = aws_vpc.main.id',
  '  service_name      = "com.amazonaws.${var.region}.s3"',
  '  vpc_endpoint_type = "Gateway"',
  '  route_table_ids   = aws_route_table.private[*].id',
  '}',
  '',
  'resource "aws_vpc_endpoint" "s3_interface" {',
  '  vpc_id              = aws_vpc.main.id',
  '  service_name        = "com.amazonaws.${var.region}.s3"',
  '  vpc_endpoint_type   = "Interface"',
  '  subnet_ids          = aws_subnet.private[*].id',
  '  security_group_ids  = [aws_security_group.endpoints.id]',
  '  private_dns_enabled = true',
  '',
  '  dns_options {',
  '    # in-VPC clients take the gateway endpoint; on-premises clients the interface endpoint',
  '    private_dns_only_for_inbound_resolver_endpoint = true',
  '  }',
  '',
  '  depends_on = [aws_vpc_endpoint.s3_gateway]',
  '}',
];

/** A fenced HCL block of the given parts, separated by blank lines. */
export function hcl(...parts: readonly (readonly string[])[]): string[] {
  return ['```hcl', ...parts.flatMap((p, i) => (i === 0 ? [...p] : ['', ...p])), '```'];
}
