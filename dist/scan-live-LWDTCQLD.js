import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-QUI7GVUO.js";
import "./chunk-2VEJVT4P.js";
import "./chunk-KSUDWBED.js";
import "./chunk-7EFIZF3W.js";
import "./chunk-HN5JKB6J.js";
import "./chunk-EXJUGFR4.js";
import "./chunk-PSCUI55Q.js";
export {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
};
