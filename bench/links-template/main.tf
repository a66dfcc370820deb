# bench/links.mjs plans this with Terraform: var.vpcs copies of the VPC and
# security-group modules of fixtures/vpc-module-shapes (the shapes of
# terraform-aws-modules' vpc and security-group modules), each VPC with an S3
# gateway endpoint on two of its three private tables and an interface
# endpoint whose group the security-group module opens. Every VPC link, every
# route's table and NAT, every association and every rule's group is known
# only through the modules' source.
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

variable "vpcs" {
  type    = number
  default = 3
}

locals {
  vpcs = { for i in range(var.vpcs) : "v${i}" => cidrsubnet("10.0.0.0/8", 12, i) }
}

module "vpc" {
  source   = "./modules/vpc"
  for_each = local.vpcs

  name            = each.key
  cidr            = each.value
  azs             = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  public_subnets  = [for i in range(3) : cidrsubnet(each.value, 8, i)]
  private_subnets = [for i in range(3) : cidrsubnet(each.value, 8, 10 + i)]
}

module "endpoint_sg" {
  source   = "./modules/security-group"
  for_each = local.vpcs

  name                = "endpoints-${each.key}"
  vpc_id              = module.vpc[each.key].vpc_id
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["https-443-tcp"]
}

resource "aws_vpc_endpoint" "s3" {
  for_each = local.vpcs

  vpc_id            = module.vpc[each.key].vpc_id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = slice(module.vpc[each.key].private_route_table_ids, 0, 2)
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::links-${each.key}/*" }]
  })
}

resource "aws_vpc_endpoint" "ssm" {
  for_each = local.vpcs

  vpc_id              = module.vpc[each.key].vpc_id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = module.vpc[each.key].private_subnets
  security_group_ids  = [module.endpoint_sg[each.key].security_group_id]
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "ssm:GetParameter", Resource = "*" }]
  })
}
