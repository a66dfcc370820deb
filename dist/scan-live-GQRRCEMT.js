import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-CU5224EW.js";
import "./chunk-KW67RGRZ.js";
import "./chunk-Q7E5GZEF.js";
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
