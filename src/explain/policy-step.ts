import type { PolicySource } from '../model/nodes.js';
import { displayName, type Ref } from '../model/ref.js';

/** A request as it reaches a policy on one path: what is asked, and which endpoint and VPC it comes through. */
export interface PolicyRequest {
  action: string;
  /** ARN of the resource, e.g. `arn:aws:s3:::bucket/*`. */
  resource: string;
  /** The endpoint the request comes through (`aws:SourceVpce`); absent for paths through a NAT or the internet. */
  endpoint?: Ref;
  /** The VPC the request comes from when it comes through an endpoint (`aws:SourceVpc`). */
  vpc?: Ref;
  /** The bucket owner's account, when known: the caller is an IAM principal of that account. */
  account?: string;
  /** The bucket asked about, when it is in the inventory: the node a plan's placeholders for it stand for. */
  bucket?: Ref;
}

/**
 * What a policy does to a request. `no-match`: no statement applies (an
 * endpoint policy then blocks the request, a bucket policy leaves the
 * decision to identity policies). `statement` names the deciding statement
 * (Sid, else its index).
 */
export type Verdict =
  | { decision: 'allow' | 'deny' | 'no-match'; statement?: string; because: string }
  /** Different for different callers or values explain cannot know (tags, the NAT's public address). */
  | { decision: 'depends'; because: string }
  | { decision: 'not-evaluated'; because: string };

export type PolicyRole = 'endpoint' | 'bucket';

/**
 * Evaluates a policy document on a request. Pluggable: the explain command
 * takes the evaluator of `src/policy/` when this build has one, and says
 * "policy not evaluated" when it does not, never a guess.
 */
export interface PolicyEvaluator {
  evaluate(document: Extract<PolicySource, { kind: 'document' }>, role: PolicyRole, request: PolicyRequest): Verdict;
  /** For paths without one request to judge (the subnet view): what the endpoint policy lets through, in a line. */
  describeEndpointPolicy?(document: Extract<PolicySource, { kind: 'document' }>, endpoint: Ref): string;
}

/** The stand-in while no evaluator is plugged in: every document is reported as not evaluated. */
export const NO_EVALUATOR: PolicyEvaluator = {
  evaluate: () => ({ decision: 'not-evaluated', because: 'policy not evaluated: this build of vpcelint has no policy evaluator' }),
};

/** One policy met on a path, with its verdict for the request that path carries (when there is one). */
export interface PolicyStep {
  role: PolicyRole;
  /** The resource the policy belongs to (endpoint or bucket). */
  owner: Ref;
  /** Where the text is declared, when it is not the owner (aws_vpc_endpoint_policy, aws_s3_bucket_policy, ...). */
  holder?: Ref;
  source: PolicySource['kind'];
  verdict?: Verdict;
  /** Without a request: the evaluator's one-line reading of the policy. */
  description?: string;
}

/**
 * The verdict of a policy as found on a resource. What needs no evaluation is
 * stated as fact: no endpoint policy means AWS's default, which allows
 * everything; no bucket policy leaves the decision to identity policies.
 */
export function judge(evaluator: PolicyEvaluator, role: PolicyRole, owner: Ref, source: PolicySource, request: PolicyRequest | undefined): PolicyStep {
  const step: PolicyStep = { role, owner, source: source.kind };
  if (source.kind !== 'absent' && source.holder.key !== owner.key) step.holder = source.holder;
  if (source.kind === 'absent') {
    step.verdict = role === 'endpoint'
      ? { decision: 'allow', because: 'no endpoint policy: the AWS default policy allows every request' }
      : { decision: 'no-match', because: 'no bucket policy: the identity policies of the caller decide' };
    return step;
  }
  if (source.kind === 'unknown') {
    step.verdict = { decision: 'not-evaluated', because: `the ${role} policy of ${displayName(owner)} is unknown (${source.reason})` };
    return step;
  }
  if (request) step.verdict = safely(() => evaluator.evaluate(source, role, request));
  else if (role === 'endpoint' && evaluator.describeEndpointPolicy) {
    const describe = evaluator.describeEndpointPolicy.bind(evaluator);
    const v = safely(() => ({ decision: 'not-evaluated', because: describe(source, owner) }));
    step.description = v.because;
  }
  return step;
}

/** An evaluator that throws is a bug to report, not a reason to stop explaining. */
function safely(run: () => Verdict): Verdict {
  try {
    return run();
  } catch (err) {
    return { decision: 'not-evaluated', because: `policy not evaluated: the evaluator failed (${(err as Error).message})` };
  }
}

/** One line for people: what the policy does to the request and which statement decides. */
export function describeVerdict(v: Verdict | undefined): string {
  if (!v) return 'applies (no request to evaluate on this path)';
  if (v.decision === 'not-evaluated' || v.decision === 'depends' || !v.statement) return v.because;
  const word = { allow: 'allows', deny: 'denies', 'no-match': 'has no statement for' }[v.decision];
  return `${word} the request (statement ${v.statement}): ${v.because}`;
}
