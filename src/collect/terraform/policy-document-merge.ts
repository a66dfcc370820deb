/**
 * How `data.aws_iam_policy_document` merges documents, as the AWS provider
 * does (checked against its output for known inputs): the statements of
 * `source_policy_documents`, in order; then the document's own statements;
 * then each of `override_policy_documents`, in order. A statement whose Sid
 * is not empty replaces, in place, the one already there with that Sid;
 * any other is added at the end. Source documents must not share a Sid
 * (Terraform refuses them).
 */
export type StatementJson = Record<string, unknown>;

/** The statements of a policy text, or undefined when it is not a policy document. */
export function statementsOf(text: string): StatementJson[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const s = (doc as Record<string, unknown>).Statement;
  const list = Array.isArray(s) ? s : s === undefined ? [] : [s];
  return list.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x)) ? (list as StatementJson[]) : undefined;
}

function sidOf(s: StatementJson): string | undefined {
  return typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
}

/** `from` merged into `into`: same Sid replaces in place, the rest is appended. */
export function mergeBySid(into: readonly StatementJson[], from: readonly StatementJson[]): StatementJson[] {
  const out = [...into];
  for (const s of from) {
    const sid = sidOf(s);
    const at = sid === undefined ? -1 : out.findIndex((o) => sidOf(o) === sid);
    if (at === -1) out.push(s);
    else out[at] = s;
  }
  return out;
}

/** A Sid that two of the documents share, if any. */
export function sharedSid(documents: readonly (readonly StatementJson[])[]): string | undefined {
  const seen = new Set<string>();
  for (const doc of documents) {
    const own = new Set(doc.map(sidOf).filter((x): x is string => x !== undefined));
    for (const sid of own) {
      if (seen.has(sid)) return sid;
      seen.add(sid);
    }
  }
  return undefined;
}
