import { describe, expect, it } from 'vitest';
import rule from '../../rules/endpoint-service-open-acceptance.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { endpointService } from '../helpers/security-group-builders.js';

describe('endpoint-service-open-acceptance', () => {
  testRule(rule, {
    valid: [
      {
        name: 'everyone may ask, acceptance required',
        inventory: () => {
          const b = new InventoryBuilder();
          endpointService(b, { acceptanceRequired: true, allowedPrincipals: ['*'] });
          return b.inv;
        },
      },
      {
        name: 'no acceptance, named consumers only',
        inventory: () => {
          const b = new InventoryBuilder();
          endpointService(b, { acceptanceRequired: false, allowedPrincipals: ['arn:aws:iam::123456789012:root'] });
          return b.inv;
        },
      },
      {
        name: 'no acceptance, nobody allowed yet',
        inventory: () => {
          const b = new InventoryBuilder();
          endpointService(b, { acceptanceRequired: false, allowedPrincipals: [] });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'everyone, through the attribute',
        inventory: () => {
          const b = new InventoryBuilder();
          endpointService(b, { name: 'api', acceptanceRequired: false, allowedPrincipals: ['arn:aws:iam::123456789012:root', '*'] });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint_service.api', related: [], messageIncludes: ['aws_vpc_endpoint_service.api', '"*"', 'acceptance_required = true'] }],
      },
      {
        name: 'everyone, through aws_vpc_endpoint_service_allowed_principal',
        inventory: () => {
          const b = new InventoryBuilder();
          const declaredBy = b.ref('other', 'aws_vpc_endpoint_service_allowed_principal', 'everyone');
          endpointService(b, { name: 'api', acceptanceRequired: false, allowedPrincipals: ['*'], principalRefs: { '*': declaredBy } });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint_service.api', related: ['aws_vpc_endpoint_service_allowed_principal.everyone'], messageIncludes: ['by aws_vpc_endpoint_service_allowed_principal.everyone'] }],
      },
    ],
  });

  it('unknown acceptance or principals are "not evaluated"; unknown principals under acceptance need no answer', () => {
    const b = new InventoryBuilder();
    endpointService(b, { name: 'acceptance', acceptanceRequired: unknown('var.accept'), allowedPrincipals: ['*'] });
    endpointService(b, { name: 'principals', acceptanceRequired: false, allowedPrincipals: unknown('known only after apply') });
    endpointService(b, { name: 'fine', acceptanceRequired: true, allowedPrincipals: unknown('known only after apply') });
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => d.subject?.key).sort()).toEqual(['aws_vpc_endpoint_service.acceptance', 'aws_vpc_endpoint_service.principals']);
  });
});
