variable "vpc_id" { type = string }
variable "zone" { type = string }
variable "public_cidr" { type = string }
variable "private_cidr" { type = string }
variable "public_table_id" { type = string }

resource "aws_subnet" "public" {
  vpc_id            = var.vpc_id
  availability_zone = var.zone
  cidr_block        = var.public_cidr
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = var.public_table_id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "this" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
}

resource "aws_subnet" "private" {
  vpc_id            = var.vpc_id
  availability_zone = var.zone
  cidr_block        = var.private_cidr
}

resource "aws_route_table" "private" {
  vpc_id = var.vpc_id
}

resource "aws_route" "nat" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

output "private_route_table_id" {
  value = aws_route_table.private.id
}

output "private_subnet_id" {
  value = aws_subnet.private.id
}
