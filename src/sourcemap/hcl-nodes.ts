import type { Node } from 'web-tree-sitter';
import type { HclExpr } from './expression.js';

/*
 * Small readers of tree-sitter nodes that expression.ts and template-expression.ts both use (they import
 * each other's types only, and this module nothing else at run time).
 */

/** A node's named children, comments left out. */
export function named(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
}

/** What the reader does not follow, with the line it is on. */
export function unsupported(node: Node | null, what: string): Extract<HclExpr, { t: 'unsupported' }> {
  return { t: 'unsupported', what, line: (node?.startPosition.row ?? 0) + 1 };
}
