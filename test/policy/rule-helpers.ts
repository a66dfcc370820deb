import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bucket, PolicySource } from '../../src/model/nodes.js';
import type { Ref } from '../../src/model/ref.js';
import { REALWORLD } from '../helpers/fixtures.js';
import type { InventoryBuilder } from '../helpers/inventory-builder.js';

/** A policy document's JSON text from statements. */
export function doc(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A documented policy's text from fixtures/realworld/policies, unchanged. */
export function realworld(name: string): string {
  return readFileSync(join(REALWORLD, 'policies', name), 'utf8');
}

/** A documented statement fragment wrapped into a policy (derived; the file stays as it is). */
export function realworldFragment(name: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [JSON.parse(realworld(name))] });
}

function source(text: string, holder: Ref, extra: Partial<Extract<PolicySource, { kind: 'document' }>> = {}): PolicySource {
  return { kind: 'document', text, holder, attribute: 'policy', sensitive: false, ...extra };
}

/** An identity policy node (aws_iam_policy). */
export function iamPolicy(b: InventoryBuilder, name: string, text: string, extra: Partial<Extract<PolicySource, { kind: 'document' }>> = {}) {
  const ref = b.ref('iam-policy', 'aws_iam_policy', name);
  b.inv.iamPolicies.set(ref.key, { ref, policy: source(text, ref, extra), attachedTo: { keys: [], external: [] } });
  return ref;
}

/** A role, with its ARN known (a live scan, or an existing role in a plan). */
export function role(b: InventoryBuilder, name: string, account = '111122223333') {
  const ref = b.ref('iam-role', 'aws_iam_role', name, { arn: `arn:aws:iam::${account}:role/${name}`, account });
  b.inv.iamPrincipals.set(ref.key, { ref, principalKind: 'iam-role', name });
  return ref;
}

/** A bucket whose policy is set by an aws_s3_bucket_policy resource, optionally written in a policy document. */
export function bucketWithPolicyResource(b: InventoryBuilder, name: string, text: string, origin?: Ref, placeholders?: Record<string, string[]>): Bucket {
  const bucket = b.bucket(name);
  const holder: Ref = { key: `aws_s3_bucket_policy.${bucket.ref.key.split('.')[1]}`, kind: 'other', type: 'aws_s3_bucket_policy', address: `aws_s3_bucket_policy.${bucket.ref.key.split('.')[1]}` };
  bucket.policy = source(text, holder, { ...(origin ? { origin } : {}), ...(placeholders ? { placeholders } : {}) });
  return bucket;
}

/** A data.aws_iam_policy_document ref, as the plan collector registers it. */
export function documentRef(b: InventoryBuilder, name: string): Ref {
  const ref: Ref = { key: `data.aws_iam_policy_document.${name}`, kind: 'iam-policy', type: 'data.aws_iam_policy_document', address: `data.aws_iam_policy_document.${name}` };
  b.inv.register(ref);
  return ref;
}

export const ALLOW_ALL = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' };

/** The AWS documentation's bucket policy restricting a bucket to one endpoint, for a given bucket and endpoint. */
export function denyOutsideEndpoint(bucket: string, endpoint: string, extraCondition: object = {}) {
  return {
    Sid: 'Access-to-specific-VPCE-only',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    Condition: { StringNotEquals: { 'aws:SourceVpce': endpoint }, ...extraCondition },
  };
}
