import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  EXIT_PARTIAL,
  liveExitCode,
  liveScanCommand,
  readAws
} from "./chunk-2KESZRXI.js";
import "./chunk-VFBGPD2M.js";
import "./chunk-XW273G5N.js";
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
