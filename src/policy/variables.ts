/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`),
 * substituted from the request in version 2012-10-17 documents. A variable
 * whose key the request lacks, with no default, makes the value match nothing
 * (IAM: the element "evaluates to false"); so does a multivalued key, which
 * IAM does not allow as a variable.
 */

const VARIABLE = /\$\{([^}]*)\}/g;

export function hasVariables(value: string): boolean {
  return value.includes('${');
}

/** The case-folded keys a value's variables read. */
export function variableKeys(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(VARIABLE)) {
    const parsed = parseVariable(m[1]!);
    if (parsed.key) out.push(parsed.key);
  }
  return out;
}

/** The value with its variables replaced, or undefined when one cannot be (then the value matches nothing). */
export function substitute(value: string, context: ReadonlyMap<string, readonly string[]>): string | undefined {
  if (!hasVariables(value)) return value;
  let failed = false;
  const out = value.replace(VARIABLE, (_all, inner: string) => {
    const v = parseVariable(inner);
    if (v.literal !== undefined) return v.literal;
    const found = context.get(v.key!);
    if (found && found.length === 1) return found[0]!;
    if (v.fallback !== undefined && (!found || found.length === 0)) return v.fallback;
    failed = true;
    return '';
  });
  return failed ? undefined : out;
}

function parseVariable(inner: string): { key?: string; fallback?: string; literal?: string } {
  const t = inner.trim();
  // ${*}, ${?}, ${$}: the literal characters, so that a pattern can contain them.
  if (t === '*' || t === '?' || t === '$') return { literal: t };
  const comma = t.indexOf(',');
  if (comma < 0) return { key: t.toLowerCase() };
  const key = t.slice(0, comma).trim().toLowerCase();
  const m = /^'([^']*)'$/.exec(t.slice(comma + 1).trim());
  return m ? { key, fallback: m[1]! } : { key };
}
