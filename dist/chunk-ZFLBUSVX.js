import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);

// src/sourcemap/expression.ts
var DOCUMENT_LISTS = [
  ["", ["actions", "not_actions", "resources", "not_resources"]],
  ["principals", ["identifiers"]],
  ["not_principals", ["identifiers"]],
  ["condition", ["values"]]
];
function blockPolicyExpressions(block, text, type, labels) {
  const out = [];
  if (type === "resource") {
    const value = attributeIn(block, ["policy"]);
    if (value) out.push({ path: ["policy"], expr: expression(value, text) });
  } else if (type === "data" && labels[0] === "aws_iam_policy_document") {
    const statements = childrenOf(block)?.filter((n) => n.type === "block" && n.namedChildren[0]?.text === "statement") ?? [];
    statements.forEach((statement, i) => {
      for (const [nested, names] of DOCUMENT_LISTS) {
        const holders = nested === "" ? [statement] : childrenOf(statement)?.filter((n) => n.type === "block" && n.namedChildren[0]?.text === nested) ?? [];
        holders.forEach((holder, j) => {
          for (const name of names) {
            const path = nested === "" ? ["statement", i, name] : ["statement", i, nested, j, name];
            const value = attributeIn(holder, [name]);
            if (value) out.push({ path, expr: expression(value, text) });
          }
        });
      }
    });
  }
  return out;
}
function localsOf(block, text) {
  const out = [];
  for (const attr of childrenOf(block) ?? []) {
    const value = attr.type === "attribute" ? attr.namedChildren.find((n) => n?.type === "expression") : void 0;
    if (value) out.push([attr.namedChildren[0].text, expression(value, text)]);
  }
  return out;
}
function readsLocals(e) {
  switch (e.t) {
    case "traversal":
      return e.root === "local" || e.steps.some((s) => "index" in s && typeof s.index === "object" && readsLocals(s.index));
    case "template":
      return e.parts.some((p) => typeof p !== "string" && readsLocals(p));
    case "tuple":
      return e.items.some(readsLocals);
    case "object":
      return e.items.some((i) => readsLocals(i.value));
    case "call":
      return e.args.some(readsLocals);
    case "conditional":
      return readsLocals(e.cond) || readsLocals(e.then) || readsLocals(e.else);
    case "operation":
      return e.args.some(readsLocals);
    case "for":
      return [e.collection, e.result, e.resultKey, e.cond].some((x) => x !== void 0 && readsLocals(x));
    default:
      return false;
  }
}
function attributeIn(block, path) {
  let here = block;
  for (let i = 0; i < path.length - 1; i += 2) {
    const [name2, index] = [path[i], path[i + 1]];
    if (typeof name2 !== "string" || typeof index !== "number") return void 0;
    here = childrenOf(here)?.filter((n) => n.type === "block" && n.namedChildren[0]?.text === name2)[index];
    if (!here) return void 0;
  }
  const name = path[path.length - 1];
  const attr = childrenOf(here)?.find((n) => n.type === "attribute" && n.namedChildren[0]?.text === name);
  return attr?.namedChildren.find((n) => n?.type === "expression");
}
function childrenOf(block) {
  return block?.namedChildren.find((n) => n?.type === "body")?.namedChildren.filter((n) => n !== null);
}
function unsupported(node, what) {
  return { t: "unsupported", what, line: node.startPosition.row + 1 };
}
function named(node) {
  return node.namedChildren.filter((n) => n !== null && n.type !== "comment");
}
function expression(node, text) {
  const parts = named(node);
  switch (node.type) {
    case "expression":
    case "expr_term":
      if (parts[0]?.type === "variable_expr") return traversal(node, parts, text);
      if (parts.length === 1) return expression(parts[0], text);
      return unsupported(node, describe(parts[1] ?? node));
    case "literal_value":
      return literal(parts[0]);
    case "template_expr":
      return template(parts[0], text);
    case "collection_value":
      return expression(parts[0], text);
    case "tuple":
      return { t: "tuple", items: parts.filter((n) => n.type === "expression").map((n) => expression(n, text)) };
    case "object":
      return object(parts, text);
    case "function_call": {
      const args = parts.find((n) => n.type === "function_arguments");
      const list = args ? named(args) : [];
      if (list.some((n) => n.type === "ellipsis")) return unsupported(node, "an expanded argument (...)");
      return { t: "call", name: parts[0].text, args: list.filter((n) => n.type === "expression").map((n) => expression(n, text)) };
    }
    case "variable_expr":
      return traversal(node, [node], text);
    case "conditional": {
      const [cond, then, otherwise] = parts.filter((n) => n.type === "expression");
      if (!cond || !then || !otherwise) return unsupported(node, describe(node));
      return { t: "conditional", cond: expression(cond, text), then: expression(then, text), else: expression(otherwise, text) };
    }
    case "for_expr":
      return forExpression(parts[0], text);
    case "operation":
      return operation(parts[0], text);
    default:
      return unsupported(node, describe(node));
  }
}
function operation(node, text) {
  const children = node.children.filter((n) => n !== null && n.type !== "comment");
  const at = children.findIndex((n) => !n.isNamed && OPERATORS.has(n.type));
  if (at === -1) return unsupported(node, "an operator");
  const op = children[at].text;
  const sides = node.type === "unary_operation" ? [children.slice(at + 1)] : [children.slice(0, at), children.slice(at + 1)];
  if (sides.some((side) => side.length === 0)) return unsupported(node, "an operator");
  return { t: "operation", op, args: sides.map((side) => operand(side, text)) };
}
var OPERATORS = /* @__PURE__ */ new Set(["!", "-", "==", "!=", "<", ">", "<=", ">=", "+", "*", "/", "%", "&&", "||"]);
function operand(nodes, text) {
  if (nodes[0].type === "variable_expr") return traversal(nodes[0], nodes, text, nodes[nodes.length - 1].endIndex);
  if (nodes.length === 3 && nodes[0].type === "(" && nodes[2].type === ")") return expression(nodes[1], text);
  if (nodes.length !== 1) return unsupported(nodes[0], describe(nodes[1]));
  return nodes[0].type === "operation" ? operation(named(nodes[0])[0], text) : expression(nodes[0], text);
}
function forExpression(node, text) {
  const parts = named(node);
  const intro = parts.find((n) => n.type === "for_intro");
  const names = intro ? named(intro).filter((n) => n.type === "identifier").map((n) => n.text) : [];
  const collection = intro ? named(intro).find((n) => n.type === "expression") : void 0;
  const results = parts.filter((n) => n.type === "expression");
  const cond = parts.find((n) => n.type === "for_cond");
  const condExpr = cond ? named(cond).find((n) => n.type === "expression") : void 0;
  const object2 = node.type === "for_object_expr";
  if (!collection || names.length === 0 || names.length > 2 || results.length !== (object2 ? 2 : 1) || node.children.some((c) => c?.type === "ellipsis")) return unsupported(node, "a for expression");
  const [first, second] = names;
  return {
    t: "for",
    object: object2,
    ...second !== void 0 ? { key: first } : {},
    value: second ?? first,
    collection: expression(collection, text),
    ...object2 ? { resultKey: expression(results[0], text), result: expression(results[1], text) } : { result: expression(results[0], text) },
    ...condExpr ? { cond: expression(condExpr, text) } : {},
    line: node.startPosition.row + 1
  };
}
function describe(node) {
  const what = {
    conditional: "a conditional (? :)",
    for_expr: "a for expression",
    operation: "an operator",
    splat: "a splat ([*])",
    template_directive: "a template directive (%{ })",
    heredoc_template: "a heredoc"
  };
  return what[node.type] ?? `a ${node.type.replace(/_/g, " ")}`;
}
function literal(node) {
  switch (node.type) {
    case "numeric_lit":
      return { t: "literal", value: Number(node.text) };
    case "bool_lit":
      return { t: "literal", value: node.text === "true" };
    case "null_lit":
      return { t: "literal", value: null };
    case "string_lit": {
      const body = named(node).filter((n) => n.type === "template_literal").map((n) => n.text).join("");
      const value = unescapeQuoted(body);
      return value === void 0 ? unsupported(node, "a string with an escape vpcelint does not read") : { t: "literal", value };
    }
    default:
      return unsupported(node, describe(node));
  }
}
function traversal(node, parts, text, end = node.endIndex) {
  const root = parts[0].text;
  const steps = [];
  for (const part of parts.slice(1)) {
    if (part.type === "get_attr") {
      steps.push({ attr: named(part).find((n) => n.type === "identifier").text });
      continue;
    }
    if (part.type === "index") {
      const inner = named(part)[0];
      if (inner?.type === "legacy_index") {
        steps.push({ index: Number(inner.text.replace(/^\./, "")) });
        continue;
      }
      const expr = inner ? named(inner).find((n) => n.type === "expression") : void 0;
      if (!expr) return unsupported(part, "an index");
      const key = expression(expr, text);
      if (key.t === "literal" && (typeof key.value === "string" || typeof key.value === "number")) steps.push({ index: key.value });
      else steps.push({ index: key });
      continue;
    }
    return unsupported(part, describe(part));
  }
  return { t: "traversal", root, steps, text: text.slice(node.startIndex, end).replace(/\s+/g, "") };
}
function object(parts, text) {
  const items = [];
  for (const elem of parts.filter((n) => n.type === "object_elem")) {
    const [k, v] = named(elem).filter((n) => n.type === "expression");
    if (!k || !v) return unsupported(elem, "an object element");
    const bare = named(k);
    let key;
    if (bare.length === 1 && bare[0].type === "variable_expr") key = bare[0].text;
    else {
      const e = expression(k, text);
      if (e.t === "literal" && typeof e.value === "string") key = e.value;
    }
    if (key === void 0) return unsupported(k, "a computed object key");
    items.push({ key, value: expression(v, text) });
  }
  return { t: "object", items };
}
function template(node, text) {
  const heredoc = node.type === "heredoc_template";
  const children = named(node);
  const directive = children.find((n) => n.type === "template_directive");
  if (directive) return unsupported(node, describe(directive));
  let start;
  let end;
  if (heredoc) {
    const ids = children.filter((n) => n.type === "heredoc_identifier");
    if (ids.length < 2) return unsupported(node, "a heredoc");
    start = text.indexOf("\n", ids[0].endIndex) + 1;
    end = ids[ids.length - 1].startIndex;
    if (start <= 0 || start > end) return unsupported(node, "a heredoc");
  } else {
    start = node.startIndex + 1;
    end = node.endIndex - 1;
  }
  const parts = [];
  let at = start;
  for (const n of children.filter((c) => c.type === "template_interpolation")) {
    const literalText = text.slice(at, n.startIndex);
    const lit2 = heredoc ? literalText.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{") : unescapeQuoted(literalText);
    if (lit2 === void 0) return unsupported(node, "a string with an escape vpcelint does not read");
    if (lit2) parts.push(lit2);
    const inner = named(n).find((c) => c.type === "expression");
    if (!inner) return unsupported(n, "an interpolation");
    if (n.text.startsWith("${~") || n.text.endsWith("~}")) return unsupported(n, "a whitespace-stripping interpolation (~)");
    parts.push(expression(inner, text));
    at = n.endIndex;
  }
  const tail = text.slice(at, end);
  const lit = heredoc ? tail.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{") : unescapeQuoted(tail);
  if (lit === void 0) return unsupported(node, "a string with an escape vpcelint does not read");
  if (lit) parts.push(lit);
  if (heredoc && children[0]?.text.startsWith("<<-")) return stripIndent(parts);
  return { t: "template", parts };
}
function stripIndent(parts) {
  const literal2 = parts.filter((p) => typeof p === "string").join("\0");
  const indents = literal2.split("\n").filter((line, i) => i === 0 || line.trim() !== "").map((line) => /^[ \t]*/.exec(line)[0].length);
  const cut = Math.min(...indents);
  if (!Number.isFinite(cut) || cut === 0) return { t: "template", parts };
  const strip = (s, first) => s.replace(/\n[ \t]*/g, (m) => `
${m.slice(1 + Math.min(cut, m.length - 1))}`).replace(first ? /^[ \t]*/ : /^$/, (m) => m.slice(Math.min(cut, m.length)));
  return { t: "template", parts: parts.map((p, i) => typeof p === "string" ? strip(p, i === 0) : p) };
}
function unescapeQuoted(s) {
  let bad = false;
  const out = s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, esc) => {
    if (m === "$${") return "${";
    if (m === "%%{") return "%{";
    switch (esc[0]) {
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "	";
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "u":
      case "U":
        return String.fromCodePoint(parseInt(esc.slice(1), 16));
      default:
        bad = true;
        return m;
    }
  });
  return bad ? void 0 : out;
}

export {
  blockPolicyExpressions,
  localsOf,
  readsLocals
};
