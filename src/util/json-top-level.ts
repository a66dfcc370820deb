/**
 * Parses a JSON object whose top-level member `skip` is not wanted, without
 * materializing that member: the text before it is scanned key by key (cheap:
 * it is small in a Terraform plan), the member is skipped at the level of
 * strings and brackets, and everything after it is parsed in one JSON.parse.
 * Returns undefined when the text is not a well-formed object at this coarse
 * level or the skipped member is absent; the caller then parses the whole text,
 * which also reports any error precisely.
 */
export function parseWithout(text: string, skip: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let i = skipWs(text, 0);
  if (text.charCodeAt(i) !== 0x7b /* { */) return undefined;
  i = skipWs(text, i + 1);
  while (text.charCodeAt(i) === 0x22 /* " */) {
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return undefined;
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipWs(text, keyEnd);
    if (text.charCodeAt(i) !== 0x3a /* : */) return undefined;
    const start = skipWs(text, i + 1);
    const end = skipValue(text, start);
    if (end < 0) return undefined;
    i = skipWs(text, end);
    const sep = text.charCodeAt(i);
    if (key === skip) {
      if (sep === 0x7d) return skipWs(text, i + 1) === text.length ? out : undefined;
      if (sep !== 0x2c) return undefined;
      // The rest of the object, re-opened: one native parse instead of a scan.
      const rest = JSON.parse(`{${text.slice(i + 1)}`) as Record<string, unknown>;
      for (const [k, v] of Object.entries(rest)) if (k !== skip) setOwn(out, k, v);
      return out;
    }
    setOwn(out, key, JSON.parse(text.slice(start, end)));
    if (sep === 0x7d) return undefined; // reached the end without meeting the member to skip
    if (sep !== 0x2c) return undefined;
    i = skipWs(text, i + 1);
  }
  return undefined;
}

/** Own data property even for "__proto__": input keys must never reach a prototype. */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function skipWs(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** Index just past the string that starts at i, or -1. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Index just past the value that starts at i, or -1. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c !== 0x7b && c !== 0x5b) {
    // A number or literal: up to the next delimiter.
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
      j++;
    }
    return j > i ? j : -1;
  }
  // A plain loop over char codes, jumping over strings with indexOf: this runs
  // over hundreds of megabytes, and match objects from a regex cost more.
  let depth = 0;
  const n = text.length;
  for (let j = i; j < n; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x22) {
      const end = skipString(text, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (d === 0x7b || d === 0x5b) depth++;
    else if (d === 0x7d || d === 0x5d) {
      if (--depth === 0) return j + 1;
    }
  }
  return -1;
}
