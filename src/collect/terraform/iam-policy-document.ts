import { isUnknown } from '../../model/unknown.js';
import type { AttributePath, SourceExpression } from '../../sourcemap/expression.js';
import { blockExpressions, expressionAt } from './config.js';
import { instancesOf, type BuildContext } from './context.js';
import { attr, field, type Instance } from './instances.js';
import { referenceStrings } from './expression-references.js';
import { placeholderFor, placeholdersIn } from './plan-placeholders.js';
import { mergeBySid, sharedSid, statementsOf, type StatementJson } from './policy-document-merge.js';
import { LIST_FIELDS, PRINCIPAL_FIELDS, SET_KEYS, statementJson, statementsFromSource, type StatementParts } from './policy-document-statements.js';
import type { Expression } from './plan-types.js';
import { evaluateSource, SourceNotEvaluable, type DocumentText } from './source-values.js';

/**
 * A `data.aws_iam_policy_document` whose inputs are known only after apply
 * (an endpoint id created in the same plan, a bucket ARN) has no `json` in
 * the plan. Its structure is still there: `after` holds every known argument,
 * element by element, and the configuration's expression references say what
 * each unknown element is built from. This rebuilds the document with one
 * placeholder per value known only after apply, mapped to the inventory nodes
 * it comes from, so that a bucket policy can be judged against the endpoint it
 * names. Whatever cannot be rebuilt exactly (unknown effects or operators,
 * dynamic blocks, merged source documents, lists whose unknown elements cannot
 * be told apart) makes the whole document unknown: never a guess.
 */
export type Rebuilt =
  | {
      kind: 'document';
      text: string;
      placeholders: Record<string, string[]>;
      /**
       * Lists whose elements known only after apply were taken from what they
       * reference, not from their text ("${aws_s3_bucket.x.arn}/*" reads as the
       * bucket ARN): the `.tf` source can tell them exactly (rebuildWithSource).
       */
      inexact?: AttributePath[];
    }
  /** `inexact`: lists the source may read where the plan could not, so that a second try may succeed. */
  | { kind: 'unknown'; reason: string; inexact?: AttributePath[] };

/** Where the source of a document's arguments is: by path in its block (statement, index, ..., argument). */
export type SourceLookup = (path: AttributePath) => SourceExpression | undefined;

export function isPolicyDocument(inst: Instance): boolean {
  return inst.mode === 'data' && inst.type === 'aws_iam_policy_document';
}

/** A policy document's `json` (or `minified_json`) known only after apply, as source values read it: rebuilt. */
export function rebuiltDocumentText(ctx: BuildContext): DocumentText {
  return (inst, attribute) => {
    if (!isPolicyDocument(inst) || (attribute !== 'json' && attribute !== 'minified_json')) return undefined;
    const rebuilt = rebuildPolicyDocument(ctx, inst);
    return rebuilt.kind === 'document' ? rebuilt : undefined;
  };
}

class CannotRebuild extends Error {}


function constantOf(expr: Expression | undefined): unknown {
  return expr && 'constant_value' in expr ? expr.constant_value : undefined;
}

/** Rebuilt documents per build: a document is asked for by itself (an IAM node) and by every policy that uses it. */
const rebuiltOf = new WeakMap<BuildContext, Map<Instance, Rebuilt>>();

export function rebuildPolicyDocument(ctx: BuildContext, doc: Instance): Rebuilt {
  const json = field(doc, 'json');
  if (typeof json === 'string') return { kind: 'document', text: json, placeholders: {} };
  let cache = rebuiltOf.get(ctx);
  if (!cache) rebuiltOf.set(ctx, (cache = new Map()));
  let rebuilt = cache.get(doc);
  if (!rebuilt) {
    // Documents merge documents: one that comes back to itself (a malformed plan) ends here.
    cache.set(doc, { kind: 'unknown', reason: `${doc.address} is known only after apply and merges itself` });
    cache.set(doc, (rebuilt = rebuild(ctx, doc)));
    if (rebuilt.inexact) ctx.sourceDocuments.push(doc);
  }
  return rebuilt;
}

/**
 * The documents rebuilt again with the `.tf` source of the lists their first
 * rebuild could not read exactly, and then the documents that merge them
 * (which may merge merged ones: until nothing changes). Those that came out
 * different, by instance: a document, or still unknown for another reason
 * (where their source is and why it cannot tell either).
 */
export function rebuildWithSources(ctx: BuildContext, lookups: ReadonlyMap<Instance, SourceLookup>): Map<Instance, Rebuilt> {
  const out = new Map<Instance, Rebuilt>();
  if (lookups.size === 0) return out;
  let cache = rebuiltOf.get(ctx);
  if (!cache) rebuiltOf.set(ctx, (cache = new Map()));
  const redo = (doc: Instance) => {
    const again = rebuild(ctx, doc, lookups.get(doc));
    const before = cache.get(doc);
    const same = again.kind === 'document' ? before?.kind === 'document' && before.text === again.text : before?.kind === 'document' || before?.reason === again.reason;
    if (same) return false;
    cache.set(doc, again);
    out.set(doc, again);
    return true;
  };
  for (const doc of lookups.keys()) redo(doc);
  const merging = [...instancesOf(ctx, 'data.aws_iam_policy_document')].filter((d) => MERGES.some((m) => attr(d, m) !== undefined && attr(d, m) !== null));
  for (let round = 0; round < merging.length && merging.map(redo).some(Boolean); round++);
  return out;
}

const MERGES = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'];

function rebuild(ctx: BuildContext, doc: Instance, source?: SourceLookup): Rebuilt {
  const rebuilder = new Rebuilder(ctx, doc, source);
  try {
    return rebuilder.run();
  } catch (err) {
    if (!(err instanceof CannotRebuild)) throw err;
    const { inexact, sourceFailure } = rebuilder;
    // With the source read, why it did not do is what the reader can act on.
    const source = sourceFailure ? `; its source (${sourceFailure.where}) cannot be evaluated from the plan either: ${sourceFailure.why}` : '';
    return { kind: 'unknown', reason: `${doc.address} is known only after apply and cannot be rebuilt from the plan: ${err.message}${source}`, ...(inexact.length > 0 ? { inexact } : {}) };
  }
}

class Rebuilder {
  private readonly placeholders: Record<string, string[]> = {};
  private readonly config: Record<string, unknown> | undefined;
  /** The lists met so far that the source could read exactly (kept for a rebuild that failed on one of them). */
  readonly inexact: AttributePath[] = [];
  /** The first source expression that could not be evaluated, and why. */
  sourceFailure: { where: string; why: string } | undefined;

  constructor(
    private readonly ctx: BuildContext,
    private readonly doc: Instance,
    private readonly source?: SourceLookup,
  ) {
    this.config = ctx.resolver.configOf(doc)?.expressions as Record<string, unknown> | undefined;
  }

  run(): Rebuilt {
    const sources = this.mergedDocuments('source_policy_documents', 'source_json');
    const overrides = this.mergedDocuments('override_policy_documents', 'override_json');
    const version = this.scalar(['version'], false);
    const id = this.scalar(['policy_id'], true);
    const expanded = this.source?.(['statement']);
    const own = expanded
      ? this.statementsFromSource(expanded)
      : this.blocks(['statement'], this.config, 'statement', []).map(({ path, config, at }) => statementJson(this.statement(path, config, at)));
    const out: Record<string, unknown> = { Version: version ?? '2012-10-17' };
    if (id !== undefined) out.Id = id;
    if (sources.documents.length === 0 && overrides.documents.length === 0) out.Statement = own;
    else {
      const dup = sharedSid(sources.documents);
      if (dup !== undefined) throw new CannotRebuild(`its source documents share the Sid ${JSON.stringify(dup)}, which Terraform refuses`);
      // Where two or more override documents known only after apply stand in the list cannot be told: no Sid may compete.
      const clash = overrides.unknowns > 1 ? sharedSid(overrides.documents) : undefined;
      if (clash !== undefined) throw new CannotRebuild(`override documents known only after apply share the Sid ${JSON.stringify(clash)}, and their order cannot be told`);
      out.Statement = [mergeBySid(sources.documents.flat(), own), ...overrides.documents].reduce((merged, doc) => mergeBySid(merged, doc));
    }
    const text = JSON.stringify(out);
    return { kind: 'document', text, placeholders: placeholdersIn(text, this.placeholders), ...(this.inexact.length > 0 ? { inexact: this.inexact } : {}) };
  }

  /**
   * The documents a merge argument names (a list, or its older single-text
   * form): known texts as they are; one known only after apply, another
   * policy document of the plan, rebuilt. `unknowns`: how many were.
   */
  private mergedDocuments(listField: string, textField: string): { documents: StatementJson[][]; unknowns: number } {
    const list = attr(this.doc, listField);
    const text = attr(this.doc, textField);
    const present = (v: unknown) => isUnknown(v) || (typeof v === 'string' && v !== '') || (Array.isArray(v) && v.length > 0);
    if (!present(list) && !present(text)) return { documents: [], unknowns: 0 };
    if (present(list) && present(text)) throw new CannotRebuild(`it sets both ${listField} and ${textField}`);
    const [field, values] = present(list) ? [listField, list] : [textField, [text]];
    if (isUnknown(values)) {
      const documents = this.documentsFromSource(field);
      if (!documents) throw new CannotRebuild(`its ${field} is known only after apply`);
      return { documents, unknowns: 0 };
    }
    if (!Array.isArray(values)) throw new CannotRebuild(`its ${field} is not a list`);
    // In list order (an override's place decides which same-Sid statement stays); undefined: known only after apply.
    const slots: (StatementJson[] | undefined)[] = values.map((v, i) => {
      if (isUnknown(field === textField ? text : attr(this.doc, field, i))) return undefined;
      const statements = typeof v === 'string' ? statementsOf(v) : undefined;
      if (!statements) throw new CannotRebuild(`an element of its ${field} is not a policy document`);
      return statements;
    });
    const unknowns = slots.filter((x) => x === undefined).length;
    if (unknowns === 0) return { documents: slots as StatementJson[][], unknowns };
    const res = this.ctx.resolver.resolveExpression(this.doc, expressionAt(this.config, [field]) ?? {});
    // The documents whose text is known only after apply (those known are already among the elements).
    const read = res.hits.filter((h) => !isPolicyDocument(h.instance) || !(h.attribute === undefined || h.attribute === 'json' || h.attribute === 'minified_json') || isUnknown(attr(h.instance, h.attribute ?? 'json')));
    const docs = read.filter((h) => isPolicyDocument(h.instance));
    // One document each for the elements known only after apply, and nothing else they could be.
    if (res.unresolved || docs.length !== read.length || docs.length !== unknowns) throw new CannotRebuild(`${unknowns} document(s) of its ${field} are known only after apply and cannot be told apart`);
    const rebuilt = docs.map((h) => {
      const r = rebuildPolicyDocument(this.ctx, h.instance);
      if (r.kind === 'unknown') throw new CannotRebuild(`it merges ${h.instance.address}, which cannot be rebuilt either`);
      const statements = statementsOf(r.text);
      if (!statements) throw new CannotRebuild(`it merges ${h.instance.address}, which is not a policy document`);
      this.addPlaceholders(r.placeholders);
      return statements;
    });
    // Which unknown element is which document is known only for one; with more, run() refuses any Sid they share.
    let next = 0;
    return { documents: slots.map((x) => x ?? rebuilt[next++]!), unknowns };
  }

  /**
   * A merge argument known only after apply as a whole (`compact([cond ? a.json : "", var.policy])`, as modules
   * write it): which documents it holds, and their order, from the `.tf` source, each document known only after
   * apply rebuilt. Undefined unless every element is a policy document.
   */
  private documentsFromSource(field: string): StatementJson[][] | undefined {
    const evaluated = this.evaluateAt([field], expressionAt(this.config, [field]));
    if (!evaluated) return undefined;
    const texts = field.endsWith('_json') ? [evaluated.value] : evaluated.value;
    if (!Array.isArray(texts)) return undefined;
    const documents = texts.map((t) => (typeof t === 'string' ? statementsOf(t) : undefined));
    if (!documents.every((d): d is StatementJson[] => d !== undefined)) return undefined;
    this.addPlaceholders(evaluated.placeholders);
    return documents;
  }

  /** `at`: where the block is in the source, by configuration order (sets are reordered in the plan). */
  private statement(path: (string | number)[], config: Record<string, unknown>, at: AttributePath): StatementParts {
    const sid = this.scalar([...path, 'sid'], true, config);
    const effect = this.scalar([...path, 'effect'], false, config);
    const lists: StatementParts['lists'] = {};
    for (const field of LIST_FIELDS) lists[field] = this.list([...path, field], config, [...at, field]);
    const principals: StatementParts['principals'] = {};
    for (const field of PRINCIPAL_FIELDS) {
      principals[field] = this.blocks([...path, field], config, field, at).map((b) => {
        const type = this.scalar([...b.path, 'type'], false, b.config);
        if (type === undefined) throw new CannotRebuild(`a ${field} block has no type`);
        return { type, identifiers: this.list([...b.path, 'identifiers'], b.config, [...b.at, 'identifiers']) ?? [] };
      });
    }
    const conditions = this.blocks([...path, 'condition'], config, 'condition', at).map((b) => {
      const test = this.scalar([...b.path, 'test'], false, b.config);
      const variable = this.scalar([...b.path, 'variable'], false, b.config);
      if (test === undefined || variable === undefined) throw new CannotRebuild('a condition block has no test or variable');
      return { test, variable, values: this.list([...b.path, 'values'], b.config, [...b.at, 'values']) ?? [] };
    });
    return { ...(sid !== undefined ? { sid } : {}), ...(effect !== undefined ? { effect } : {}), lists, principals, conditions };
  }

  /**
   * The statements of a document that `dynamic` blocks write (the plan's configuration lists only the static
   * ones), from the source's expansion of them.
   */
  private statementsFromSource(found: SourceExpression): StatementJson[] {
    const from = statementsFromSource(this.ctx, this.doc, found, this.config, rebuiltDocumentText(this.ctx));
    if ('why' in from) throw new CannotRebuild(`dynamic blocks write its statements, and their source (${found.where}) cannot be evaluated: ${from.why}`);
    this.addPlaceholders(from.placeholders);
    return from.statements;
  }

  /**
   * Nested blocks: their count in `after` must equal the configuration's, or
   * dynamic blocks are hiding some. `condition` and `principals` are sets, so
   * Terraform reorders them: each is paired with the configuration block whose
   * constant keys (test and variable, or type) it has.
   */
  private blocks(path: (string | number)[], parentConfig: Record<string, unknown> | undefined, name: string, parentAt: AttributePath): { path: (string | number)[]; config: Record<string, unknown>; at: AttributePath }[] {
    const v = attr(this.doc, ...path);
    if (isUnknown(v)) throw new CannotRebuild(`its ${name} blocks are known only after apply`);
    const list = Array.isArray(v) ? v : [];
    const configs = blockExpressions(parentConfig, name) ?? [];
    if (configs.length !== list.length) {
      // The source's expansion of its dynamic blocks may tell them (the paths of the whole document start with statement).
      if (!this.source && !this.inexact.some((p) => p.length === 1 && p[0] === 'statement')) this.inexact.push(['statement']);
      throw new CannotRebuild(`it has ${list.length} ${name} block(s) but the configuration shows ${configs.length} (dynamic blocks are not in the plan)`);
    }
    const keys = SET_KEYS[name];
    if (!keys) return list.map((_, i) => ({ path: [...path, i], config: configs[i]!, at: [...parentAt, name, i] }));
    const free = new Set(configs.map((_, j) => j));
    return list.map((_, i) => {
      const want = keys.map((k) => attr(this.doc, ...path, i, k));
      const j = [...free].find((c) => keys.every((k, n) => constantOf(expressionAt(configs[c], [k])) === want[n]));
      if (j === undefined) throw new CannotRebuild(`a ${name} block cannot be matched with its configuration`);
      free.delete(j);
      return { path: [...path, i], config: configs[j]!, at: [...parentAt, name, j] };
    });
  }

  private scalar(path: (string | number)[], placeholderOk: boolean, config?: Record<string, unknown>): string | undefined {
    const v = attr(this.doc, ...path);
    if (v === undefined) return undefined;
    const name = path[path.length - 1] as string;
    if (!isUnknown(v)) return scalarText(v, name);
    if (!placeholderOk) throw new CannotRebuild(`its ${name} is known only after apply`);
    const hits = this.hits(expressionAt(config ?? this.config, [name]), name);
    if (hits.length !== 1) throw new CannotRebuild(`its ${name} is built from ${hits.length === 0 ? 'nothing the plan shows' : 'several values'}`);
    return hits[0]!;
  }

  /** A list argument: known elements as they are, unknown ones as placeholders of what they are built from. */
  private list(path: (string | number)[], config: Record<string, unknown>, at: AttributePath): string[] | undefined {
    const field = path[path.length - 1] as string;
    const v = attr(this.doc, ...path);
    if (v === undefined) return undefined;
    const expr = expressionAt(config, [field]);
    if (isUnknown(v)) {
      const exact = this.fromSource(at, expr, undefined);
      if (exact) return exact;
      if (!expr || !singleTraversal(expr)) throw new CannotRebuild(`its ${field} list is known only after apply and built from more than one value`);
      const hits = this.hits(expr, field);
      if (hits.length === 0) throw new CannotRebuild(`its ${field} list is known only after apply`);
      return hits;
    }
    if (!Array.isArray(v)) return [scalarText(v, field)];
    const out: string[] = [];
    let unknowns = 0;
    v.forEach((x, i) => {
      if (isUnknown(attr(this.doc, ...path, i))) unknowns++;
      else if (x !== null && x !== undefined) out.push(scalarText(x, field));
    });
    if (unknowns === 0) return out;
    const exact = this.fromSource(at, expr, v.map((x, i) => (isUnknown(attr(this.doc, ...path, i)) ? undefined : x)));
    if (exact) return exact;
    const hits = this.hits(expr, field);
    // One source for every unknown element, or one element per source (order does not matter in IAM lists).
    if (hits.length === 1 || hits.length === unknowns) return [...out, ...hits];
    throw new CannotRebuild(`${unknowns} element(s) of its ${field} are known only after apply and come from ${hits.length} different values`);
  }

  /**
   * A list whose elements are known only after apply, from the `.tf` source:
   * each element exactly (`"${aws_s3_bucket.x.arn}/*"` is not the bucket
   * ARN). Used only when the source names what the plan records and agrees
   * with every element the plan knows (lists are sets here: in any order);
   * else undefined, and the elements are taken from what they reference.
   */
  private fromSource(at: AttributePath, expr: Expression | undefined, known: unknown[] | undefined): string[] | undefined {
    const evaluated = this.evaluateAt(at, expr);
    if (!evaluated) return undefined;
    const items = Array.isArray(evaluated.value) ? evaluated.value : [evaluated.value];
    if (!items.every((x): x is string => typeof x === 'string')) return undefined;
    if (known) {
      if (known.length !== items.length) return undefined;
      const rest = [...items];
      for (const k of known) {
        if (k === undefined) continue;
        const i = rest.indexOf(k as string);
        if (i === -1) return undefined;
        rest.splice(i, 1);
      }
    }
    this.addPlaceholders(evaluated.placeholders);
    return items;
  }

  /**
   * The source of an argument of the document's block, evaluated against the plan's expression for it; undefined
   * where it cannot be. Without a source (the first rebuild) the path is noted as one the source could read.
   */
  private evaluateAt(at: AttributePath, expr: Expression | undefined): ReturnType<typeof evaluateSource> | undefined {
    const found = this.source?.(at);
    if (!found) {
      if (!this.source) this.inexact.push(at);
      return undefined;
    }
    try {
      return evaluateSource(this.ctx, this.doc, found, expr, rebuiltDocumentText(this.ctx));
    } catch (err) {
      if (!(err instanceof SourceNotEvaluable)) throw err;
      this.sourceFailure ??= { where: found.where, why: err.message };
      return undefined;
    }
  }

  /** Placeholders of another rebuild or evaluation joining this document's; a name keeps the nodes it was first given. */
  private addPlaceholders(more: Readonly<Record<string, string[]>>): void {
    for (const [name, keys] of Object.entries(more)) if (!Object.hasOwn(this.placeholders, name)) this.placeholders[name] = keys;
  }

  /** Placeholders for the values known only after apply that an expression reads. */
  private hits(expr: Expression | undefined, field: string): string[] {
    if (!expr) throw new CannotRebuild(`its ${field} is known only after apply and has no expression in the configuration`);
    const res = this.ctx.resolver.resolveExpression(this.doc, expr);
    if (res.unresolved) throw new CannotRebuild(res.unresolved);
    if (res.choices && res.choices.length > 0) throw new CannotRebuild(`its ${field} reads a module without naming an output`);
    const out: string[] = [];
    for (const h of res.hits) {
      const value = h.attribute ? attr(h.instance, h.attribute) : undefined;
      if (h.attribute && !isUnknown(value)) continue; // known values already appear in `after`
      const { name, keys } = placeholderFor(this.ctx, h.instance, h.attribute);
      if (!Object.hasOwn(this.placeholders, name)) this.placeholders[name] = keys;
      if (!out.includes(name)) out.push(name);
    }
    return out;
  }
}

/** References that all belong to one traversal (`a.b[0].id`, `a.b[0]`, `a.b`): the expression is that one value. */
function singleTraversal(expr: Expression): boolean {
  const refs = referenceStrings(expr).filter((r) => !/^(count|each|path|terraform)\./.test(r));
  if (refs.length === 0) return false;
  const longest = refs.reduce((a, b) => (b.length > a.length ? b : a));
  return refs.every((r) => longest === r || longest.startsWith(`${r}.`) || longest.startsWith(`${r}[`));
}

/** A value of the document as policy text; anything but a scalar means the plan is not what Terraform writes. */
function scalarText(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new CannotRebuild(`its ${field} holds something that is not a string`);
}
