/**
 * The Terraform functions (and operators) a policy is commonly written with, over values the
 * source evaluator computed: lists and strings. A value known only after
 * apply is a placeholder string here, equal only to itself, so a function
 * whose result would depend on what it holds (its case or length) is not
 * evaluated on a value that holds one, nor one that depends on emptiness on a
 * value that may be empty (nothing but placeholders).
 * Anything not listed is not evaluated.
 */
export type FunctionResult = { value: unknown } | { notEvaluated: string };

/** What the caller knows of the placeholders in values. */
export interface Placeholders {
  /** Whether a value is, or holds, a placeholder. */
  mentioned(v: unknown): boolean;
  /** Whether a value is empty or null once its placeholders are: a string of placeholders and nothing else. */
  mayBeEmpty(v: unknown): boolean;
  /**
   * Whether `sought` may be found in a text where a value known only after apply stands, or across its edges,
   * or in the placeholder's own name: what replace() would find there is not known.
   */
  mayHold(text: string, sought: string): boolean;
}

export function callFunction(name: string, args: unknown[], placeholders: Placeholders): FunctionResult {
  const fn = FUNCTIONS.get(name);
  if (!fn) return { notEvaluated: `it calls ${name}(), which vpcelint does not evaluate` };
  const result = fn(args, placeholders);
  // A list or object known only after apply is one placeholder string: that, not its type, is why it failed.
  if ('notEvaluated' in result && args.some((a) => typeof a === 'string' && placeholders.mayBeEmpty(a))) return { notEvaluated: `it calls ${name}() on a value known only after apply` };
  return result;
}

const list = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);

/** The lists toset() made: a for expression or a dynamic block over a set has each element as its key too. */
const sets = new WeakSet<unknown[]>();

export function isSet(v: unknown): boolean {
  return Array.isArray(v) && sets.has(v);
}

function asSet(v: unknown[]): FunctionResult {
  sets.add(v);
  return { value: v };
}
/**
 * A set as Terraform makes one: equal values kept once; placeholders are distinct values here, and IAM ignores
 * repeats anyway. Terraform orders a set of strings lexically and one of numbers by value, which a for_each over
 * it goes by; where a value known only after apply stands, the order is not known, and only the elements are kept.
 */
function toSet(items: readonly unknown[], placeholders: Placeholders): FunctionResult {
  const set = [...new Set(items)];
  if (set.every((x) => typeof x === 'number')) return asSet((set as number[]).sort((a, b) => a - b));
  // Numbers among strings become strings, as Terraform unifies the element type.
  if (!placeholders.mentioned(set) && set.every((x) => typeof x === 'string' || typeof x === 'number')) return asSet([...new Set(set.map(String))].sort(byCodePoint));
  return asSet(set);
}

/** setintersection() and setsubtract() over sets of known numbers, or of strings (numbers among them as strings). */
function setOperation(name: string, args: readonly unknown[], placeholders: Placeholders, op: (first: unknown[], rest: unknown[][]) => unknown[]): FunctionResult {
  const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'number';
  if (args.length === 0 || !args.every((a) => Array.isArray(a) && a.every(scalar))) return notEvaluated(`it calls ${name}() on something that is not a set of strings`);
  if (placeholders.mentioned(args)) return notEvaluated(`it calls ${name}() on a value known only after apply`);
  const sets = args as unknown[][];
  const [first, ...rest] = sets.every((a) => a.every((x) => typeof x === 'number')) ? sets : sets.map((a) => a.map(String));
  return toSet(op(first!, rest), placeholders);
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
// Terraform orders a map's keys lexically.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const notEvaluated = (why: string): FunctionResult => ({ notEvaluated: why });

/** format()'s verbs %s, %d, %v and %%, over scalars; others (widths, %q, %#v) and a wrong number of arguments are left to Terraform. */
function formatted(name: string, spec: unknown, values: unknown[]): FunctionResult {
  if (typeof spec !== 'string') return notEvaluated(`it calls ${name}() with a format that is not a string`);
  let i = 0;
  let bad = false;
  const out = spec.replace(/%(%|s|d|v)/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    const v = values[i++];
    if (!['string', 'number', 'boolean'].includes(typeof v)) bad = true;
    return String(v);
  });
  return bad || i !== values.length || /%[^%sdv]/.test(spec.replace(/%%/g, '')) ? notEvaluated(`it calls ${name}() in a way vpcelint does not evaluate`) : { value: out };
}

/**
 * A function of strings only: not evaluated on a value that holds a placeholder, which may hold what it looks
 * for; `apply` gives undefined for arguments it leaves to Terraform.
 */
function stringFunction(name: string, arity: number, apply: (args: string[]) => unknown): (args: unknown[], placeholders: Placeholders) => FunctionResult {
  return (args, placeholders) => {
    if (args.length !== arity || !args.every((a): a is string => typeof a === 'string')) return notEvaluated(`it calls ${name}() on something that is not a string`);
    if (args.some((a) => placeholders.mentioned(a))) return notEvaluated(`it calls ${name}() on a value known only after apply`);
    const value = apply(args);
    return value === undefined ? notEvaluated(`it calls ${name}() in a way vpcelint does not evaluate`) : { value };
  };
}

const FUNCTIONS = new Map<string, (args: unknown[], placeholders: Placeholders) => FunctionResult>([
  [
    'length',
    (args, placeholders) => {
      const [v] = args;
      if (args.length !== 1) return notEvaluated('it calls length() with more than one argument');
      if (Array.isArray(v)) return { value: v.length };
      if (typeof v === 'string') return placeholders.mentioned(v) ? notEvaluated('it calls length() on a value known only after apply') : { value: [...v].length };
      if (v !== null && typeof v === 'object') return { value: Object.keys(v).length };
      return notEvaluated('it calls length() on something that has no length');
    },
  ],
  ['jsonencode', (args) => (args.length === 1 ? { value: JSON.stringify(args[0]) } : notEvaluated('it calls jsonencode() with more than one argument'))],
  ['concat', (args) => (args.every(Array.isArray) ? { value: (args as unknown[][]).flat() } : notEvaluated('it calls concat() on something that is not a list'))],
  ['flatten', (args) => (args.length === 1 && Array.isArray(args[0]) ? { value: (args[0] as unknown[]).flat(Infinity) } : notEvaluated('it calls flatten() on something that is not a list'))],
  // A copy: tolist() of a set is a list, whose keys are indexes again.
  ['tolist', (args) => (args.length === 1 && Array.isArray(args[0]) ? { value: [...args[0]] } : notEvaluated('it calls tolist() on something that is not a list'))],
  ['toset', (args, placeholders) => (args.length === 1 && Array.isArray(args[0]) ? toSet(args[0], placeholders) : notEvaluated('it calls toset() on something that is not a list'))],
  ['setunion', (args, placeholders) => (args.length > 0 && args.every(Array.isArray) ? toSet((args as unknown[][]).flat(), placeholders) : notEvaluated('it calls setunion() on something that is not a list'))],
  // Whether a value known only after apply is among others is not known: then neither is what is common or left.
  ['setintersection', (args, placeholders) => setOperation('setintersection', args, placeholders, (first, rest) => first.filter((x) => rest.every((r) => r.includes(x))))],
  ['setsubtract', (args, placeholders) => (args.length === 2 ? setOperation('setsubtract', args, placeholders, (first, [other]) => first.filter((x) => !other!.includes(x))) : notEvaluated('it calls setsubtract() without two sets'))],
  ['distinct', (args) => (args.length === 1 && Array.isArray(args[0]) ? { value: [...new Set(args[0] as unknown[])] } : notEvaluated('it calls distinct() on something that is not a list'))],
  [
    'compact',
    (args, placeholders) => {
      const l = args.length === 1 ? list(args[0]) : undefined;
      if (!l) return notEvaluated('it calls compact() on something that is not a list');
      // Whether a value known only after apply is empty is not known; a policy text that holds one is not empty.
      if (l.some((x) => placeholders.mayBeEmpty(x))) return notEvaluated('it calls compact() on a value known only after apply');
      return { value: l.filter((x) => x !== '' && x !== null) };
    },
  ],
  [
    'element',
    (args) => {
      const [l, i] = args;
      // Terraform wraps the index around the list's length.
      return Array.isArray(l) && l.length > 0 && Number.isInteger(i) && (i as number) >= 0 ? { value: l[(i as number) % l.length] } : notEvaluated('it calls element() in a way vpcelint does not evaluate');
    },
  ],
  [
    'slice',
    (args) => {
      const [l, from, to] = args;
      const fits = args.length === 3 && Array.isArray(l) && Number.isInteger(from) && Number.isInteger(to) && 0 <= (from as number) && (from as number) <= (to as number) && (to as number) <= l.length;
      return fits ? { value: (l as unknown[]).slice(from as number, to as number) } : notEvaluated('it calls slice() in a way vpcelint does not evaluate');
    },
  ],
  ['one', (args) => (args.length === 1 && Array.isArray(args[0]) && args[0].length <= 1 ? { value: args[0].length === 0 ? null : args[0][0] } : notEvaluated('it calls one() on something that is not a list of at most one element'))],
  ['keys', (args) => (args.length === 1 && isMap(args[0]) ? { value: Object.keys(args[0]).sort(byCodePoint) } : notEvaluated('it calls keys() on something that is not an object'))],
  ['values', (args) => (args.length === 1 && isMap(args[0]) ? { value: Object.keys(args[0]).sort(byCodePoint).map((k) => (args[0] as Record<string, unknown>)[k]) } : notEvaluated('it calls values() on something that is not an object'))],
  [
    'contains',
    (args, placeholders) => {
      const [l, v] = args;
      if (args.length !== 2 || !Array.isArray(l) || !['string', 'number', 'boolean'].includes(typeof v)) return notEvaluated('it calls contains() in a way vpcelint does not evaluate');
      if (l.includes(v)) return { value: true };
      // Not there as written: a value known only after apply, in the list or sought, may still be equal.
      return placeholders.mentioned(l) || placeholders.mentioned(v) ? notEvaluated('it calls contains() on a value known only after apply') : { value: false };
    },
  ],
  // The case of a value known only after apply is not its placeholder's: stringFunction does not evaluate them on one.
  ['lower', stringFunction('lower', 1, ([v]) => v!.toLowerCase())],
  ['upper', stringFunction('upper', 1, ([v]) => v!.toUpperCase())],
  // Go's strings.Title, as Terraform has it: a letter after anything but a letter, digit or underscore.
  ['title', stringFunction('title', 1, ([v]) => v!.replace(/(^|[^\p{L}\p{N}_])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase()))],
  ['tostring', (args) => (args.length === 1 && ['string', 'number', 'boolean'].includes(typeof args[0]) ? { value: String(args[0]) } : notEvaluated('it calls tostring() on something that is not a string'))],
  [
    'join',
    (args) => {
      const [sep, l] = args;
      return typeof sep === 'string' && Array.isArray(l) && l.every((x) => ['string', 'number', 'boolean'].includes(typeof x)) ? { value: l.join(sep) } : notEvaluated('it calls join() on something that is not a list of strings');
    },
  ],
  ['format', ([spec, ...rest]) => formatted('format', spec, rest)],
  [
    'formatlist',
    // `formatlist("%s/*", var.bucket_arns)`: a list argument gives one result per element, a scalar the same to each.
    ([spec, ...rest]) => {
      const lengths = new Set(rest.filter(Array.isArray).map((l) => l.length));
      if (lengths.size !== 1) return notEvaluated('it calls formatlist() with no list, or lists of different lengths');
      const out: unknown[] = [];
      for (let i = 0; i < [...lengths][0]!; i++) {
        const one = formatted('formatlist', spec, rest.map((a) => (Array.isArray(a) ? a[i] : a)));
        if ('notEvaluated' in one) return one;
        out.push(one.value);
      }
      return { value: out };
    },
  ],
  ['reverse', ([l, ...rest]) => (Array.isArray(l) && rest.length === 0 ? { value: [...l].reverse() } : notEvaluated('it calls reverse() on something that is not a list'))],
  [
    'sort',
    ([l, ...rest], placeholders) => {
      if (!Array.isArray(l) || rest.length > 0 || !l.every((x) => typeof x === 'string')) return notEvaluated('it calls sort() on something that is not a list of strings');
      // Where a value known only after apply sorts is not known.
      return placeholders.mentioned(l) ? notEvaluated('it calls sort() on a value known only after apply') : { value: [...(l as string[])].sort(byCodePoint) };
    },
  ],
  ['split', stringFunction('split', 2, ([sep, s]) => (sep === '' ? undefined : s!.split(sep!)))],
  [
    'replace',
    (args, placeholders) => {
      const [s, find, by] = args;
      if (args.length !== 3 || ![s, find, by].every((a) => typeof a === 'string')) return notEvaluated('it calls replace() on something that is not a string');
      const [text, sought, replacement] = [s, find, by] as string[];
      // A pattern in slashes is a regular expression, whose syntax is Go's: not evaluated.
      if (sought === '' || /^\/.*\/$/.test(sought)) return notEvaluated('it calls replace() in a way vpcelint does not evaluate');
      // What replaces may be known only after apply (terraform-aws-modules/s3-bucket fills its policies' markers with
      // its bucket's ARN); what is searched, only where no value known only after apply may hold it.
      if (placeholders.mentioned(sought) || placeholders.mayHold(text, sought)) return notEvaluated('it calls replace() on a value known only after apply');
      return { value: text.split(sought).join(replacement) };
    },
  ],
  ['trimspace', stringFunction('trimspace', 1, ([s]) => s!.trim())],
  ['startswith', stringFunction('startswith', 2, ([s, prefix]) => s!.startsWith(prefix!))],
  ['endswith', stringFunction('endswith', 2, ([s, suffix]) => s!.endsWith(suffix!))],
  [
    'jsondecode',
    // `jsondecode(data.aws_iam_policy_document.x.json).Statement`: a placeholder is string content in the text, and
    // stays a string in the value.
    ([text, ...rest]) => {
      if (typeof text !== 'string' || rest.length > 0) return notEvaluated('it calls jsondecode() on something that is not a string');
      try {
        return { value: JSON.parse(text, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v)) };
      } catch {
        return notEvaluated('it calls jsondecode() on a text that is not JSON');
      }
    },
  ],
  ['trimprefix', stringFunction('trimprefix', 2, ([s, prefix]) => (s!.startsWith(prefix!) ? s!.slice(prefix!.length) : s))],
  ['trimsuffix', stringFunction('trimsuffix', 2, ([s, suffix]) => (suffix !== '' && s!.endsWith(suffix!) ? s!.slice(0, -suffix!.length) : s))],
  [
    'coalescelist',
    (args) => {
      if (!args.every(Array.isArray)) return notEvaluated('it calls coalescelist() on something that is not a list');
      const first = (args as unknown[][]).find((l) => l.length > 0);
      return first ? { value: first } : notEvaluated('it calls coalescelist() with no list that is not empty');
    },
  ],
  ['tomap', ([m, ...rest]) => (isMap(m) && rest.length === 0 ? { value: m } : notEvaluated('it calls tomap() on something that is not an object'))],
  [
    'zipmap',
    ([keys, values], placeholders) => {
      if (!Array.isArray(keys) || !Array.isArray(values) || keys.length !== values.length || !keys.every((k) => typeof k === 'string')) return notEvaluated('it calls zipmap() in a way vpcelint does not evaluate');
      if (placeholders.mentioned(keys)) return notEvaluated('it calls zipmap() with keys known only after apply');
      const out = Object.create(null) as Record<string, unknown>;
      keys.forEach((k, i) => (out[k as string] = values[i]));
      return { value: out };
    },
  ],
  [
    'merge',
    (args) => {
      if (!args.every((a) => a !== null && typeof a === 'object' && !Array.isArray(a))) return notEvaluated('it calls merge() on something that is not an object');
      return { value: Object.assign(Object.create(null) as Record<string, unknown>, ...(args as object[])) };
    },
  ],
  [
    'coalesce',
    (args, placeholders) => {
      for (const a of args) {
        if (placeholders.mayBeEmpty(a)) return notEvaluated('it calls coalesce() on a value known only after apply, which may be empty');
        if (a !== null && a !== '') return { value: a };
      }
      return notEvaluated('it calls coalesce() with no value that is not empty');
    },
  ],
]);

/**
 * Operators on known values. A value known only after apply is a
 * placeholder, equal only to itself here: comparing it, or doing arithmetic
 * with it, depends on what it holds, so that is not evaluated.
 */
export function applyOperator(op: string, args: unknown[], placeholders: Placeholders): FunctionResult {
  if (args.some((a) => placeholders.mentioned(a))) return notEvaluated(`its operator ${op} reads a value known only after apply`);
  const [a, b] = args;
  const num = (x: unknown) => (typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : undefined);
  const bool = (x: unknown) => (typeof x === 'boolean' ? x : x === 'true' ? true : x === 'false' ? false : undefined);
  const scalar = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);
  let out: unknown;
  if (args.length === 1) {
    if (op === '!') out = bool(a) === undefined ? undefined : !bool(a);
    else if (op === '-') out = num(a) === undefined ? undefined : -num(a)!;
  } else if (op === '==' || op === '!=') {
    // Terraform compares by type and value; lists and objects are left to it.
    if (scalar(a) && scalar(b)) out = (a === b) === (op === '==');
  } else if (op === '&&' || op === '||') {
    const [x, y] = [bool(a), bool(b)];
    if (x !== undefined && y !== undefined) out = op === '&&' ? x && y : x || y;
  } else {
    const [x, y] = [num(a), num(b)];
    if (x !== undefined && y !== undefined) {
      const arithmetic: Record<string, () => unknown> = { '<': () => x < y, '>': () => x > y, '<=': () => x <= y, '>=': () => x >= y, '+': () => x + y, '-': () => x - y, '*': () => x * y, '/': () => (y === 0 ? undefined : x / y), '%': () => (y === 0 ? undefined : x % y) };
      out = Object.hasOwn(arithmetic, op) ? arithmetic[op]!() : undefined;
    }
  }
  return out === undefined ? notEvaluated(`its operator ${op} is applied to values vpcelint does not evaluate it on`) : { value: out };
}
