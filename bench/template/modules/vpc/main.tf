variable "name" { type = string }
variable "cidr" { type = string }

data "aws_region" "current" {}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = var.name }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

module "az" {
  source = "./modules/az"
  count  = 3

  vpc_id          = aws_vpc.this.id
  zone            = "${data.aws_region.current.name}${["a", "b", "c"][count.index]}"
  public_cidr     = cidrsubnet(var.cidr, 8, count.index)
  private_cidr    = cidrsubnet(var.cidr, 8, count.index + 10)
  public_table_id = aws_route_table.public.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id          = aws_vpc.this.id
  service_name    = "com.amazonaws.${data.aws_region.current.name}.s3"
  route_table_ids = module.az[*].private_route_table_id
}

resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id       = aws_vpc.this.id
  service_name = "com.amazonaws.${data.aws_region.current.name}.dynamodb"
}

resource "aws_vpc_endpoint_route_table_association" "dynamodb" {
  count           = 2
  vpc_endpoint_id = aws_vpc_endpoint.dynamodb.id
  route_table_id  = module.az[count.index].private_route_table_id
}

resource "aws_security_group" "endpoints" {
  name_prefix = "${var.name}-endpoints"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  cidr_ipv4         = var.cidr
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_security_group_rule" "endpoints_open" {
  type              = "ingress"
  security_group_id = aws_security_group.endpoints.id
  cidr_blocks       = ["0.0.0.0/0"]
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(["ssm", "sts"])
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = each.key != "sts"
  subnet_ids          = module.az[*].private_subnet_id
  security_group_ids  = [aws_security_group.endpoints.id]
}

# One workload per VPC, with egress limited to the VPC: it cannot use the S3 gateway endpoint.
resource "aws_security_group" "app" {
  name_prefix = "${var.name}-app"
  vpc_id      = aws_vpc.this.id
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
}

resource "aws_instance" "app" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = module.az[0].private_subnet_id
  vpc_security_group_ids = [aws_security_group.app.id]
}

resource "aws_s3_bucket" "data" {
  bucket = "bench-${var.name}-data"
}

data "aws_iam_policy_document" "data" {
  statement {
    sid       = "DenyOutsideEndpoint"
    effect    = "Deny"
    actions   = ["s3:*"]
    # By its name, known while planning: the plan alone cannot tell "${arn}/*" from the ARN, and these plans
    # are scanned without their .tf files.
    resources = ["arn:aws:s3:::${aws_s3_bucket.data.bucket}", "arn:aws:s3:::${aws_s3_bucket.data.bucket}/*"]
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

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}

resource "aws_vpc_endpoint_policy" "s3" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::bench-${var.name}-data", "arn:aws:s3:::bench-${var.name}-data/*"]
    }]
  })
}
