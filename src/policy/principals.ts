import type { PrincipalSpec, RequestPrincipal } from './types.js';

type AwsPrincipal = Extract<RequestPrincipal, { kind: 'aws' }>;

const SESSION = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/** The role of an assumed-role session ARN (arn:aws:sts::A:assumed-role/R/S → arn:aws:iam::A:role/R); undefined for any other ARN. */
export function roleOfSession(arn: string): string | undefined {
  const m = SESSION.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : undefined;
}

/**
 * The principal of a request made with an IAM ARN a policy names. A role
 * makes requests only through its sessions: an assumed-role session ARN is
 * that session of its role, whose aws:PrincipalArn is the role's ARN (one the
 * policy names with the same name when there is one, for its path).
 */
export function awsPrincipalOf(account: string, arn: string, named: readonly string[] = []): AwsPrincipal {
  const role = roleOfSession(arn);
  if (!role) return { kind: 'aws', account, arn };
  const name = role.slice(role.lastIndexOf('/') + 1);
  const withPath = named.find((n) => n.startsWith(role.slice(0, role.indexOf(':role/') + 6)) && n.endsWith(`/${name}`) && !/[*?]/.test(n));
  return { kind: 'aws', account, arn: withPath ?? role, session: arn };
}

/**
 * The identities IAM checks a principal as, outermost first: its account;
 * its user or role (the account root has none); for a role, the session.
 * A role's ARN without a session stands for one of its sessions that no
 * policy names.
 */
function identities(p: AwsPrincipal): { account: string; entity?: string; session?: string; role: boolean } {
  const sessionRole = roleOfSession(p.arn);
  if (sessionRole) return { account: p.account, entity: sessionRole, session: p.arn, role: true };
  if (/^arn:[^:]+:iam::\d{12}:root$/.test(p.arn)) return { account: p.account, role: false };
  return { account: p.account, entity: p.arn, ...(p.session ? { session: p.session } : {}), role: /^arn:[^:]+:iam::[^:]*:role\//.test(p.arn) };
}

/** Whether a Principal element names this principal: its account, its user or role (a role's sessions with it), or its session. */
export function awsSpecMatches(spec: PrincipalSpec, p: AwsPrincipal): boolean {
  const id = identities(p);
  return spec.aws.some((a) => a === id.account || a === id.entity || a === p.arn || (id.session !== undefined && a === id.session));
}

/**
 * Whether a NotPrincipal element exempts this principal from a Deny. IAM may
 * check the account, then the user or role, then the role session, and the
 * Deny applies at the first it does not list (IAM User Guide, NotPrincipal):
 * so each must be listed. A role session is exempt only when its session ARN
 * is listed too, with the role and the account; listing the role alone
 * exempts none of its sessions.
 */
export function awsSpecExempts(spec: PrincipalSpec, p: AwsPrincipal): boolean {
  const id = identities(p);
  const listed = (x: string | undefined) => x !== undefined && spec.aws.includes(x);
  if (!listed(id.account)) return false;
  if (id.entity !== undefined && !listed(id.entity)) return false;
  return !id.role || listed(id.session);
}
