import type { TraversalStep } from '../../sourcemap/expression.js';
import { SourceNotEvaluable, terraformError } from './source-errors.js';

/**
 * An object member of a source value, evaluated when it is read. A module
 * argument such as terraform-aws-modules' `endpoints = { s3 = {...} }` holds
 * members a policy never reads (route table ids from a splat, say), which may
 * not evaluate: only what is read must.
 */
export class Lazy {
  private running = false;
  private done = false;
  private result: unknown;

  constructor(private readonly thunk: () => unknown) {}

  get(): unknown {
    if (this.done) return this.result;
    if (this.running) throw new SourceNotEvaluable('a value refers to itself');
    this.running = true;
    try {
      this.result = this.thunk();
      this.done = true;
    } finally {
      this.running = false;
    }
    return this.result;
  }
}

/**
 * A resource instance as a value (`b` of `for b in aws_s3_bucket.team`): each
 * attribute is read when a traversal steps into it, as `aws_s3_bucket.team[0].arn`
 * reads. The whole instance is no value a policy can hold.
 */
export class InstanceValue {
  constructor(
    readonly address: string,
    readonly read: (attribute: string) => unknown,
  ) {}
}

/** The value itself, not a member still to evaluate (its own members may be). */
export function shallow(v: unknown): unknown {
  return v instanceof Lazy ? shallow(v.get()) : v;
}

/** How deep values may nest: far beyond any policy, well within the stack (a hostile source may nest thousands deep). */
const MAX_NESTING = 200;

/** The value with every member evaluated: what functions, operators and results see. */
export function deep(v: unknown, nesting = 0): unknown {
  const value = shallow(v);
  if (value instanceof InstanceValue) throw new SourceNotEvaluable(`it uses the whole of ${value.address}, not one of its attributes`);
  if (value === null || typeof value !== 'object') return value;
  if (nesting >= MAX_NESTING) throw new SourceNotEvaluable('it holds values nested deeper than vpcelint evaluates');
  if (Array.isArray(value)) return value.map((x) => deep(x, nesting + 1));
  // Keys come from the source: a null prototype, so "__proto__" is just a key.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of Object.entries(value)) out[k] = deep(x, nesting + 1);
  return out;
}

/**
 * What follows a value in a traversal: attributes of objects, indexes of
 * lists (literal keys only). An object's missing attribute is an error in
 * Terraform too (TerraformError: `try()` falls back on it); anything else that
 * cannot be read is the evaluator's limit. Objects are never guessed at: a
 * value the plan knows only by its references is a scalar or a list.
 */
export function navigate(value: unknown, steps: readonly TraversalStep[], text: string): unknown {
  let here = shallow(value);
  for (const step of steps) {
    const key = 'attr' in step ? step.attr : typeof step.index === 'object' ? undefined : step.index;
    if (here instanceof InstanceValue) {
      if (!('attr' in step)) throw new SourceNotEvaluable(`${text} indexes ${here.address}, which is one instance`);
      here = shallow(here.read(step.attr));
      continue;
    }
    if (key !== undefined && here !== null && typeof here === 'object' && !Array.isArray(here)) {
      if (!Object.hasOwn(here, key)) throw terraformError(`${text} reads ${JSON.stringify(String(key))}, which its object does not have`);
      here = shallow((here as Record<string, unknown>)[key]);
      continue;
    }
    if (Array.isArray(here) && typeof key === 'number') {
      // A list's length is exact here (a value known only after apply is one placeholder, not a list).
      if (!Number.isInteger(key) || key < 0 || key >= here.length) throw terraformError(`${text} reads element ${key} of a list of ${here.length}`);
      here = shallow(here[key]);
      continue;
    }
    throw new SourceNotEvaluable(`${text} reads what its value does not hold, or by a key vpcelint does not evaluate`);
  }
  return here;
}
