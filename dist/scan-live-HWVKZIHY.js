import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-MS3YHYQS.js";
import "./chunk-5J4ECZMA.js";
import "./chunk-234V7QFA.js";
import "./chunk-74UFNRK3.js";
import "./chunk-Q5ZJQ2ZL.js";
import "./chunk-CSE4GAFU.js";
import "./chunk-PSCUI55Q.js";
export {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
};
