import type { FakeAccount, XmlObject } from './account.js';
import { paginate } from './ec2-api.js';
import { ApiError, type Answer } from './protocol.js';
import { children, element } from './xml.js';

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;
const FILTER_OF: Record<(typeof LISTS)[number], string> = { UserDetailList: 'User', GroupDetailList: 'Group', RoleDetailList: 'Role', Policies: 'LocalManagedPolicy' };
const DOCUMENT_FIELDS = new Set(['PolicyDocument', 'Document', 'AssumeRolePolicyDocument']);

function query(service: 'iam' | 'sts', action: string, result: string, requestId: string): Answer {
  const ns = service === 'iam' ? IAM_NS : STS_NS;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body: `<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>` };
}

/** IAM URL-encodes every policy document it returns (RFC 3986). */
function encodeDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeDocuments);
  if (!value || typeof value !== 'object') return value;
  const out: XmlObject = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = DOCUMENT_FIELDS.has(k) ? encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v)) : encodeDocuments(v);
  }
  return out;
}

export function iamAnswer(account: FakeAccount, params: URLSearchParams, requestId: string, pageSize: number | undefined): Answer {
  const action = params.get('Action');
  if (action !== 'GetAccountAuthorizationDetails') throw new ApiError(400, 'InvalidAction', `Could not find operation ${action} for version 2010-05-08`);
  const wanted = new Set<string>();
  for (const [k, v] of params) if (/^Filter\.member\.\d+$/.test(k)) wanted.add(v);
  const entries: [string, XmlObject][] = [];
  for (const list of LISTS) {
    if (wanted.size > 0 && !wanted.has(FILTER_OF[list])) continue;
    for (const item of account.iam?.[list] ?? []) entries.push([list, item]);
  }
  const max = params.get('MaxItems');
  if (max !== null && (Number(max) < 1 || Number(max) > 1000)) throw new ApiError(400, 'ValidationError', `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000`);
  const { page, next } = paginate(entries, 'GetAccountAuthorizationDetails', params.get('Marker'), max === null ? 100 : Number(max), pageSize);
  const grouped: XmlObject = {};
  for (const list of LISTS) grouped[list] = page.filter(([l]) => l === list).map(([, item]) => encodeDocuments(item));
  const result = `<IsTruncated>${next ? 'true' : 'false'}</IsTruncated>${next ? `<Marker>${next}</Marker>` : ''}${children(grouped, 'member')}`;
  return query('iam', 'GetAccountAuthorizationDetails', result, requestId);
}

export interface StsContext {
  accounts: Map<string, FakeAccount>;
  /** Issues an access key for an assumed role in an account. */
  issueKey: (account: string, roleArn: string) => string;
  callerArn: string;
}

export function stsAnswer(caller: FakeAccount, params: URLSearchParams, requestId: string, ctx: StsContext): Answer {
  const action = params.get('Action');
  if (action === 'GetCallerIdentity') {
    const arn = ctx.callerArn;
    return query('sts', action, `${element('Arn', arn, 'member')}<UserId>AIDA${caller.accountId}EXAMPLE</UserId><Account>${caller.accountId}</Account>`, requestId);
  }
  if (action === 'AssumeRole') {
    const roleArn = params.get('RoleArn') ?? '';
    const m = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(roleArn);
    const target = m ? ctx.accounts.get(m[1]!) : undefined;
    if (!m || !target || (target.auditRoleName && target.auditRoleName !== m[2])) {
      throw new ApiError(403, 'AccessDenied', `User: ${ctx.callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    }
    const session = params.get('RoleSessionName') ?? 'session';
    const key = ctx.issueKey(target.accountId, roleArn);
    const expiration = new Date(Date.now() + 3600_000).toISOString();
    return query('sts', action, `<Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>fakeSecret${key}</SecretAccessKey><SessionToken>FwoGZXIvYXdzEFAKE${key}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA${target.accountId}:${session}</AssumedRoleId><Arn>arn:aws:sts::${target.accountId}:assumed-role/${m[2]}/${session}</Arn></AssumedRoleUser>`, requestId);
  }
  throw new ApiError(400, 'InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
}

export function organizationsAnswer(caller: FakeAccount, target: string, body: string, requestId: string, pageSize: number | undefined): Answer {
  const action = target.split('.').pop() ?? '';
  if (action !== 'ListAccounts') throw new ApiError(400, 'UnknownOperationException', `${action} is not supported`);
  if (!caller.organizationAccounts) throw new ApiError(400, 'AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  const input = JSON.parse(body || '{}') as { NextToken?: string; MaxResults?: number };
  const accounts = caller.organizationAccounts.map((id) => ({
    Id: id,
    Arn: `arn:aws:organizations::${caller.accountId}:account/o-exampleorgid/${id}`,
    Email: `aws+${id}@example.com`,
    Name: `account-${id}`,
    Status: 'ACTIVE',
    State: 'ACTIVE',
    JoinedMethod: id === caller.accountId ? 'CREATED' : 'INVITED',
    JoinedTimestamp: 1.7e9,
  }));
  const { page, next } = paginate(accounts, 'ListAccounts', input.NextToken ?? null, input.MaxResults, pageSize);
  return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId }, body: JSON.stringify({ Accounts: page, ...(next ? { NextToken: next } : {}) }) };
}
