import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { Bucket } from '../src/model/nodes.js';
import { displayName } from '../src/model/ref.js';
import { adminEscape, arnMatch, parseArn, type Policy, type RequestPrincipal, type Statement } from '../src/policy/index.js';
import { BUCKET_FENCE } from './lib/bucket-snippets.js';
import { eachJudgedBucket } from './lib/policy-buckets.js';
import { notEvaluable, once, statementLabel } from './lib/policy-sites.js';
import { hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'bucket-endpoint-deny-without-exemption',
    severity: 'note',
    title: 'Bucket policy denies everything outside the VPC endpoint, administrators and AWS services included',
    description: [
      'A Deny on every S3 action for every principal unless aws:SourceVpce (or aws:SourceVpc) matches, with no exemption for administration or AWS services (aws:PrincipalArn, aws:PrincipalTag, aws:ViaAWSService, ...).',
      'The console, CI pipelines and AWS services outside the VPC lose access, and only the account root user can repair the policy.',
      'Judged by evaluation: the rule fires when no principal at all (AWS services included) can change the bucket policy from outside the VPC.',
      'In a closed-world inventory (a live scan), an exemption by aws:PrincipalArn that names a role that does not exist is no exemption.',
      'NotPrincipal exempts a role session only when it lists the session ARN (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), the role and the account: a NotPrincipal that lists the role exempts none of its sessions, so it is no exemption.',
    ].join('\n'),
    fix: ['Keep the fence, and exempt an administration role and AWS services acting for you:', '', ...hcl(BUCKET_FENCE)].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
      'https://repost.aws/knowledge-center/s3-accidentally-denied-access',
    ],
    tags: ['operations', 'bucket-policy'],
    precision: 'high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    yield* eachJudgedBucket(inv, ctx, function* (bucket, j) {
      const fences = j.policy.statements.filter((s) => s.effect === 'Deny' && s.conditions.some((c) => c.keyLower === 'aws:sourcevpce' || c.keyLower === 'aws:sourcevpc'));
      if (fences.length === 0) return;
      const input = { resources: j.resources };
      let escape;
      let realEscape;
      const absent = absentRoles(inv, bucket, j.policy);
      try {
        escape = adminEscape(j.policy, input);
        const exists = (v: { principal?: RequestPrincipal }) => v.principal?.kind !== 'aws' || !absent.some((a) => arnMatch(a, (v.principal as { arn: string }).arn));
        realEscape = escape && absent.length > 0 ? adminEscape(j.policy, input, exists) : escape;
      } catch (err) {
        yield* once(ctx, notEvaluable(err, bucket.ref, 'the bucket policy'));
        return;
      }
      if (realEscape) return;
      const labels = fences.map(statementLabel).join(', ');
      const where = j.primary.key === bucket.ref.key ? '' : ` (${displayName(j.primary)})`;
      const message = escape
        ? `The bucket policy of ${displayName(bucket.ref)}${where} denies S3 to every request from outside the VPC endpoint (${labels}), and its only exemption, aws:PrincipalArn ${absent.map((a) => JSON.stringify(a)).join(', ')}, names ${absent.length === 1 ? 'a role that does' : 'roles that do'} not exist in the scanned account: the Deny locks everyone out, and only the account root user can repair the policy. Fix the ARN or create the role.`
        : `The bucket policy of ${displayName(bucket.ref)}${where} denies S3 to every principal unless the request comes through the VPC endpoint (${labels}), with no exemption for administration or AWS services: the console, CI pipelines and AWS services outside the VPC lose access, and only the account root user can repair the policy.${notPrincipalRoles(fences)} Add an exemption such as "ArnNotLike": {"aws:PrincipalArn": "${roleHint(fences)}"} and "BoolIfExists": {"aws:ViaAWSService": "false"} to the Deny.`;
      yield {
        message,
        primary: j.primary,
        related: j.related,
        attribute: 'policy',
        evidence: { bucket: bucket.ref.key, statements: fences.map((s) => s.sid ?? `#${s.index + 1}`), absentRoles: absent },
      };
    });
  },
};

/** Roles a fence's NotPrincipal lists: they look exempt, but none of their sessions is. */
function rolesInNotPrincipal(fences: Statement[]): string[] {
  return [...new Set(fences.flatMap((s) => s.notPrincipal?.aws ?? []).filter((a) => /^arn:[^:]+:iam::\d{12}:role\//.test(a)))];
}

function notPrincipalRoles(fences: Statement[]): string {
  const roles = rolesInNotPrincipal(fences);
  if (roles.length === 0) return '';
  const sessions = roles.map((r) => r.replace(/:iam::/, ':sts::').replace(/:role\/(?:.*\/)?([^/]+)$/, ':assumed-role/$1/<session>'));
  return ` Its NotPrincipal lists ${roles.map((r) => JSON.stringify(r)).join(', ')}, which exempts none of ${roles.length === 1 ? "that role's" : "those roles'"} sessions: a role's requests come from a session (${sessions.join(', ')}), and NotPrincipal exempts one only when it lists the session's ARN, the role and the account alike (IAM User Guide, NotPrincipal).`;
}

function roleHint(fences: Statement[]): string {
  return rolesInNotPrincipal(fences)[0] ?? '<admin role ARN>';
}

/**
 * Principal ARNs the policy names (Principal, aws:PrincipalArn) that match no
 * role or user of a closed-world inventory: they exempt nobody.
 */
function absentRoles(inv: Inventory, bucket: Bucket, policy: Policy): string[] {
  const named = new Set<string>();
  for (const s of policy.statements) {
    for (const spec of [s.principal, s.notPrincipal]) for (const a of spec?.aws ?? []) if (a.startsWith('arn:')) named.add(a);
    for (const c of s.conditions) if (c.keyLower === 'aws:principalarn') for (const v of c.values) if (v.startsWith('arn:')) named.add(v);
  }
  const known = [...inv.iamPrincipals.values()].map((p) => p.ref.arn).filter((a): a is string => a !== undefined);
  return [...named].filter((arn) => {
    const account = parseArn(arn)?.account;
    if (!account || !/^\d{12}$/.test(account) || !inv.isClosedWorld(bucket.ref.region, account)) return false;
    return !known.some((k) => arnMatch(arn, k));
  });
}

export default rule;
