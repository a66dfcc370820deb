import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-BWMB5A4F.js";
import "./chunk-5I6CS4GX.js";
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
