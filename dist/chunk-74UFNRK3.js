import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);

// src/sourcemap/files.ts
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
function tfFiles(dir) {
  let names;
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".tf"));
  } catch {
    return [];
  }
  const isOverride = (n) => n === "override.tf" || n.endsWith("_override.tf");
  return names.sort((a, b) => Number(isOverride(a)) - Number(isOverride(b)) || (a < b ? -1 : a > b ? 1 : 0)).map((n) => join(dir, n));
}
function moduleTreeBytes(root, limit) {
  let total = 0;
  const seen = /* @__PURE__ */ new Set();
  const queue = [resolve(root)];
  while (queue.length > 0 && total <= limit) {
    const dir = queue.shift();
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const file of tfFiles(dir)) {
      let bytes;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      total += bytes.length;
      if (total > limit) break;
      for (const m of bytes.toString("utf8").matchAll(SOURCE)) {
        if (!isLocalSource(m[1])) continue;
        const child = resolve(dir, m[1]);
        if (!seen.has(child) && isDirectory(child)) queue.push(child);
      }
    }
  }
  return total;
}
var SOURCE = /\bsource\s*=\s*"([^"]*)"/g;
function isLocalSource(source) {
  return source !== void 0 && (source.startsWith("./") || source.startsWith("../") || source === "." || source === "..");
}
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export {
  tfFiles,
  moduleTreeBytes,
  isLocalSource,
  isDirectory
};
