import type { PolicySource } from '../../model/nodes.js';
import { isUnknown } from '../../model/unknown.js';
import type { HclExpr, SourceExpression } from '../../sourcemap/expression.js';
import type { BuildContext } from './context.js';
import { placeholderFor } from './iam-policy-document.js';
import { attr, isSensitive, type Instance } from './instances.js';
import type { Expression } from './plan-types.js';

/**
 * A policy attribute known only after apply because it is written as
 * `jsonencode({...})` (or a JSON template) over values known only after
 * apply: the plan records the expression's references, not its structure.
 * The `.tf` source has the structure; this rebuilds the document from it,
 * each reference evaluated against the plan as the policy-document rebuild
 * does: a known value as it is, a value known only after apply as a
 * placeholder. The source must be the configuration the plan was made from:
 * its references are checked against the ones the plan records, and anything
 * the plan cannot evaluate (locals, functions other than jsonencode,
 * conditionals, `for`, splats) leaves the policy unknown, saying why.
 */
export interface SourcePolicyRequest {
  inst: Instance;
  attribute: string;
  /** The plan's expression of the attribute: the references the source must agree with. */
  expr: Expression;
  /** The policy as the plan alone gives it. */
  unknown: Extract<PolicySource, { kind: 'unknown' }>;
}

class CannotRebuild extends Error {}

export function policyFromSource(ctx: BuildContext, req: SourcePolicyRequest, found: SourceExpression): PolicySource {
  try {
    const evaluator = new Evaluator(ctx, req.inst);
    const text = evaluator.document(found.expr);
    checkReferences(req.expr, evaluator.traversals, found.where);
    const placeholders = Object.keys(evaluator.placeholders).length > 0 ? { placeholders: evaluator.placeholders } : {};
    const { holder, attribute } = req.unknown;
    return { kind: 'document', text, holder, attribute, sensitive: isSensitive(req.inst, attribute), ...placeholders };
  } catch (err) {
    if (!(err instanceof CannotRebuild)) throw err;
    const from = req.unknown.builtFrom?.join(', ') ?? 'values';
    return { ...req.unknown, reason: `built from ${from}, known only after apply, and its source (${found.where}) cannot be evaluated from the plan: ${err.message}` };
  }
}

/**
 * The source must name what the plan records, and nothing else: otherwise it
 * is not the configuration this plan was made from (a stale checkout, another
 * --source-root), and a document built from it would be a guess.
 */
function checkReferences(planned: Expression, traversals: readonly Traversal[], where: string): void {
  const recorded = new Set((planned.references ?? []).filter((r): r is string => typeof r === 'string'));
  const mismatch = () => new CannotRebuild(`its references differ from the ones the plan records (${[...recorded].join(', ') || 'none'}), so the source at ${where} is not the configuration this plan was made from`);
  for (const t of traversals) if (!t.planned.some((r) => recorded.has(r))) throw mismatch();
  for (const r of recorded) {
    if (!traversals.some((t) => t.text === r || t.text.startsWith(`${r}.`) || t.text.startsWith(`${r}[`) || t.planned.includes(r))) throw mismatch();
  }
}

interface Traversal {
  text: string;
  /** The references the plan records for it (one of which it must list). */
  planned: string[];
}

const JSON_TEMPLATE = Symbol('json template');

class Evaluator {
  readonly placeholders: Record<string, string[]> = {};
  readonly traversals: Traversal[] = [];

  constructor(
    private readonly ctx: BuildContext,
    private readonly inst: Instance,
  ) {}

  /** The policy text: `jsonencode(value)`, or a template whose text is JSON (a heredoc). */
  document(e: HclExpr): string {
    if (e.t === 'call' && e.name === 'jsonencode' && e.args.length === 1) return JSON.stringify(this.value(e.args[0]!));
    if (e.t === 'template') return this.template(e, JSON_TEMPLATE);
    if (e.t === 'unsupported') throw new CannotRebuild(`it is ${e.what} (line ${e.line})`);
    throw new CannotRebuild(e.t === 'call' ? `it is built by ${e.name}(), which vpcelint does not evaluate` : 'it is neither jsonencode(...) nor a JSON template');
  }

  private value(e: HclExpr): unknown {
    switch (e.t) {
      case 'literal':
        return e.value;
      case 'template':
        // "${x}" is x itself, whatever its type; anything else is a string.
        return e.parts.length === 1 && typeof e.parts[0] !== 'string' ? this.value(e.parts[0]!) : this.template(e);
      case 'traversal':
        return this.traversal(e);
      case 'tuple':
        return e.items.map((item) => this.value(item));
      case 'object': {
        // Keys come from the source: a null prototype, so "__proto__" is just a key.
        const out = Object.create(null) as Record<string, unknown>;
        for (const { key, value } of e.items) out[key] = this.value(value);
        return out;
      }
      case 'call':
        throw new CannotRebuild(`it calls ${e.name}(), which vpcelint does not evaluate`);
      case 'unsupported':
        throw new CannotRebuild(`it holds ${e.what} (line ${e.line}), which vpcelint does not evaluate`);
    }
  }

  /** A template's text; in a JSON template, placeholders are written as JSON string content (their addresses may hold quotes). */
  private template(e: Extract<HclExpr, { t: 'template' }>, json?: typeof JSON_TEMPLATE): string {
    return e.parts
      .map((p) => {
        if (typeof p === 'string') return p;
        const v = this.value(p);
        if (typeof v === 'string') return json && Object.hasOwn(this.placeholders, v) ? JSON.stringify(v).slice(1, -1) : v;
        if (typeof v === 'number' || typeof v === 'boolean') return String(v);
        throw new CannotRebuild('it interpolates a value that is not a string into a string');
      })
      .join('');
  }

  private traversal(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    if (t.root === 'local') throw new CannotRebuild(`it reads ${t.text}, and the plan does not record local values`);
    if (t.root === 'path' || t.root === 'terraform' || t.root === 'self') throw new CannotRebuild(`it reads ${t.text}`);
    const { references, attribute } = this.referencesOf(t);
    this.traversals.push({ text: t.text, planned: references });
    const res = this.ctx.resolver.resolveExpression(this.inst, { references });
    if (res.unresolved) throw new CannotRebuild(res.unresolved);
    if (res.choices && res.choices.length > 0) throw new CannotRebuild(`${t.text} reads a module without naming an output`);
    if (res.hits.length === 0 && res.constants.length === 1) return scalarOrList(res.constants[0], t.text);
    if (res.hits.length !== 1 || res.constants.length > 0) throw new CannotRebuild(`${t.text} may be any of ${res.hits.length + res.constants.length} values`);
    const hit = res.hits[0]!;
    const name = hit.attribute ?? attribute;
    if (name === undefined) throw new CannotRebuild(`${t.text} is a whole resource, not one of its attributes`);
    const value = attr(hit.instance, name);
    if (!isUnknown(value)) return scalarOrList(value, t.text);
    const arn = bucketArn(this.ctx, hit.instance, name);
    if (arn !== undefined) return arn;
    const placeholder = placeholderFor(this.ctx, hit.instance, name);
    if (!Object.hasOwn(this.placeholders, placeholder.name)) this.placeholders[placeholder.name] = placeholder.keys;
    return placeholder.name;
  }

  /**
   * The references Terraform records for a traversal: the traversal and its
   * shorter forms, except after a computed index (`x[count.index].arn`),
   * where it records the resource and the index (TFPLAN-NOTES), and the
   * attribute comes from the source.
   */
  private referencesOf(t: Extract<HclExpr, { t: 'traversal' }>): { references: string[]; attribute?: string } {
    const computed = t.steps.findIndex((s) => 'index' in s && typeof s.index === 'object');
    if (computed === -1) {
      // The traversal and its shorter forms down to the root and its first name: `a.b[0].id`, `a.b[0]`, `a.b`.
      const forms: string[] = [];
      let text = t.root;
      for (const step of t.steps) forms.push((text += stepText(step)));
      return { references: forms.reverse() };
    }
    const index = (t.steps[computed] as { index: HclExpr }).index;
    if (index.t !== 'traversal' || !['count', 'each'].includes(index.root)) throw new CannotRebuild(`${t.text} has an index vpcelint does not evaluate`);
    const rest = t.steps.slice(computed + 1);
    if (rest.length > 1 || (rest[0] !== undefined && !('attr' in rest[0]))) throw new CannotRebuild(`${t.text} reads inside an attribute`);
    const base = t.root + t.steps.slice(0, computed).map(stepText).join('');
    const attribute = rest[0] && 'attr' in rest[0] ? rest[0].attr : undefined;
    return { references: [base, index.text], ...(attribute !== undefined ? { attribute } : {}) };
  }
}

/**
 * A bucket's ARN is its name in the partition: known whenever the name and
 * the region are, although the provider reports it only after apply. Written
 * out, it tells the bucket from its objects ("${aws_s3_bucket.x.arn}/*"),
 * which a placeholder cannot. The partition is the commercial one, as
 * everywhere bucket ARNs are written.
 */
function bucketArn(ctx: BuildContext, inst: Instance, attribute: string): string | undefined {
  if (inst.type !== 'aws_s3_bucket' || attribute !== 'arn') return undefined;
  const name = attr(inst, 'bucket');
  const region = ctx.regions.regionOf(inst);
  if (typeof name !== 'string' || name === '' || region === undefined || /^(cn|us-gov|us-iso[a-z]*|eu-iso[a-z]*)-/.test(region)) return undefined;
  return `arn:aws:s3:::${name}`;
}

function stepText(s: { attr: string } | { index: string | number | HclExpr }): string {
  if ('attr' in s) return `.${s.attr}`;
  return typeof s.index === 'object' ? `[${s.index.t === 'traversal' ? s.index.text : '?'}]` : `[${JSON.stringify(s.index)}]`;
}

/** A value a policy can hold: a string, number, boolean, or a list of them. */
function scalarOrList(v: unknown, text: string): unknown {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return v;
  if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) return v;
  throw new CannotRebuild(`${text} is ${Array.isArray(v) ? 'a list of structured values' : 'a structured value'} or partly known`);
}
