import type { Diagnostic } from '../../model/diagnostic.js';
import type { Ref } from '../../model/ref.js';

/**
 * Why an AWS read failed, in the words a report uses. Each kind is a diagnostic
 * code; every one of them makes the scan partial (see `isReadFailure`).
 */
export type FailureKind = 'access-denied' | 'throttled' | 'region-disabled' | 'auth-failed' | 'timeout' | 'read-failed';

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedAccess', 'Forbidden']);
const THROTTLED = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottled', 'RequestThrottledException',
  'RequestLimitExceeded', 'SlowDown', 'TooManyRequestsException', 'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'TransactionInProgressException',
]);
const REGION_DISABLED = new Set(['OptInRequired', 'InvalidRegion']);
const AUTH_FAILED = new Set(['AuthFailure', 'InvalidClientTokenId', 'UnrecognizedClientException', 'ExpiredToken', 'ExpiredTokenException', 'SignatureDoesNotMatch', 'CredentialsProviderError']);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export interface Classified {
  kind: FailureKind;
  /** The AWS error code (or Node's), e.g. AccessDenied. */
  code: string;
  message: string;
}

/** Sorts an error thrown by an SDK call (after its retries) into a failure kind. */
export function classify(err: unknown): Classified {
  const e = (err ?? {}) as { name?: string; code?: string; message?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  const code = e.Code ?? (e.name && e.name !== 'Error' ? e.name : undefined) ?? e.code ?? 'Error';
  const message = oneLine(e.message ?? String(err));
  const status = e.$metadata?.httpStatusCode;
  let kind: FailureKind = 'read-failed';
  if (ACCESS_DENIED.has(code)) kind = 'access-denied';
  else if (THROTTLED.has(code) || status === 429) kind = 'throttled';
  else if (REGION_DISABLED.has(code)) kind = 'region-disabled';
  else if (AUTH_FAILED.has(code)) kind = 'auth-failed';
  else if (TIMEOUT.has(code) || TIMEOUT.has(e.code ?? '')) kind = 'timeout';
  else if (status === 403) kind = 'access-denied';
  return { kind, code, message };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

const PREFIX = 'aws-';

export function failureCode(kind: FailureKind): string {
  return `${PREFIX}${kind}`;
}

/** True for the diagnostics that say some part of an account could not be read: the scan is partial. */
export function isReadFailure(d: Diagnostic): boolean {
  return d.level === 'error' && d.code.startsWith(PREFIX);
}

/** What was being read, for the diagnostic. */
export interface ReadSpec {
  /** IAM action form, e.g. `ec2:DescribeRouteTables`. */
  action: string;
  account: string;
  /** Absent for global services (IAM). */
  region?: string;
  /** What the call reads, in words: "route tables", "the bucket policy of my-bucket". */
  what: string;
  /** The resource concerned, when the call is about one. */
  subject?: Ref;
}

const HINTS: Partial<Record<FailureKind, string>> = {
  'access-denied': 'grant the action (see docs/iam-policy.json)',
  throttled: 'still throttled after retries; run again later or lower --concurrency',
  'region-disabled': 'the region is not enabled for this account',
  'auth-failed': 'the credentials were refused here; the region may not be enabled for this account',
  timeout: 'no answer in time',
};

export function failureDiagnostic(spec: ReadSpec, failure: Classified): Diagnostic {
  const where = spec.region ? `${spec.account}/${spec.region}` : spec.account;
  const hint = HINTS[failure.kind];
  return {
    level: 'error',
    code: failureCode(failure.kind),
    message: `could not read ${spec.what} (${spec.action} in ${where}): ${failure.code}: ${failure.message}${hint ? ` (${hint})` : ''}. Not evaluated: whatever depends on it.`,
    ...(spec.subject ? { subject: spec.subject } : {}),
  };
}

/** The short reason stored in Unknown values of fields the failed call would have filled. */
export function failureReason(spec: ReadSpec, failure: Classified): string {
  return `${spec.action} failed in ${spec.region ? `${spec.account}/${spec.region}` : spec.account}: ${failure.code}`;
}
