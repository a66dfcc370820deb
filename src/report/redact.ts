/**
 * Replaces every occurrence of a sensitive value in rendered output, in its
 * plain and its JSON-escaped spelling, longest first so that a value containing
 * another is replaced whole.
 */
export const REDACTED = '(sensitive value hidden)';

export function redact(text: string, sensitive: ReadonlySet<string>): string {
  if (sensitive.size === 0) return text;
  const forms = new Set<string>();
  for (const v of sensitive) {
    forms.add(v);
    forms.add(JSON.stringify(v).slice(1, -1));
  }
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (form.length > 0 && out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}
