/**
 * Finds the offset of the first syntax error in a JSON text. V8's messages do
 * not always carry a position ("Unexpected token 'x', ... is not valid JSON"),
 * and people need to know where their file broke. Runs only after JSON.parse
 * failed, so it favours clarity over speed; iterative, so deep nesting cannot
 * overflow the stack.
 */
export function jsonErrorPosition(text: string): { offset: number; expected: string } | undefined {
  let i = 0;
  const n = text.length;
  // Each frame: the container and what comes next inside it.
  const stack: { kind: 'object' | 'array'; state: 'first' | 'key' | 'colon' | 'value' | 'comma' }[] = [];
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const fail = (expected: string) => ({ offset: i, expected });
  const readString = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else if (c < 0x20) return false;
      else i++;
    }
    return false;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  // Reads a scalar or opens a container; returns false on error.
  const readValue = (): boolean => {
    const c = text[i];
    if (c === '{') {
      stack.push({ kind: 'object', state: 'first' });
      i++;
      return true;
    }
    if (c === '[') {
      stack.push({ kind: 'array', state: 'first' });
      i++;
      return true;
    }
    if (c === '"') return readString();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return true;
    }
    return false;
  };

  ws();
  if (i >= n) return fail('a value');
  if (!readValue()) return fail('a value');
  for (;;) {
    ws();
    const top = stack[stack.length - 1];
    if (!top) break;
    const c = text[i];
    if (i >= n) return fail(top.kind === 'object' ? '"}"' : '"]"');
    if (top.kind === 'object') {
      if (top.state === 'first' && c === '}') {
        i++;
        stack.pop();
        continue;
      }
      if (top.state === 'first' || top.state === 'key') {
        if (c !== '"' || !readString()) return fail('a property name in double quotes');
        top.state = 'colon';
      } else if (top.state === 'colon') {
        if (c !== ':') return fail('":"');
        i++;
        ws();
        top.state = 'comma';
        if (!readValue()) return fail('a value');
      } else {
        if (c === ',') {
          i++;
          top.state = 'key';
        } else if (c === '}') {
          i++;
          stack.pop();
        } else return fail('"," or "}"');
      }
    } else {
      if (top.state === 'first' && c === ']') {
        i++;
        stack.pop();
        continue;
      }
      if (top.state === 'first' || top.state === 'value') {
        top.state = 'comma';
        if (!readValue()) return fail('a value');
      } else if (c === ',') {
        i++;
        top.state = 'value';
      } else if (c === ']') {
        i++;
        stack.pop();
      } else return fail('"," or "]"');
    }
  }
  ws();
  if (i < n) return fail('the end of the document');
  return undefined;
}
