import type { Node } from 'web-tree-sitter';
import { attributeIn, childrenOf, expression, type BlockExpression, type HclExpr } from './expression.js';
import { unsupported } from './hcl-nodes.js';

/** A policy document's arguments that name the documents it merges. */
const MERGED_DOCUMENTS = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];

/** The list arguments of a policy document's blocks that a policy is built from. */
const DOCUMENT_LISTS: readonly [string, readonly string[]][] = [
  ['', ['actions', 'not_actions', 'resources', 'not_resources']],
  ['principals', ['identifiers']],
  ['not_principals', ['identifiers']],
  ['condition', ['values']],
];

/** Attributes that name other resources without saying so in their names. */
const NAMING_ATTRIBUTES = new Set(['policy', 'bucket', 'role', 'roles', 'user', 'users', 'group', 'groups', 'vpc_zone_identifier']);

/**
 * The attributes of a resource the plan may know only by their references:
 * its policy, and every attribute that names other resources (`vpc_id`,
 * `route_table_id`, `subnet_ids`, `policy_arn`, a bucket policy's `bucket`,
 * ...), which the inventory links.
 */
export function isSourceAttribute(name: string): boolean {
  return NAMING_ATTRIBUTES.has(name) || /_(ids?|arns?)$/.test(name);
}

/** Whether blockSourceExpressions reads anything of a block (cheap: by its type and children's names). */
export function readsSourceExpressions(block: { type: string; labels: readonly string[]; children: readonly { name: string; kind: string }[] }): boolean {
  if (block.type === 'data') return block.labels[0] === 'aws_iam_policy_document';
  if (block.type !== 'resource') return false;
  return block.children.some((c) => c.kind === 'attribute' && isSourceAttribute(c.name));
}

/**
 * What a plan may need of a top-level block, read while the file is parsed
 * (the tree is freed right after): a resource's `policy` and the attributes
 * that name other resources by id (isSourceAttribute), and a
 * `data "aws_iam_policy_document"`'s list arguments by path, with their
 * `for_each`. Empty for other blocks.
 */
export function blockSourceExpressions(block: Node, text: string, type: string, labels: readonly string[]): BlockExpression[] {
  const out: BlockExpression[] = [];
  // What `each.value` is an element of, which the plan records only by its references.
  const forEach = attributeIn(block, ['for_each']);
  if (forEach && (type === 'resource' || (type === 'data' && labels[0] === 'aws_iam_policy_document'))) out.push({ path: ['for_each'], expr: expression(forEach, text) });
  if (type === 'resource') {
    for (const child of childrenOf(block) ?? []) {
      const name = child.type === 'attribute' ? child.namedChildren[0]?.text : undefined;
      if (name === undefined || !isSourceAttribute(name)) continue;
      const value = child.namedChildren.find((n): n is Node => n?.type === 'expression');
      if (value) out.push({ path: [name], expr: expression(value, text) });
    }
  } else if (type === 'data' && labels[0] === 'aws_iam_policy_document') {
    for (const name of MERGED_DOCUMENTS) {
      const value = attributeIn(block, [name]);
      if (value) out.push({ path: [name], expr: expression(value, text) });
    }
    const statements = childrenOf(block)?.filter((n) => n.type === 'block' && n.namedChildren[0]?.text === 'statement') ?? [];
    statements.forEach((statement, i) => {
      for (const [nested, names] of DOCUMENT_LISTS) {
        const holders = nested === '' ? [statement] : (childrenOf(statement)?.filter((n) => n.type === 'block' && n.namedChildren[0]?.text === nested) ?? []);
        holders.forEach((holder, j) => {
          for (const name of names) {
            const path = nested === '' ? ['statement', i, name] : ['statement', i, nested, j, name];
            const value = attributeIn(holder, [name]);
            if (value) out.push({ path, expr: expression(value, text) });
          }
        });
      }
    });
    const layout = statementLayout(block, text);
    if (layout) out.push({ path: ['statement'], expr: layout });
  }
  return out;
}

/** The blocks a policy document's blocks hold, by the holder's name: what a `dynamic` block may write. */
const NESTED_BLOCKS: Readonly<Record<string, readonly string[]>> = { statement: ['principals', 'not_principals', 'condition'] };

/**
 * A policy document's statements, when `dynamic` blocks write some of them or of their nested blocks, as one
 * expression: the list Terraform expands them into, in the order written, each statement an object of its
 * arguments and of its nested blocks' lists. The plan records nothing of a dynamic block (neither its for_each
 * nor its content) and lists only the static blocks in its configuration, so a document known only after apply
 * that has one can be rebuilt only from this. Undefined when no dynamic block is written.
 */
function statementLayout(document: Node, text: string): HclExpr | undefined {
  const writesDynamic = (block: Node, nested: readonly string[]): boolean =>
    (childrenOf(block) ?? []).some((child) => {
      const kind = blockName(child);
      return kind === 'dynamic' ? nested.includes(labelOf(child) ?? '') : kind !== undefined && nested.includes(kind) && writesDynamic(child, NESTED_BLOCKS[kind] ?? []);
    });
  return writesDynamic(document, ['statement']) ? blockList(document, 'statement', text) : undefined;
}

/** The blocks of one name in a body, static and dynamic, as one list (`concat` of each block's part). */
function blockList(holder: Node, name: string, text: string): HclExpr {
  const parts: HclExpr[] = [];
  for (const child of childrenOf(holder) ?? []) {
    const kind = blockName(child);
    if (kind === name) parts.push({ t: 'tuple', items: [blockValue(child, name, text)] });
    else if (kind === 'dynamic' && labelOf(child) === name) parts.push(dynamicBlock(child, name, text));
  }
  return { t: 'call', name: 'concat', args: parts };
}

/** A block (or a dynamic block's `content`) as an object: its arguments, and the list of each block it may hold. */
function blockValue(block: Node, name: string, text: string): HclExpr {
  const items: { key: string; value: HclExpr }[] = [];
  for (const child of childrenOf(block) ?? []) {
    if (child.type !== 'attribute') continue;
    const value = child.namedChildren.find((n): n is Node => n?.type === 'expression');
    if (value) items.push({ key: child.namedChildren[0]!.text, value: expression(value, text) });
  }
  for (const nested of NESTED_BLOCKS[name] ?? []) items.push({ key: nested, value: blockList(block, nested, text) });
  return { t: 'object', items };
}

/** `dynamic "name" { for_each = ..., iterator = ..., content { ... } }`: one block per element, in for_each's order. */
function dynamicBlock(block: Node, name: string, text: string): HclExpr {
  const forEach = attributeIn(block, ['for_each']);
  const content = childrenOf(block)?.find((n) => blockName(n) === 'content');
  const iteratorAt = attributeIn(block, ['iterator']);
  const iterator = iteratorAt ? expression(iteratorAt, text) : undefined;
  if (!forEach || !content || attributeIn(block, ['labels'])) return unsupported(block, `a dynamic "${name}" block vpcelint does not expand`);
  if (iterator && (iterator.t !== 'traversal' || iterator.steps.length > 0)) return unsupported(block, `a dynamic "${name}" block whose iterator is not a name`);
  return {
    t: 'for',
    object: false,
    value: iterator?.t === 'traversal' ? iterator.root : name,
    iterator: true,
    collection: expression(forEach, text),
    result: blockValue(content, name, text),
    line: block.startPosition.row + 1,
  };
}

/** A block's type (`statement`, `dynamic`); undefined for anything that is not a block. */
function blockName(node: Node): string | undefined {
  return node.type === 'block' ? node.namedChildren[0]?.text : undefined;
}

/** A block's first label (`dynamic "statement"`: statement). */
function labelOf(block: Node): string | undefined {
  const label = block.namedChildren.find((n) => n?.type === 'string_lit');
  return label ? label.namedChildren.filter((n) => n?.type === 'template_literal').map((n) => n!.text).join('') : undefined;
}

