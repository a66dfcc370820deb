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
  if (names.length <= max) return [...names].sort(naturalCompare).join(', ');
  return `${first(names, max).join(', ')} and ${(names.length - max).toLocaleString('en-US')} more`;
}

/** The `count` first names in natural order, without sorting them all: one comparison for most names. */
function first(names: readonly string[], count: number): string[] {
  const top: string[] = [];
  for (const name of names) {
    if (top.length === count && naturalCompare(name, top[count - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && naturalCompare(name, top[at - 1]!) < 0) at--;
    top.splice(at, 0, name);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * Runs of digits compare as numbers, everything else by UTF-16 code unit: the same on every machine, unlike a
 * locale's collation: as if each name were cut into runs of digits and runs of other characters, compared run by
 * run. Within a shared run of text, the name whose run ends first (at a digit) comes first. Equal numbers written
 * with different leading zeros are told apart by what follows, then by the plain order. No allocation: one
 * message can go through the names of a route table's 16,000 subnets.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  // Inside a run of other characters both names share so far (not at the start, not right after a number).
  let inText = false;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const dx = isDigit(x);
    const dy = isDigit(y);
    if (dx && dy) {
      const [si, ei] = digitRun(a, i);
      const [sj, ej] = digitRun(b, j);
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
      inText = false;
      continue;
    }
    // Within a shared run, the name whose run ends here (at a digit) has the shorter text: it comes first.
    if (dx !== dy && inText) return dx ? -1 : 1;
    if (x !== y) return x - y;
    inText = true;
    i++;
    j++;
  }
  return (a.length - i) - (b.length - j) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The significant digits of the run at `start` (leading zeros skipped, one kept) and where the run ends. */
function digitRun(s: string, start: number): [from: number, end: number] {
  let end = start;
  while (end < s.length && isDigit(s.charCodeAt(end))) end++;
  let from = start;
  while (from < end - 1 && s.charCodeAt(from) === 48) from++;
  return [from, end];
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
