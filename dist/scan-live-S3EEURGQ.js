import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-YVKSAK67.js";
import "./chunk-HN5JKB6J.js";
import "./chunk-CSVFM5GM.js";
import "./chunk-EXJUGFR4.js";
import "./chunk-D4XPB7RQ.js";
import "./chunk-74UFNRK3.js";
import "./chunk-PSCUI55Q.js";
export {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
};
