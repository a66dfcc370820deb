import type { Link } from '../../model/nodes.js';
import type { Instance } from './instances.js';

/*
 * Links the `.tf` source may tell better than the plan, between the resolver,
 * which finds them and uses what is told, and link-from-source.ts, which
 * evaluates them.
 */

/**
 * A link the `.tf` source may tell better than the plan's references: an
 * attribute known only after apply whose references do not resolve, resolve
 * to several nodes, or resolve to one only by the instance's own key.
 */
export interface CheckableLink {
  inst: Instance;
  attribute: string;
  /** What the plan's references give, to compare with what the source gives. */
  planned: Link;
  /** The plan's references resolved to one instance only by the instance's own key (`Resolution.byOwnKey`). */
  byOwnKey?: true;
}

/** Links the source told, by instance address and attribute (sourceLinkKey): they replace what the references give. */
export type SourceLinks = ReadonlyMap<string, Link>;

export function sourceLinkKey(address: string, attribute: string): string {
  return `${address}\u0000${attribute}`;
}
