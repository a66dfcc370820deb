import { writtenForms } from '../../util/json-string.js';

/**
 * What a value known only after apply may hold, where a text holds its
 * placeholder: for replace(), which is exact only where what it seeks cannot
 * be found in the value, nor across its edges.
 */

/** Resources whose ids are a prefix and hexadecimal digits (`vpce-0a1b2c3d4e5f60718`): lower case, digits, `-`. */
const HEX_ID_TYPES = new Set([
  'aws_vpc',
  'aws_subnet',
  'aws_security_group',
  'aws_route_table',
  'aws_vpc_endpoint',
  'aws_vpc_endpoint_service',
  'aws_internet_gateway',
  'aws_egress_only_internet_gateway',
  'aws_nat_gateway',
  'aws_network_interface',
  'aws_network_acl',
  'aws_ec2_managed_prefix_list',
  'aws_ec2_transit_gateway',
  'aws_vpc_peering_connection',
  'aws_instance',
  'aws_eip',
]);

/** `<known after apply: module.x.aws_vpc_endpoint.s3["a"].id>`: the resource type and attribute. */
const PLACEHOLDER = /^<known after apply: (?:.*\.)?(aws_[a-z0-9_]+)\.[^.[]+(?:\[[^\]]*\])?\.([a-z_]+)>$/;

/**
 * The characters the value a placeholder stands for is made of, where that is known. A bucket whose name is known
 * only after apply (`bucket_prefix`) is one the plan creates, under today's naming rules: lower case, digits, `.`
 * and `-` (buckets older than 2018 may have others, but their names are known: a data source may read one).
 */
function alphabetOf(name: string): RegExp | undefined {
  const [, type, attribute] = PLACEHOLDER.exec(name) ?? [];
  if (type === 'aws_s3_bucket' && (attribute === 'bucket' || attribute === 'id') && !/(^<known after apply: |\.)data\.aws_s3_bucket\./.test(name)) return /^[a-z0-9.-]$/;
  return type !== undefined && attribute === 'id' && HEX_ID_TYPES.has(type) ? /^[a-z0-9-]$/ : undefined;
}

/**
 * Whether `sought` may be found, once the values are known, where one of `names` (placeholders) stands in
 * `text`: inside the value (every character of `sought` may be one of it), across one of its edges (`sought`
 * holds the character beside it), or in the placeholder's name as written. A value of unknown make may hold
 * anything.
 */
export function mayHold(text: string, sought: string, names: Iterable<string>): boolean {
  for (const raw of names) {
    // In a JSON text (jsonencode()), a name with quotes (a for_each key) is written escaped.
    for (const name of writtenForms(raw)) {
      if (mayHoldAt(text, sought, name, alphabetOf(raw))) return true;
    }
  }
  return false;
}

function mayHoldAt(text: string, sought: string, name: string, alphabet: RegExp | undefined): boolean {
  let at = text.indexOf(name);
  if (at === -1) return false;
  if (!alphabet || [...sought].every((c) => alphabet.test(c)) || name.includes(sought)) return true;
  for (; at !== -1; at = text.indexOf(name, at + name.length)) {
    const [before, after] = [text[at - 1], text[at + name.length]];
    // Beside another placeholder (its `>` or `<`), the character beside the value is not known either.
    if (before === '>' || after === '<' || (before !== undefined && sought.includes(before)) || (after !== undefined && sought.includes(after))) return true;
    // Found in the text, overlapping the name.
    for (let from = Math.max(0, at - sought.length + 1); from < at + name.length; from++) {
      if (text.startsWith(sought, from) && from + sought.length > at) return true;
    }
  }
  return false;
}
