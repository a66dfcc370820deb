/**
 * A policy document in normalized form: every list a list, principals split by
 * type, condition operators split into their parts, condition keys
 * case-folded. Values are kept as written (IAM compares them case-sensitively).
 */
export interface Policy {
  version?: string;
  id?: string;
  statements: Statement[];
  /** Policy variables (`${aws:username}`) are substituted only in version 2012-10-17 documents. */
  variablesEnabled: boolean;
}

export type Effect = 'Allow' | 'Deny';

export interface Statement {
  index: number;
  sid?: string;
  effect: Effect;
  /** Absent when the statement has neither Principal nor NotPrincipal (identity policies, old endpoint policy examples). */
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  action?: string[];
  notAction?: string[];
  /** Neither: a trust policy, whose resource is the role it is attached to (matches every resource). */
  resource?: string[];
  notResource?: string[];
  conditions: ConditionEntry[];
  /** JSON path of the statement in the document, e.g. `$.Statement[2]`. */
  path: string;
}

export interface PrincipalSpec {
  /** `"*"` or `{"AWS": "*"}`: every principal. */
  any: boolean;
  /** Account ids (root ARNs and bare ids become the 12-digit id) and principal ARNs. */
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

export type BaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'NumericEquals'
  | 'NumericNotEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateNotEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'ArnEquals'
  | 'ArnLike'
  | 'ArnNotEquals'
  | 'ArnNotLike'
  | 'Null';

export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

/** One key of one operator block: `"StringNotEqualsIfExists": {"aws:SourceVpce": ["vpce-1"]}`. */
export interface ConditionEntry {
  /** As written, e.g. `ForAnyValue:StringLike`. */
  operator: string;
  base: BaseOperator;
  ifExists: boolean;
  set?: SetQualifier;
  /** As written, for messages. */
  key: string;
  /** Case-folded: IAM condition keys are case-insensitive. */
  keyLower: string;
  /** Values as strings (JSON booleans and numbers become their text). */
  values: string[];
  /** Some value contains a policy variable (`${...}`). */
  hasVariables: boolean;
  path: string;
}

export interface ParseProblem {
  message: string;
  /** JSON path inside the document, e.g. `$.Statement[0].Condition.StringEquals`. */
  path: string;
}

export type ParseResult = { ok: true; policy: Policy } | { ok: false; problems: ParseProblem[] };

/**
 * Who makes a request. `aws`: an IAM principal (role, user, account root),
 * with its account and ARN (the value of aws:PrincipalArn); a role acts only
 * through sessions: `session` is the assumed-role session ARN when the
 * session is one a policy names, and a role without it stands for a session
 * no policy names. `service`: an AWS service principal acting on its own;
 * `anonymous`: an unsigned request.
 */
export type RequestPrincipal =
  | { kind: 'anonymous' }
  | { kind: 'aws'; account: string; arn: string; session?: string }
  | { kind: 'service'; service: string }
  | { kind: 'federated'; provider: string }
  | { kind: 'canonical-user'; id: string };

/** A concrete request: what IAM evaluates a policy against. Context keys are case-folded; every value is a list. */
export interface Request {
  action: string;
  resource: string;
  principal: RequestPrincipal;
  context: ReadonlyMap<string, readonly string[]>;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';
