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
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Whether a Terraform address is a data source's (`data.aws_vpc.x`,
 * `module.net["a.b"].data.aws_vpc.x[0]`): the segment after the module path
 * is `data`. Instance keys are skipped whole, quoted ones with their escapes,
 * so a key holding dots or brackets does not split the address.
 */
export function isDataSourceAddress(address: string): boolean {
  let i = 0;
  for (;;) {
    const dot = address.indexOf('.', i);
    const segment = dot === -1 ? address.slice(i) : address.slice(i, dot);
    if (segment !== 'module') return segment === 'data' && dot !== -1;
    // module.<name>, then an optional [key], then a dot.
    let j = dot + 1;
    while (j < address.length && address[j] !== '.' && address[j] !== '[') j++;
    if (address[j] === '[') j = afterKey(address, j);
    if (j === -1 || address[j] !== '.') return false;
    i = j + 1;
  }
}

/** The index just after the `[key]` that starts at `open`; -1 if it does not close. */
function afterKey(address: string, open: number): number {
  let j = open + 1;
  if (address[j] === '"') {
    for (j++; j < address.length && address[j] !== '"'; j++) if (address[j] === '\\') j++;
    j++;
  } else {
    while (j < address.length && address[j] !== ']') j++;
  }
  return address[j] === ']' ? j + 1 : -1;
}
