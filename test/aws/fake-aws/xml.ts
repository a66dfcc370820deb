/** XML as AWS writes it, from plain data whose keys are the XML element names. */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * One element. Arrays become a wrapper element with one `itemTag` child per
 * entry: `<item>` in the EC2 protocol, `<member>` in the query protocol of
 * IAM and STS. null and undefined are left out, as AWS leaves out unset fields.
 */
export function element(tag: string, value: unknown, itemTag: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `<${tag}>${value.map((v) => element(itemTag, v, itemTag)).join('')}</${tag}>`;
  if (typeof value === 'object') return `<${tag}>${children(value as Record<string, unknown>, itemTag)}</${tag}>`;
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

export function children(obj: Record<string, unknown>, itemTag: string): string {
  return Object.entries(obj).map(([k, v]) => element(k, v, itemTag)).join('');
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
