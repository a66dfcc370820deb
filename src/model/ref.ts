/** The kinds of node the inventory holds. */
export type NodeKind =
  | 'vpc'
  | 'subnet'
  | 'route-table'
  | 'route'
  | 'nat-gateway'
  | 'internet-gateway'
  | 'egress-only-gateway'
  | 'vpc-endpoint'
  | 'endpoint-service'
  | 'security-group'
  | 'prefix-list'
  | 'bucket'
  | 'instance'
  | 'network-interface'
  | 'workload'
  | 'iam-role'
  | 'iam-user'
  | 'iam-group'
  | 'iam-policy'
  | 'other';

export interface SourceRange {
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

/** Where a resource is declared, filled in by the source map (plans only). */
export interface SourceLocation extends SourceRange {
  /** Path relative to the repository root (SARIF's %SRCROOT%), with forward slashes. */
  file: string;
  /** Lines of individual attributes or blocks inside the resource block. */
  attributes?: Record<string, SourceRange>;
  /**
   * Set when the resource lives in a registry or git module, which has no
   * local source: the location is then that of this calling `module` block.
   */
  moduleCall?: string;
}

/**
 * Identifies a node for reports. A plan gives the Terraform address and,
 * for existing resources, the AWS id; a live scan gives id, ARN, account and region.
 */
export interface Ref {
  /** Unique key in the inventory: the Terraform address, else the AWS id or ARN. */
  key: string;
  kind: NodeKind;
  /** Terraform resource type, e.g. aws_route_table. */
  type?: string;
  address?: string;
  id?: string;
  arn?: string;
  account?: string;
  region?: string;
  /** The Name tag, for messages people can read. */
  name?: string;
  location?: SourceLocation;
  /** True for nodes the collector synthesized, such as a new VPC's implicit main route table. */
  implicit?: boolean;
}

/** The name a person would look for: address in plans, id (and Name tag) live. */
export function displayName(ref: Ref): string {
  if (ref.address) return clip(ref.address);
  const base = clip(ref.id ?? ref.arn ?? ref.key);
  return ref.name ? `${base} (${clip(ref.name)})` : base;
}

/** Names come from input files: a hostile one must not blow up every message that quotes it. */
function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}...` : text; // ASCII dots: see clip() in report/sarif.ts
}

/** A node the plan reads but does not manage: the collector writes a data source's type as `data.<type>`. */
export function isDataSource(ref: Ref): boolean {
  return ref.type?.startsWith('data.') === true;
}
