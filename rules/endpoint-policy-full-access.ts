import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { hcl } from './lib/terraform-snippets.js';
import { endpointName, fullAccessStatements, judgedEndpoints, labels, where } from './lib/policy-endpoints.js';
import { isDiagnostic, once } from './lib/policy-sites.js';

export const ORG_LIMITED_ENDPOINT_POLICY: readonly string[] = [
  'resource "aws_vpc_endpoint" "s3" {',
  '  vpc_id            = aws_vpc.main.id',
  '  service_name      = "com.amazonaws.${var.region}.s3"',
  '  vpc_endpoint_type = "Gateway"',
  '  route_table_ids   = aws_route_table.private[*].id',
  '  policy = jsonencode({',
  '    Version = "2012-10-17"',
  '    Statement = [{',
  '      Sid       = "OrgPrincipalsToOrgResources"',
  '      Effect    = "Allow"',
  '      Principal = "*"',
  '      Action    = "*"',
  '      Resource  = "*"',
  '      Condition = {',
  '        StringEquals = {',
  '          "aws:PrincipalOrgID" = var.org_id',
  '          "aws:ResourceOrgID"  = var.org_id',
  '        }',
  '      }',
  '    }, {',
  '      Sid       = "AwsServices"',
  '      Effect    = "Allow"',
  '      Principal = "*"',
  '      Action    = "*"',
  '      Resource  = "*"',
  '      Condition = { Bool = { "aws:PrincipalIsAWSService" = "true" } }',
  '    }]',
  '  })',
  '}',
];

const rule: Rule = {
  meta: {
    id: 'endpoint-policy-full-access',
    severity: 'warning',
    title: 'VPC endpoint lets every principal do everything on every resource',
    description: [
      'An endpoint for an AWS service that supports endpoint policies has no policy (AWS then attaches the default one, which allows everything) or a policy that allows every principal every action of the service on every resource with no limiting condition.',
      'Anything in the VPC can then reach any bucket, table or key of any account through the endpoint: the exfiltration path a data perimeter is meant to close.',
      'An endpoint policy never grants access by itself; it filters what passes through the endpoint.',
      'So it is judged on requests that come through the endpoint: a condition every one of them meets (aws:SourceVpce equal to the endpoint\'s own id, aws:SourceVpc to its VPC) limits nothing, and one none of them meets (aws:SourceIp, which they never carry) lets nothing through.',
      'When the verdict depends on the endpoint\'s or the VPC\'s id and a plan knows it only after apply, the endpoint is reported as not evaluated rather than guessed.',
      '',
      'Services that do not support endpoint policies (VpcEndpointPolicySupported false; a bundled table for plans) and endpoint services of other accounts (com.amazonaws.vpce.*) are skipped: nobody can fix a finding there.',
      'Where this rule fires, endpoint-policy-any-resource and endpoint-policy-any-principal stay silent for the same endpoint.',
    ].join('\n'),
    fix: ['Allow only your organization\'s principals to reach your organization\'s resources, plus AWS services acting for you:', '', ...hcl(ORG_LIMITED_ENDPOINT_POLICY)].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
      'https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/perimeter-implementation.html',
    ],
    tags: ['security', 'data-perimeter', 'endpoint-policy'],
    precision: 'very-high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    for (const j of judgedEndpoints(inv, ctx)) {
      if (isDiagnostic(j)) {
        yield* once(ctx, j);
        continue;
      }
      if (!j.fullAccess) continue;
      const svc = j.service ? `every ${j.service} action` : 'every action';
      const message = j.policy
        ? `The endpoint policy of ${endpointName(j)}${where(j)} lets every principal perform ${svc} on every resource through the endpoint (${labels(fullAccessStatements(j.policy, j.service, j.origin, j.partition))}, with no limiting condition): anything in the VPC can reach any account's data. Limit the Allow to your organization, e.g. a condition "aws:PrincipalOrgID" and "aws:ResourceOrgID" equal to your organization id.`
        : `${endpointName(j)} has no endpoint policy, so AWS attaches the default policy, which lets every principal perform every action on every resource through the endpoint: anything in the VPC can reach any account's data. Set \`policy\` to allow only your organization's principals and resources (aws:PrincipalOrgID, aws:ResourceOrgID).`;
      yield {
        message,
        primary: j.primary,
        related: j.related,
        attribute: 'policy',
        evidence: { endpoint: j.ep.ref.key, service: j.ep.service?.name ?? '', defaultPolicy: j.policy === undefined },
      };
    }
  },
};

export default rule;
