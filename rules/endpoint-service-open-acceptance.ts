import type { Rule, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { displayName } from '../src/model/ref.js';
import { isUnknown } from '../src/model/unknown.js';
import { notEvaluated } from './lib/security-group-rules.js';

const rule: Rule = {
  meta: {
    id: 'endpoint-service-open-acceptance',
    severity: 'warning',
    title: 'Endpoint service accepts connections from any AWS account automatically',
    description: [
      'A PrivateLink endpoint service (provider side) allows every principal (`*`) and does not require acceptance:',
      'any AWS account can create an interface endpoint to it and reach the service behind its load balancer at once, without anyone approving the connection.',
      'Allowed principals come from the `allowed_principals` attribute and from `aws_vpc_endpoint_service_allowed_principal` resources alike.',
      'Either limit the allowed principals to the consumer accounts (or roles), or require acceptance so that each connection is approved.',
    ].join('\n'),
    fix: [
      'Name the consumers and require acceptance:',
      '',
      '```hcl',
      'resource "aws_vpc_endpoint_service" "api" {',
      '  acceptance_required        = true',
      '  network_load_balancer_arns = [aws_lb.api.arn]',
      '  allowed_principals         = ["arn:aws:iam::111122223333:root"]',
      '}',
      '```',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions',
      'https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#accept-reject-connection-requests',
    ],
    tags: ['security', 'privatelink'],
    precision: 'very-high',
  },
  *check(inv: Inventory): Iterable<RuleOutput> {
    for (const service of inv.endpointServices.values()) {
      const name = displayName(service.ref);
      if (isUnknown(service.acceptanceRequired)) {
        yield notEvaluated(service.ref, `whether endpoint service ${name} requires acceptance is unknown (${service.acceptanceRequired.reason})`);
        continue;
      }
      if (service.acceptanceRequired) continue;
      if (isUnknown(service.allowedPrincipals)) {
        yield notEvaluated(service.ref, `endpoint service ${name} does not require acceptance, and its allowed principals are unknown (${service.allowedPrincipals.reason})`);
        continue;
      }
      if (!service.allowedPrincipals.includes('*')) continue;
      const declaredBy = service.principalRefs?.['*'];
      const where = declaredBy && declaredBy.key !== service.ref.key ? ` (by ${displayName(declaredBy)})` : '';
      yield {
        message: `Endpoint service ${name} allows every principal ("*")${where} and does not require acceptance: any AWS account can connect to it without approval. Set acceptance_required = true, or list only the consumer accounts in the allowed principals.`,
        primary: service.ref,
        related: declaredBy && declaredBy.key !== service.ref.key ? [declaredBy] : [],
        attribute: 'acceptance_required',
        evidence: { service: service.ref.key, principal: '*' },
      };
    }
  },
};

export default rule;
