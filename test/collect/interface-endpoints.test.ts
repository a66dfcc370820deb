import { describe, expect, it } from 'vitest';
import { inventoryOf } from '../helpers/fixtures.js';

describe('interface endpoints from a plan: private DNS and zones', () => {
  const inv = inventoryOf('interface-dns-and-zones');
  const ep = (name: string) => inv.vpcEndpoints.get(`aws_vpc_endpoint.${name}`)!;

  it('private_dns_enabled omitted: the provider sends false', () => {
    expect(ep('ecr_api').privateDnsEnabled).toBe(false);
    expect(ep('partner').privateDnsEnabled).toBe(false);
    expect(ep('kms').privateDnsEnabled).toBe(true);
  });

  it('gateway endpoints have no private DNS', () => {
    expect(ep('plain_s3_gateway').privateDnsEnabled).toBe(false);
  });

  it('aws_vpc_endpoint_private_dns sets private DNS and is where it is declared', () => {
    expect(ep('sqs').privateDnsEnabled).toBe(true);
    expect(ep('sns').privateDnsEnabled).toBe(false);
    expect(ep('sns').privateDnsDeclaredBy?.key).toBe('aws_vpc_endpoint_private_dns.sns');
  });

  it('S3 with private DNS and no dns_options: AWS answers only the inbound resolver; written options are taken as written', () => {
    expect(ep('s3_interface').privateDnsOnlyForInboundResolver).toBe(true);
    expect(ep('hybrid_s3_interface').privateDnsOnlyForInboundResolver).toBe(true);
    // Private DNS off: the option does not apply.
    expect(ep('plain_s3_interface').privateDnsOnlyForInboundResolver).toBeUndefined();
    // Not S3: the option does not exist.
    expect(ep('kms').privateDnsOnlyForInboundResolver).toBeUndefined();
  });

  it('an aws_vpc that does not set enable_dns_hostnames keeps AWS\'s default, off', () => {
    expect(inv.vpcs.get('aws_vpc.nodns')!.enableDnsHostnames).toBe(false);
    expect(inv.vpcs.get('aws_vpc.nodns')!.enableDnsSupport).toBe(true);
    expect(inv.vpcs.get('aws_vpc.main')!.enableDnsHostnames).toBe(true);
  });

  it('subnets and their zones', () => {
    expect(ep('kms').subnets.keys).toEqual(['aws_subnet.main["a"]']);
    expect(ep('ecr_api').subnets.keys.map((k) => inv.subnets.get(k)!.availabilityZone)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('explicit dns_options with private_dns_only_for_inbound_resolver_endpoint = true', () => {
    expect(inventoryOf('interface-done-right').vpcEndpoints.get('aws_vpc_endpoint.s3_interface')!.privateDnsOnlyForInboundResolver).toBe(true);
  });
});

describe('endpoint services from a plan', () => {
  const inv = inventoryOf('endpoint-service-open-acceptance');
  const svc = (name: string) => inv.endpointServices.get(`aws_vpc_endpoint_service.${name}`)!;

  it('allowed principals from the attribute and from aws_vpc_endpoint_service_allowed_principal, with where each is declared', () => {
    expect(svc('open_attribute')).toMatchObject({ acceptanceRequired: false, allowedPrincipals: ['*'] });
    expect(svc('open_resource').allowedPrincipals).toEqual(['*']);
    expect(svc('open_resource').principalRefs?.['*']?.key).toBe('aws_vpc_endpoint_service_allowed_principal.everyone');
    expect(svc('named').allowedPrincipals).toEqual(['arn:aws:iam::123456789012:root', 'arn:aws:iam::210987654321:role/consumer']);
    expect(svc('accepting').acceptanceRequired).toBe(true);
  });
});
