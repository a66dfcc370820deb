import { isUnknown } from '../../model/unknown.js';
import type { HclExpr, SourceExpression } from '../../sourcemap/expression.js';
import { blockExpressions, expressionAt } from './config.js';
import type { BuildContext } from './context.js';
import { attrAt, type Instance } from './instances.js';
import type { StatementJson } from './policy-document-merge.js';
import { checkReferences } from './source-references.js';
import { SourceEvaluator, SourceNotEvaluable, type DocumentText } from './source-values.js';

/** A policy document's list arguments and the policy elements they make. */
const LISTS = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
] as const;

const PRINCIPALS = [
  ['principals', 'Principal'],
  ['not_principals', 'NotPrincipal'],
] as const;

type ListField = (typeof LISTS)[number][0];
type PrincipalField = (typeof PRINCIPALS)[number][0];

/** A statement's list arguments and principal blocks, by name. */
export const LIST_FIELDS: readonly ListField[] = LISTS.map(([field]) => field);
export const PRINCIPAL_FIELDS: readonly PrincipalField[] = PRINCIPALS.map(([field]) => field);

/** Set-typed blocks, which Terraform reorders, and the arguments that identify each of them. */
export const SET_KEYS: Readonly<Record<string, readonly string[]>> = { condition: ['test', 'variable'], principals: ['type'], not_principals: ['type'] };

/** One `statement` block's arguments as the policy text has them: a placeholder where a value is known only after apply. */
export interface StatementParts {
  sid?: string;
  effect?: string;
  lists: Partial<Record<ListField, string[]>>;
  principals: Partial<Record<PrincipalField, { type: string; identifiers: string[] }[]>>;
  conditions: { test: string; variable: string; values: string[] }[];
}

/** The JSON statement the provider writes for a `statement` block. */
export function statementJson(parts: StatementParts): StatementJson {
  const s: StatementJson = {};
  if (parts.sid !== undefined) s.Sid = parts.sid;
  s.Effect = parts.effect ?? 'Allow';
  for (const [field, element] of LISTS) {
    const list = parts.lists[field];
    if (list !== undefined && list.length > 0) s[element] = list;
  }
  for (const [field, element] of PRINCIPALS) {
    const blocks = parts.principals[field] ?? [];
    if (blocks.length === 0) continue;
    // Keys come from input (a principal type, a condition operator): null prototypes, so "__proto__" is just a key.
    const principal: Record<string, string[]> = Object.create(null);
    for (const b of blocks) principal[b.type] = [...(principal[b.type] ?? []), ...b.identifiers];
    const types = Object.keys(principal);
    s[element] = types.length === 1 && types[0] === '*' ? '*' : principal;
  }
  const conditions: Record<string, Record<string, string[]>> = Object.create(null);
  for (const c of parts.conditions) {
    const block = (conditions[c.test] ??= Object.create(null) as Record<string, string[]>);
    block[c.variable] = [...(block[c.variable] ?? []), ...c.values];
  }
  if (Object.keys(conditions).length > 0) s.Condition = conditions;
  return s;
}

/**
 * The statements of a document whose blocks `dynamic` blocks write, from the
 * source's expansion of them (sourcemap/block-expressions.ts), or why they
 * cannot be told. The plan records nothing of a dynamic block, so its
 * content cannot be checked against the plan's references as the static
 * blocks' arguments are; instead every statement must agree with what the
 * plan holds of it: as many statements and nested blocks, every value the
 * plan knows the same, and where the plan has a value known only after
 * apply, one the source gives (a placeholder, or what the source knows
 * more: a bucket's ARN is its name).
 */
export function statementsFromSource(
  ctx: BuildContext,
  doc: Instance,
  found: SourceExpression,
  config: Record<string, unknown> | undefined,
  documentText: DocumentText,
): { statements: StatementJson[]; placeholders: Record<string, string[]> } | { why: string } {
  try {
    const evaluator = new SourceEvaluator(ctx, doc, found, documentText);
    const value = evaluator.result(found.expr);
    checkStaticBlocks(found.expr, config, 'statement', found.where);
    const statements = new PlanAgreement(doc, evaluator.placeholders).statements(value);
    return { statements: statements.map(statementJson), placeholders: evaluator.placeholders };
  } catch (err) {
    if (err instanceof SourceNotEvaluable) return { why: err.message };
    throw err;
  }
}

/** The blocks each block may hold, as block-expressions.ts expands them. */
const NESTED: Readonly<Record<string, readonly string[]>> = { statement: ['principals', 'not_principals', 'condition'] };

/**
 * The static blocks of an expansion (`concat` of a one-block tuple per static block and a `for` per dynamic one)
 * checked against the blocks the plan's configuration lists, in order: as many, and each argument's references
 * the ones the plan records.
 */
function checkStaticBlocks(list: HclExpr, holder: Record<string, unknown> | undefined, name: string, where: string): void {
  const configs = blockExpressions(holder, name) ?? [];
  const statics = list.t === 'call' ? list.args.flatMap((part) => (part.t === 'tuple' ? part.items : [])) : [];
  if (statics.length !== configs.length) throw new SourceNotEvaluable(`it writes ${statics.length} static ${name} block(s) where the plan records ${configs.length}, so the source at ${where} is not the configuration this plan was made from`);
  statics.forEach((block, i) => {
    if (block.t !== 'object') return;
    for (const { key, value } of block.items) {
      if (NESTED[name]?.includes(key)) checkStaticBlocks(value, configs[i], key, where);
      else checkReferences(value, expressionAt(configs[i], [key]), where);
    }
  });
}

/** The source's statements read against the plan's `after` of the document: where they disagree, SourceNotEvaluable. */
class PlanAgreement {
  constructor(
    private readonly doc: Instance,
    private readonly placeholders: Readonly<Record<string, string[]>>,
  ) {}

  statements(value: unknown): StatementParts[] {
    const planned = this.plannedList(['statement'], 'statement blocks');
    const written = this.objects(value, 'statement');
    if (written.length !== planned.length) throw this.differ(`${written.length} statement(s)`, `${planned.length}`);
    return written.map((s, k) => this.statement(s, ['statement', k]));
  }

  private statement(s: Record<string, unknown>, path: (string | number)[]): StatementParts {
    const sid = this.scalar(s.sid, [...path, 'sid'], true);
    const effect = this.scalar(s.effect, [...path, 'effect'], false);
    const lists: StatementParts['lists'] = {};
    for (const field of LIST_FIELDS) lists[field] = this.list(s[field], [...path, field]);
    const principals: StatementParts['principals'] = {};
    for (const field of PRINCIPAL_FIELDS) {
      principals[field] = this.blocks(s[field], [...path, field], SET_KEYS[field]!, (b, at) => ({ type: this.required(b.type, [...at, 'type']), identifiers: this.list(b.identifiers, [...at, 'identifiers']) }));
    }
    const conditions = this.blocks(s.condition, [...path, 'condition'], SET_KEYS.condition!, (b, at) => ({
      test: this.required(b.test, [...at, 'test']),
      variable: this.required(b.variable, [...at, 'variable']),
      values: this.list(b.values, [...at, 'values']),
    }));
    return { ...(sid !== undefined ? { sid } : {}), ...(effect !== undefined ? { effect } : {}), lists, principals, conditions };
  }

  /**
   * Nested blocks of a set (principals, conditions), which Terraform reorders: each block the plan holds paired
   * with a written one of the same identifying arguments that agrees with it, and read.
   */
  private blocks<T>(value: unknown, path: (string | number)[], keys: readonly string[], read: (block: Record<string, unknown>, at: (string | number)[]) => T): T[] {
    const name = String(path[path.length - 1]);
    const planned = this.plannedList(path, `${name} blocks`);
    const free = this.objects(value, name);
    if (free.length !== planned.length) throw this.differ(`${free.length} ${name} block(s)`, `${planned.length}`, path);
    return planned.map((_, i) => {
      const at = [...path, i];
      const want = keys.map((k) => attrAt(this.doc, [...at, k]));
      const unknown = keys.find((_, n) => isUnknown(want[n]));
      if (unknown !== undefined) throw new SourceNotEvaluable(`the ${unknown} of a ${name} block is known only after apply`);
      // Blocks with the same keys (a condition per exempted role) differ in their values: the first that agrees.
      let why: SourceNotEvaluable | undefined;
      for (const [j, b] of free.entries()) {
        if (!keys.every((k, n) => textOf(b[k]) === want[n])) continue;
        try {
          const parts = read(b, at);
          free.splice(j, 1);
          return parts;
        } catch (err) {
          if (!(err instanceof SourceNotEvaluable)) throw err;
          why ??= err;
        }
      }
      throw why ?? this.differ(`no ${name} block with ${keys.map((k, n) => `${k} ${JSON.stringify(want[n])}`).join(', ')}`, 'one', path);
    });
  }

  /** A scalar argument: the plan's value where it knows it (the source must agree), else the source's placeholder. */
  private scalar(value: unknown, path: (string | number)[], placeholderOk: boolean): string | undefined {
    const planned = attrAt(this.doc, path);
    const text = textOf(value);
    const name = String(path[path.length - 1]);
    if (isUnknown(planned)) {
      // The source may know more than the plan says (a bucket's ARN is its name): a known text is taken as it is.
      if (text !== undefined && (placeholderOk || !this.mentionsPlaceholder(text))) return text;
      throw new SourceNotEvaluable(`its ${name} is known only after apply`);
    }
    if (text !== planned) throw this.differ(`${name} ${JSON.stringify(text)}`, JSON.stringify(planned), path);
    return text;
  }

  /** An argument a block must have (a principal's type, a condition's test and variable). */
  private required(value: unknown, path: (string | number)[]): string {
    const text = this.scalar(value, path, false);
    if (text === undefined) throw new SourceNotEvaluable(`a ${path[path.length - 3]} block has no ${path[path.length - 1]}`);
    return text;
  }

  /**
   * A list argument (a set, for IAM): every element the plan knows among the written ones, and as many others
   * as the plan has elements known only after apply. A list known only after apply as a whole is the source's.
   */
  private list(value: unknown, path: (string | number)[]): string[] {
    const items = value === null || value === undefined ? [] : Array.isArray(value) ? value.map(textOf) : [undefined];
    if (!items.every((x): x is string => x !== undefined)) throw new SourceNotEvaluable(`its ${path[path.length - 1]} is not a list of strings`);
    const planned = attrAt(this.doc, path);
    if (isUnknown(planned)) return items;
    const plannedItems = Array.isArray(planned) ? planned : [];
    const rest = [...items];
    let unknowns = 0;
    plannedItems.forEach((p, i) => {
      if (isUnknown(attrAt(this.doc, [...path, i]))) return void unknowns++;
      const at = rest.indexOf(textOf(p) ?? '');
      if (at === -1) throw this.differ(`no ${JSON.stringify(p)} in ${path[path.length - 1]}`, 'it', path);
      rest.splice(at, 1);
    });
    // What the plan knows only after apply may be a placeholder, or known to the source (a bucket's ARN is its name).
    if (rest.length !== unknowns) throw this.differ(`${path[path.length - 1]} ${JSON.stringify(items)}`, 'other values', path);
    return items;
  }

  private plannedList(path: (string | number)[], what: string): unknown[] {
    const planned = attrAt(this.doc, path);
    if (isUnknown(planned)) throw new SourceNotEvaluable(`its ${what} are known only after apply`);
    return Array.isArray(planned) ? planned : [];
  }

  private objects(value: unknown, name: string): Record<string, unknown>[] {
    if (!Array.isArray(value) || !value.every((b) => b !== null && typeof b === 'object' && !Array.isArray(b))) throw new SourceNotEvaluable(`its ${name} blocks do not come to a list of blocks`);
    return [...(value as Record<string, unknown>[])];
  }

  private mentionsPlaceholder(text: string): boolean {
    return Object.keys(this.placeholders).some((p) => text.includes(p));
  }

  private differ(written: string, planned: string, path: (string | number)[] = []): SourceNotEvaluable {
    const at = path.length > 0 ? ` at ${path.join('.')}` : '';
    return new SourceNotEvaluable(`the source writes ${written}${at} where the plan holds ${planned}, so it is not the configuration this plan was made from`);
  }
}

/** A value as policy text (the plan holds numbers and booleans of a string argument as strings); undefined for null, "" or anything else. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
