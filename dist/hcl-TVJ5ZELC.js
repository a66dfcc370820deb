import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  compileWasmForQuickExit,
  hclParser,
  parseHcl
} from "./chunk-Z4QCNFE4.js";
import "./chunk-PSCUI55Q.js";
export {
  compileWasmForQuickExit,
  hclParser,
  parseHcl
};
