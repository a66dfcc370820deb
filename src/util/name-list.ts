/** At most this many names in a finding's message; the rest are counted (every one stays in its related locations). */
export const MAX_NAMES = 10;

/**
 * The names in natural order, `a, b, c`, or past `max` names `a, b, …, j and
 * 15,990 more`: a message that names every subnet of a route table thousands
 * of subnets share runs to hundreds of kilobytes, in every report format, and
 * no one reads it. Natural order (`priv[2]` before `priv[10]`) so that the
 * names shown are the first ones a person would count.
 */
export function nameList(names: readonly string[], max = MAX_NAMES): string {
  const sorted = [...names].sort(naturalCompare);
  if (sorted.length <= max) return sorted.join(', ');
  return `${sorted.slice(0, max).join(', ')} and ${(sorted.length - max).toLocaleString('en-US')} more`;
}

/** Runs of digits compare as numbers, everything else by UTF-16 code unit: the same on every machine, unlike a locale's collation. */
export function naturalCompare(a: string, b: string): number {
  const x = a.match(CHUNKS) ?? [];
  const y = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    if (p === q) continue;
    if (DIGITS.test(p) && DIGITS.test(q)) {
      const [m, n] = [p.replace(/^0+(?=\d)/, ''), q.replace(/^0+(?=\d)/, '')];
      if (m.length !== n.length) return m.length - n.length;
      if (m !== n) return m < n ? -1 : 1;
      continue; // equal numbers written with different leading zeros: decided by what follows, else below
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

const CHUNKS = /\d+|\D+/g;
const DIGITS = /^\d/;
