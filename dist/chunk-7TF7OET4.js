import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);

// src/explain/formats.ts
var EXPLAIN_FORMATS = ["text", "mermaid"];

export {
  EXPLAIN_FORMATS
};
