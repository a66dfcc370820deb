# One VPC made wide with count: many private subnets on one route table, many
# routes in it, many rules on one security group, many buckets each fenced to
# the one S3 endpoint through its own policy document. bench/gen-wide.mjs clones
# the count instances of this plan to any N: the shapes the per-VPC synthetic
# plan does not grow.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}
provider "aws" {
  region                      = "eu-west-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
variable "n" {
  default = 3
}

resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_internet_gateway" "igw" { vpc_id = aws_vpc.main.id }
resource "aws_subnet" "pub" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.255.0/28"
}
resource "aws_eip" "nat" { domain = "vpc" }
resource "aws_nat_gateway" "nat" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.pub.id
}
resource "aws_subnet" "priv" {
  count             = var.n
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet("10.0.0.0/16", 12, count.index)
  availability_zone = ["eu-west-1a", "eu-west-1b", "eu-west-1c"][count.index % 3]
}
resource "aws_route_table" "priv" { vpc_id = aws_vpc.main.id }
resource "aws_route" "default" {
  route_table_id         = aws_route_table.priv.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat.id
}
resource "aws_route" "many" {
  count                  = var.n
  route_table_id         = aws_route_table.priv.id
  destination_cidr_block = cidrsubnet("172.16.0.0/12", 12, count.index)
  nat_gateway_id         = aws_nat_gateway.nat.id
}
resource "aws_route_table_association" "priv" {
  count          = var.n
  subnet_id      = aws_subnet.priv[count.index].id
  route_table_id = aws_route_table.priv.id
}
resource "aws_security_group" "vpce" { vpc_id = aws_vpc.main.id }
resource "aws_vpc_security_group_ingress_rule" "many" {
  count             = var.n
  security_group_id = aws_security_group.vpce.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = cidrsubnet("10.0.0.0/16", 12, count.index)
}
resource "aws_vpc_endpoint" "sts" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = slice(aws_subnet.priv[*].id, 0, 3)
  security_group_ids  = [aws_security_group.vpce.id]
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.main.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.priv.id]
}
resource "aws_s3_bucket" "b" {
  count  = var.n
  bucket = "stress-bucket-${count.index}"
}
data "aws_iam_policy_document" "b" {
  count = var.n
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    # By its name, known while planning: the plan alone cannot tell "${arn}/*" from the ARN.
    resources = ["arn:aws:s3:::${aws_s3_bucket.b[count.index].bucket}", "arn:aws:s3:::${aws_s3_bucket.b[count.index].bucket}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "aws:SourceVpce"
      values   = [aws_vpc_endpoint.s3.id]
    }
  }
}
resource "aws_s3_bucket_policy" "b" {
  count  = var.n
  bucket = aws_s3_bucket.b[count.index].id
  policy = data.aws_iam_policy_document.b[count.index].json
}
