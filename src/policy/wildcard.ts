/**
 * IAM wildcard matching: `*` matches any run of characters (also empty), `?`
 * exactly one. Greedy two-pointer matching with one backtrack point: time is
 * O(pattern × text) in the worst case, never exponential, and no regular
 * expression is ever built from policy text.
 */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    const c = p.charCodeAt(pi);
    if (pi < p.length && (c === QUESTION || c === t.charCodeAt(ti)) && c !== STAR) {
      pi++;
      ti++;
    } else if (pi < p.length && c === STAR) {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      // Let the last star swallow one more character and retry from there.
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p.charCodeAt(pi) === STAR) pi++;
  return pi === p.length;
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * A string the pattern matches, with `*` filled by `fill` and `?` by one
 * character: a representative member of the pattern's language.
 */
export function instantiate(pattern: string, fill = ''): string {
  let out = '';
  for (const ch of pattern) out += ch === '*' ? fill : ch === '?' ? 'q' : ch;
  return out;
}

const STAR = 42;
const QUESTION = 63;
