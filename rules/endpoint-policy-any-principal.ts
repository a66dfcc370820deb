import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { outsidePrincipalAllowed } from '../src/policy/index.js';
import { ORG_LIMITED_ENDPOINT_POLICY } from './endpoint-policy-full-access.js';
import { actionsAllowed, endpointName, endpointQuestion, labels, where } from './lib/policy-endpoints.js';
import { hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'endpoint-policy-any-principal',
    severity: 'note',
    title: 'Endpoint policy lets principals of any account use the endpoint',
    description: [
      'The endpoint policy allows Principal "*" with no aws:PrincipalAccount, aws:PrincipalOrgID or aws:PrincipalOrgPaths limit.',
      'Credentials from other accounts (an attacker\'s own keys on a compromised host) can then use your endpoint to reach their own resources from inside your network.',
      '',
      'Judged by IAM\'s evaluation: a statement counts only if it lets a principal of an account and organization the policy does not name through, for a resource the policy does not name.',
      'A limit that every account or organization matches (`"o-*"`, `"????????????"`) is no limit; a principal whose ARN matches an Allow\'s pattern and a Deny\'s exception at once (`role/app-*`, `role/*-prod`) counts.',
      'Only requests that can come through the endpoint count: they carry its aws:SourceVpce and aws:SourceVpc and no aws:SourceIp. When the verdict depends on an endpoint or VPC id known only after apply, the endpoint is reported as not evaluated.',
      'Allows on named resources (AWS\'s own package repositories, a partner\'s bucket) are deliberate and do not count;',
      'statements limited to AWS service principals (aws:PrincipalIsAWSService) or to requests AWS services make for you (aws:ViaAWSService) are AWS\'s own access.',
      'Silent where endpoint-policy-full-access fires.',
    ].join('\n'),
    fix: ['Add an identity perimeter condition to the statements that allow Principal "*":', '', ...hcl(ORG_LIMITED_ENDPOINT_POLICY)].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid',
      'https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/identity-perimeter.html',
    ],
    tags: ['security', 'data-perimeter', 'endpoint-policy'],
    precision: 'high',
  },
  check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    return endpointQuestion(inv, ctx, outsidePrincipalAllowed, (j, _witness, statements) => {
      return `The endpoint policy of ${endpointName(j)}${where(j)} lets principals outside your accounts and organization use the endpoint: ${labels(statements)} allows ${actionsAllowed(statements)} to Principal "*" with no aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalOrgPaths limit. Add a condition such as "StringEquals": {"aws:PrincipalOrgID": "<your organization id>"} to ${statements.length === 1 ? 'that statement' : 'those statements'}.`;
    });
  },
};

export default rule;
