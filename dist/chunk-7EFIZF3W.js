import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);

// src/sourcemap/files.ts
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
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
function tfBytes(dir) {
  let total = 0;
  for (const file of tfFiles(dir)) {
    try {
      total += statSync(file).size;
    } catch {
    }
  }
  return total;
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
  tfBytes,
  isDirectory
};
