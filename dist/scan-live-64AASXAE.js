import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-BIMMFLWP.js";
import "./chunk-D3JMHZYI.js";
import "./chunk-Z2642D44.js";
import "./chunk-74UFNRK3.js";
import "./chunk-HN5JKB6J.js";
import "./chunk-EXJUGFR4.js";
import "./chunk-PSCUI55Q.js";
export {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
};
