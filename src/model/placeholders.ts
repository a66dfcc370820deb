/**
 * How a plan's policy text writes a value known only after apply: one name per
 * resource attribute, `<known after apply: aws_vpc_endpoint.s3.id>`. The plan
 * collector writes them (collect/terraform/iam-policy-document.ts); rules and
 * `explain` look up the one that stands for a node's id. One format, here, so
 * that the two sides cannot drift apart.
 */

/** Placeholders of one policy text, mapped to the node keys each one identifies. */
export type Placeholders = Record<string, string[]>;

/** A placeholder inside a longer text (a bucket's name inside its ARN), as a regular expression's source. */
export const PLACEHOLDER_PATTERN = '<known after apply: [^>]*>';

export function placeholderName(address: string, attribute?: string): string {
  return `<known after apply: ${address}${attribute ? `.${attribute}` : ''}>`;
}

/**
 * The node keys a value of the text identifies, or undefined when the value is
 * not a placeholder. Own properties only: the value comes from input, and
 * "toString" must not find Object.prototype's.
 */
export function placeholderKeys(placeholders: Placeholders, value: string): string[] | undefined {
  return Object.hasOwn(placeholders, value) ? placeholders[value] : undefined;
}

/**
 * The placeholder that stands for a node's id in the text, if the text names it.
 * Another resource's attribute holding that id (an endpoint's `vpc_id`) is
 * written under the node's own name by the collector, so one name suffices.
 */
export function idPlaceholder(placeholders: Placeholders, key: string): string | undefined {
  const name = placeholderName(key, 'id');
  return placeholderKeys(placeholders, name)?.includes(key) ? name : undefined;
}

/**
 * The placeholders standing for a node that a policy's Resource (or
 * NotResource) holds as its whole value. The plan alone writes there only
 * what an element is built from: `"${aws_s3_bucket.x.arn}/*"` and the ARN
 * itself are both the ARN's placeholder, so which part of a bucket it names
 * is not known (the .tf source tells: the name is then inside an ARN).
 */
export function wholeValuePlaceholders(resources: ReadonlySet<string>, placeholders: Placeholders, key: string): string[] {
  return Object.entries(placeholders).filter(([p, keys]) => keys.includes(key) && resources.has(p)).map(([p]) => p);
}

/** What a placeholder reads, as Terraform writes it: `aws_s3_bucket.x.arn`. */
export function placeholderSubject(name: string): string {
  return name.replace(/^<known after apply: (.*)>$/, '$1');
}
