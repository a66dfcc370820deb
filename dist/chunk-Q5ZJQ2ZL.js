import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  terminalLine
} from "./chunk-CSE4GAFU.js";

// src/collect/aws/progress.ts
var Progress = class {
  constructor(sink) {
    this.sink = sink;
  }
  sink;
  state = { regionsDone: 0, regionsTotal: 0, servicesDone: 0, servicesTotal: 0 };
  pending = /* @__PURE__ */ new Map();
  /** Adds an account's regions to the total. */
  plan(account, regions) {
    for (const r of regions) this.pending.set(`${account}/${r}`, 2);
    this.state.regionsTotal += regions.length;
    this.state.servicesTotal += regions.length * 2 + 1;
    this.sink?.update({ ...this.state });
  }
  /** One service of one region (`ec2`, `s3`) is read; `region` undefined for a global service (IAM). */
  done(account, region) {
    this.state.servicesDone++;
    if (region) {
      const key = `${account}/${region}`;
      const left = (this.pending.get(key) ?? 1) - 1;
      this.pending.set(key, left);
      if (left === 0) this.state.regionsDone++;
    }
    this.sink?.update({ ...this.state });
  }
  end() {
    this.sink?.end();
  }
};
function terminalSink(write) {
  const line = terminalLine(write);
  return {
    update: (s) => line.show(`regions ${s.regionsDone}/${s.regionsTotal}, services ${s.servicesDone}/${s.servicesTotal} read`),
    end: () => line.end()
  };
}

export {
  Progress,
  terminalSink
};
