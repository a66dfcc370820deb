/**
 * Terraform addresses and references, parsed with a tokenizer: instance keys
 * can hold `.`, `[`, `]` and escaped quotes (`module.sg["a.b"]`), so splitting
 * on dots is wrong.
 */
export type InstanceKey = string | number;
type Token = { name: string } | { key: InstanceKey };

export function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2e /* . */) {
      if (i === 0 || i + 1 === text.length) return undefined;
      i++;
      continue;
    }
    if (c === 0x5b /* [ */) {
      const close = scanIndex(text, i + 1);
      if (!close) return undefined;
      tokens.push({ key: close.key });
      i = close.end + 1;
      continue;
    }
    let j = i;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
    if (j === i) return undefined;
    tokens.push({ name: text.slice(i, j) });
    i = j;
  }
  return tokens;
}

/** Letters, digits, `_`, `-` and `*` (splat). */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2a;
}

function scanIndex(text: string, start: number): { key: InstanceKey; end: number } | undefined {
  if (text[start] === '"') {
    let j = start + 1;
    let plain = true; // no escape and no control character: the key is the text between the quotes
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c === 0x5c) {
        plain = false;
        j++;
      } else if (c < 0x20) plain = false;
    }
    if (text[j + 1] !== ']') return undefined;
    if (plain) return { key: text.slice(start + 1, j), end: j + 1 };
    try {
      return { key: JSON.parse(text.slice(start, j + 1)) as string, end: j + 1 };
    } catch {
      return undefined;
    }
  }
  const close = text.indexOf(']', start);
  if (close === -1) return undefined;
  const raw = text.slice(start, close);
  if (!/^\d+$/.test(raw)) return undefined;
  return { key: Number(raw), end: close };
}

export interface ModuleStep {
  name: string;
  key?: InstanceKey;
}

export interface InstanceAddress {
  modules: ModuleStep[];
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key?: InstanceKey;
}

export function formatKey(key: InstanceKey | undefined): string {
  return key === undefined ? '' : typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

export function formatModules(modules: readonly ModuleStep[]): string {
  return modules.map((m) => `module.${m.name}${formatKey(m.key)}`).join('.');
}

/**
 * The configuration address of an instance, step by step, instance keys dropped:
 * `module.a["x"].data.aws_vpc.this[0]` is `module.a`, `data.aws_vpc.this`. Every instance of one block has the same.
 */
export function configSteps(address: InstanceAddress): string[] {
  return [...address.modules.map((m) => `module.${m.name}`), `${address.mode === 'data' ? 'data.' : ''}${address.type}.${address.name}`];
}

/** Parses an absolute resource instance address, e.g. `module.a["x"].data.aws_vpc.this[0]`. */
export function parseInstanceAddress(address: string): InstanceAddress | undefined {
  const tokens = tokenize(address);
  if (!tokens) return undefined;
  const modules: ModuleStep[] = [];
  let i = 0;
  while (isName(tokens[i], 'module')) {
    const name = tokens[i + 1];
    if (!name || !('name' in name)) return undefined;
    const step: ModuleStep = { name: name.name };
    i += 2;
    const k = tokens[i];
    if (k && 'key' in k) {
      step.key = k.key;
      i++;
    }
    modules.push(step);
  }
  let mode: 'managed' | 'data' = 'managed';
  if (isName(tokens[i], 'data')) {
    mode = 'data';
    i++;
  }
  const type = tokens[i];
  const name = tokens[i + 1];
  if (!type || !('name' in type) || !name || !('name' in name)) return undefined;
  i += 2;
  const k = tokens[i];
  let key: InstanceKey | undefined;
  if (k && 'key' in k) {
    key = k.key;
    i++;
  }
  if (i !== tokens.length) return undefined;
  const parsed: InstanceAddress = { modules, mode, type: type.name, name: name.name };
  if (key !== undefined) parsed.key = key;
  return parsed;
}

function isName(token: Token | undefined, name: string): boolean {
  return token !== undefined && 'name' in token && token.name === name;
}

/** What a configuration reference points at. */
export type Reference =
  | { kind: 'resource'; mode: 'managed' | 'data'; type: string; name: string; key?: InstanceKey; attribute?: string }
  | { kind: 'module'; call: string; key?: InstanceKey; output?: string }
  | { kind: 'var'; name: string }
  | { kind: 'local'; name: string }
  | { kind: 'iteration'; name: string; attribute?: string } // count.index, each.key, each.value(.attribute)
  | { kind: 'other'; text: string };

export function parseReference(text: string): Reference {
  const tokens = tokenize(text);
  const first = tokens?.[0];
  if (!tokens || !first || !('name' in first)) return { kind: 'other', text };
  const nameAt = (i: number): string | undefined => {
    const t = tokens[i];
    return t && 'name' in t ? t.name : undefined;
  };
  const keyAt = (i: number): InstanceKey | undefined => {
    const t = tokens[i];
    return t && 'key' in t ? t.key : undefined;
  };
  switch (first.name) {
    case 'var':
      return nameAt(1) ? { kind: 'var', name: nameAt(1)! } : { kind: 'other', text };
    case 'local':
      return nameAt(1) ? { kind: 'local', name: nameAt(1)! } : { kind: 'other', text };
    case 'count':
    case 'each': {
      const attribute = nameAt(2);
      return { kind: 'iteration', name: `${first.name}.${nameAt(1) ?? ''}`, ...(attribute ? { attribute } : {}) };
    }
    case 'path':
    case 'terraform':
    case 'self':
      return { kind: 'other', text };
    case 'module': {
      const call = nameAt(1);
      if (!call) return { kind: 'other', text };
      const key = keyAt(2);
      const output = nameAt(key === undefined ? 2 : 3);
      return { kind: 'module', call, ...(key !== undefined ? { key } : {}), ...(output ? { output } : {}) };
    }
    default: {
      const data = first.name === 'data';
      const base = data ? 1 : 0;
      const type = nameAt(base);
      const name = nameAt(base + 1);
      if (!type || !name) return { kind: 'other', text };
      const key = keyAt(base + 2);
      const attribute = nameAt(key === undefined ? base + 2 : base + 3);
      return {
        kind: 'resource',
        mode: data ? 'data' : 'managed',
        type,
        name,
        ...(key !== undefined ? { key } : {}),
        ...(attribute ? { attribute } : {}),
      };
    }
  }
}
