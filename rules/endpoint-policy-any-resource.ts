import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { isStandInResource, outsideResourceAllowed } from '../src/policy/index.js';
import { ORG_LIMITED_ENDPOINT_POLICY } from './endpoint-policy-full-access.js';
import { actionsAllowed, endpointName, endpointQuestion, labels, where } from './lib/policy-endpoints.js';
import { hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'endpoint-policy-any-resource',
    severity: 'note',
    title: 'Endpoint policy lets requests reach resources outside your accounts',
    description: [
      'The endpoint policy allows actions on resources outside the owner\'s accounts and organization: Resource "*" (or a foreign account\'s ARNs) with no aws:ResourceAccount, aws:ResourceOrgID or aws:ResourceOrgPaths limit.',
      'Data can then be written through the endpoint to buckets that someone else owns.',
      '',
      'Judged by IAM\'s evaluation, not by text: a statement counts only if it lets some request for a resource the policy does not name, in an account and organization it does not name, through.',
      'A Resource pattern with a wildcard account (`arn:aws:dynamodb:*:*:table/*`) names every account\'s resources of that type, and a limit that every account or organization matches (`"o-*"`, `"????????????"`) is no limit.',
      'Only requests that can come through the endpoint count: they carry its aws:SourceVpce and aws:SourceVpc and no aws:SourceIp. When the verdict depends on an endpoint or VPC id known only after apply, the endpoint is reported as not evaluated.',
      'Statements limited to AWS service principals (aws:PrincipalIsAWSService) or to requests AWS services make for you (aws:ViaAWSService) are AWS\'s own access and do not count;',
      'neither do Allows that require a principal tag (the data perimeter\'s administrator exceptions, such as dp:exclude:resource).',
      'Silent where endpoint-policy-full-access fires.',
    ].join('\n'),
    fix: ['Add a resource perimeter condition to the statements that allow "*":', '', ...hcl(ORG_LIMITED_ENDPOINT_POLICY)].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceorgid',
      'https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/resource-perimeter.html',
    ],
    tags: ['security', 'data-perimeter', 'endpoint-policy'],
    precision: 'high',
  },
  check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    return endpointQuestion(inv, ctx, outsideResourceAllowed, (j, witness, statements) => {
      const target = isStandInResource(witness.resource) ? 'a resource of another account or organization' : witness.resource;
      return `The endpoint policy of ${endpointName(j)}${where(j)} lets requests through to resources outside your accounts and organization: ${labels(statements)} allows ${actionsAllowed(statements)} on ${target} with no aws:ResourceOrgID, aws:ResourceAccount or aws:ResourceOrgPaths limit. Add a condition such as "StringEquals": {"aws:ResourceOrgID": "<your organization id>"} to ${statements.length === 1 ? 'that statement' : 'those statements'}, or name your own resources in Resource.`;
    });
  },
};

export default rule;
