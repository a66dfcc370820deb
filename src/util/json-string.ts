/** A string as the content of a JSON string: quotes, backslashes and control characters escaped. */
export function jsonContent(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** How a text may hold a string: as it is, and as the content of a JSON string, where that differs. */
export function writtenForms(s: string): string[] {
  const escaped = jsonContent(s);
  return escaped === s ? [s] : [s, escaped];
}
