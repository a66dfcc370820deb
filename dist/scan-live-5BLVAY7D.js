import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-CJ3YWO74.js";
import "./chunk-6KTH4WQJ.js";
import "./chunk-BWLUB4J7.js";
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
