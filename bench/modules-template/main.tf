# bench/modules.mjs plans this with Terraform: var.vpcs VPCs, each with a
# call of an endpoints module of the shape of terraform-aws-modules/vpc's
# vpc-endpoints (fixtures/installed-modules/module-repos/vpc-endpoints,
# installed from git by terraform init) whose two endpoint policies come from
# a policy document known only after apply: every one is evaluated from the
# installed module's source, through the caller's map, a local, a for_each
# and try().
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

resource "aws_vpc" "main" {
  for_each   = local.vpcs
  cidr_block = each.value
}

resource "aws_route_table" "private" {
  for_each = local.vpcs
  vpc_id   = aws_vpc.main[each.key].id
}

data "aws_iam_policy_document" "endpoint" {
  for_each = local.vpcs
  statement {
    actions   = ["*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpc"
      values   = [aws_vpc.main[each.key].id]
    }
  }
}

module "vpc_endpoints" {
  source   = "git::file:///tmp/vpcelint-module-repos/vpc-endpoints?ref=v1.0.0"
  for_each = local.vpcs

  vpc_id = aws_vpc.main[each.key].id
  endpoints = {
    dynamodb = {
      service         = "dynamodb"
      service_type    = "Gateway"
      route_table_ids = [aws_route_table.private[each.key].id]
      policy          = data.aws_iam_policy_document.endpoint[each.key].json
    }
    s3 = {
      service         = "s3"
      service_type    = "Gateway"
      route_table_ids = [aws_route_table.private[each.key].id]
      policy          = data.aws_iam_policy_document.endpoint[each.key].json
    }
  }
}
