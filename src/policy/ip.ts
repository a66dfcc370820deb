/** IPv4 and IPv6 addresses and CIDR blocks, as used by `IpAddress` / `NotIpAddress`. */
export interface Cidr {
  version: 4 | 6;
  /** The network address (host bits cleared). */
  base: bigint;
  prefix: number;
}

export function parseIp(text: string): { version: 4 | 6; value: bigint } | undefined {
  if (text.includes(':')) {
    const v = parseIpv6(text);
    return v === undefined ? undefined : { version: 6, value: v };
  }
  const v = parseIpv4(text);
  return v === undefined ? undefined : { version: 4, value: v };
}

/** A CIDR block; a bare address is its own /32 or /128 block, as IAM reads it. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addr = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!addr) return undefined;
  const bits = addr.version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return undefined;
    prefix = Number(p);
    if (prefix > bits) return undefined;
  }
  return { version: addr.version, base: addr.value & mask(bits, prefix), prefix };
}

export function cidrContains(cidr: Cidr, ip: { version: 4 | 6; value: bigint }): boolean {
  if (cidr.version !== ip.version) return false;
  return (ip.value & mask(cidr.version === 4 ? 32 : 128, cidr.prefix)) === cidr.base;
}

/** True when every address of `inner` is in `outer`. */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  return inner.version === outer.version && inner.prefix >= outer.prefix && cidrContains(outer, { version: inner.version, value: inner.base });
}

export function firstAddress(c: Cidr): string {
  return formatIp(c.version, c.base);
}

export function lastAddress(c: Cidr): string {
  const bits = c.version === 4 ? 32 : 128;
  return formatIp(c.version, c.base | (~mask(bits, c.prefix) & ((1n << BigInt(bits)) - 1n)));
}

export function formatIp(version: 4 | 6, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16));
  return groups.join(':');
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return prefix === 0 ? 0n : (all >> BigInt(bits - prefix)) << BigInt(bits - prefix);
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    out = (out << 8n) | BigInt(Number(p));
  }
  return out;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  // An embedded IPv4 address in the last 32 bits (::ffff:192.0.2.1).
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let out = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out = (out << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) out = (out & ~0xffffffffn) | tailV4;
  return out;
}

/** Ranges that never appear as `aws:SourceIp` of a request that reaches an AWS public endpoint from a VPC endpoint. */
export const PRIVATE_RANGES: readonly { cidr: Cidr; name: string }[] = [
  ['10.0.0.0/8', 'RFC 1918'],
  ['172.16.0.0/12', 'RFC 1918'],
  ['192.168.0.0/16', 'RFC 1918'],
  ['100.64.0.0/10', 'RFC 6598 shared address space'],
  ['fd00::/8', 'IPv6 unique local'],
].map(([c, name]) => ({ cidr: parseCidr(c!)!, name: name! }));

/** The private range a CIDR lies entirely within, if any. */
export function privateRangeOf(text: string): string | undefined {
  const c = parseCidr(text);
  if (!c) return undefined;
  const hit = PRIVATE_RANGES.find((r) => cidrWithin(c, r.cidr));
  return hit ? `${text} is in ${formatIp(hit.cidr.version, hit.cidr.base)}/${hit.cidr.prefix} (${hit.name})` : undefined;
}
