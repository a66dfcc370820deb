import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  TOOL_NAME,
  VERSION,
  allRules,
  applySuppressions,
  checkTargets,
  deliver,
  exitCode,
  extraReports,
  githubBlobBase,
  label,
  loadConfig,
  parseJson,
  parseSarifMaxResults,
  readBaseline,
  readInput,
  redactOutput,
  renderOutput,
  scan
} from "./chunk-5I6CS4GX.js";
import {
  terminalSink
} from "./chunk-Q5ZJQ2ZL.js";
import {
  InputError,
  Inventory,
  Unknown,
  UsageError,
  isReadFailure
} from "./chunk-CSE4GAFU.js";

// src/snapshot/codec.ts
function encode(value, inv) {
  if (value instanceof Unknown) return { $unknown: value.reason };
  if (Array.isArray(value)) return value.map((v) => encode(v, inv));
  if (value instanceof Set || value instanceof Map) throw new Error("snapshot: sets and maps inside nodes are not supported");
  if (value && typeof value === "object") {
    const ref = value;
    if (typeof ref.key === "string" && inv.refByKey(ref.key) === value) return { $ref: ref.key };
    return plain(value, (v) => encode(v, inv));
  }
  return value;
}
function encodeRef(ref, inv) {
  return plain(ref, (v) => encode(v, inv));
}
function plain(obj, each) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === void 0) continue;
    out[k.startsWith("$") ? `$${k}` : k] = each(v);
  }
  return out;
}
var SnapshotDecodeError = class extends Error {
  constructor(message, jsonPath) {
    super(message);
    this.jsonPath = jsonPath;
  }
  jsonPath;
};
function decode(value, refs, path = "$") {
  if (Array.isArray(value)) return value.map((v, i) => decode(v, refs, `${path}[${i}]`));
  if (!value || typeof value !== "object") return value;
  const obj = value;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === "$unknown") {
    if (typeof obj.$unknown !== "string") throw new SnapshotDecodeError('"$unknown" must hold the reason, a string', path);
    return new Unknown(obj.$unknown);
  }
  if (keys.length === 1 && keys[0] === "$ref") {
    const ref = typeof obj.$ref === "string" ? refs(obj.$ref) : void 0;
    if (!ref) throw new SnapshotDecodeError(`"$ref" names ${JSON.stringify(obj.$ref)}, which is not in "refs"`, path);
    return ref;
  }
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith("$") && !k.startsWith("$$")) throw new SnapshotDecodeError(`unexpected key ${JSON.stringify(k)}`, path);
    out[k.startsWith("$$") ? k.slice(1) : k] = decode(v, refs, `${path}.${k}`);
  }
  return out;
}

// src/snapshot/snapshot-validator.generated.ts
var validate = validate10;
var schema11 = { "type": "object", "required": ["format", "version", "source", "closedWorld", "refs", "ids", "nodes", "diagnostics"], "properties": { "format": { "type": "string" }, "version": { "type": "integer", "minimum": 1 }, "tool": { "type": "object" }, "createdAt": { "type": "string" }, "source": { "type": "object", "required": ["kind"], "properties": { "kind": { "enum": ["plan", "aws", "snapshot", "test"] } } }, "closedWorld": { "type": "array", "items": { "type": "string" } }, "sensitiveValues": { "type": "array", "items": { "type": "string" } }, "refs": { "type": "array", "items": { "type": "object", "required": ["key", "kind"], "properties": { "key": { "type": "string" }, "kind": { "type": "string" } } } }, "ids": { "type": "array", "items": { "type": "array", "minItems": 2, "maxItems": 2, "items": { "type": "string" } } }, "nodes": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "array", "minItems": 2, "maxItems": 2, "items": [{ "type": "string" }, { "type": "object", "required": ["ref"] }] } } }, "diagnostics": { "type": "array", "items": { "type": "object", "required": ["level", "code", "message"], "properties": { "level": { "enum": ["error", "warning", "note"] }, "code": { "type": "string" }, "message": { "type": "string" } } } } } };
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.format === void 0 && (missing0 = "format") || data.version === void 0 && (missing0 = "version") || data.source === void 0 && (missing0 = "source") || data.closedWorld === void 0 && (missing0 = "closedWorld") || data.refs === void 0 && (missing0 = "refs") || data.ids === void 0 && (missing0 = "ids") || data.nodes === void 0 && (missing0 = "nodes") || data.diagnostics === void 0 && (missing0 = "diagnostics")) {
        validate10.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        if (data.format !== void 0) {
          const _errs1 = errors;
          if (typeof data.format !== "string") {
            validate10.errors = [{ instancePath: instancePath + "/format", schemaPath: "#/properties/format/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
            return false;
          }
          var valid0 = _errs1 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.version !== void 0) {
            let data1 = data.version;
            const _errs3 = errors;
            if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
              validate10.errors = [{ instancePath: instancePath + "/version", schemaPath: "#/properties/version/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
              return false;
            }
            if (errors === _errs3) {
              if (typeof data1 == "number" && isFinite(data1)) {
                if (data1 < 1 || isNaN(data1)) {
                  validate10.errors = [{ instancePath: instancePath + "/version", schemaPath: "#/properties/version/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                  return false;
                }
              }
            }
            var valid0 = _errs3 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.tool !== void 0) {
              let data2 = data.tool;
              const _errs5 = errors;
              if (!(data2 && typeof data2 == "object" && !Array.isArray(data2))) {
                validate10.errors = [{ instancePath: instancePath + "/tool", schemaPath: "#/properties/tool/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                return false;
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.createdAt !== void 0) {
                const _errs7 = errors;
                if (typeof data.createdAt !== "string") {
                  validate10.errors = [{ instancePath: instancePath + "/createdAt", schemaPath: "#/properties/createdAt/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.source !== void 0) {
                  let data4 = data.source;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                      let missing1;
                      if (data4.kind === void 0 && (missing1 = "kind")) {
                        validate10.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                        return false;
                      } else {
                        if (data4.kind !== void 0) {
                          let data5 = data4.kind;
                          if (!(data5 === "plan" || data5 === "aws" || data5 === "snapshot" || data5 === "test")) {
                            validate10.errors = [{ instancePath: instancePath + "/source/kind", schemaPath: "#/properties/source/properties/kind/enum", keyword: "enum", params: { allowedValues: schema11.properties.source.properties.kind.enum }, message: "must be equal to one of the allowed values" }];
                            return false;
                          }
                        }
                      }
                    } else {
                      validate10.errors = [{ instancePath: instancePath + "/source", schemaPath: "#/properties/source/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.closedWorld !== void 0) {
                    let data6 = data.closedWorld;
                    const _errs12 = errors;
                    if (errors === _errs12) {
                      if (Array.isArray(data6)) {
                        var valid2 = true;
                        const len0 = data6.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          const _errs14 = errors;
                          if (typeof data6[i0] !== "string") {
                            validate10.errors = [{ instancePath: instancePath + "/closedWorld/" + i0, schemaPath: "#/properties/closedWorld/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                            return false;
                          }
                          var valid2 = _errs14 === errors;
                          if (!valid2) {
                            break;
                          }
                        }
                      } else {
                        validate10.errors = [{ instancePath: instancePath + "/closedWorld", schemaPath: "#/properties/closedWorld/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                        return false;
                      }
                    }
                    var valid0 = _errs12 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.sensitiveValues !== void 0) {
                      let data8 = data.sensitiveValues;
                      const _errs16 = errors;
                      if (errors === _errs16) {
                        if (Array.isArray(data8)) {
                          var valid3 = true;
                          const len1 = data8.length;
                          for (let i1 = 0; i1 < len1; i1++) {
                            const _errs18 = errors;
                            if (typeof data8[i1] !== "string") {
                              validate10.errors = [{ instancePath: instancePath + "/sensitiveValues/" + i1, schemaPath: "#/properties/sensitiveValues/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                            var valid3 = _errs18 === errors;
                            if (!valid3) {
                              break;
                            }
                          }
                        } else {
                          validate10.errors = [{ instancePath: instancePath + "/sensitiveValues", schemaPath: "#/properties/sensitiveValues/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                          return false;
                        }
                      }
                      var valid0 = _errs16 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.refs !== void 0) {
                        let data10 = data.refs;
                        const _errs20 = errors;
                        if (errors === _errs20) {
                          if (Array.isArray(data10)) {
                            var valid4 = true;
                            const len2 = data10.length;
                            for (let i2 = 0; i2 < len2; i2++) {
                              let data11 = data10[i2];
                              const _errs22 = errors;
                              if (errors === _errs22) {
                                if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                                  let missing2;
                                  if (data11.key === void 0 && (missing2 = "key") || data11.kind === void 0 && (missing2 = "kind")) {
                                    validate10.errors = [{ instancePath: instancePath + "/refs/" + i2, schemaPath: "#/properties/refs/items/required", keyword: "required", params: { missingProperty: missing2 }, message: "must have required property '" + missing2 + "'" }];
                                    return false;
                                  } else {
                                    if (data11.key !== void 0) {
                                      const _errs24 = errors;
                                      if (typeof data11.key !== "string") {
                                        validate10.errors = [{ instancePath: instancePath + "/refs/" + i2 + "/key", schemaPath: "#/properties/refs/items/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                        return false;
                                      }
                                      var valid5 = _errs24 === errors;
                                    } else {
                                      var valid5 = true;
                                    }
                                    if (valid5) {
                                      if (data11.kind !== void 0) {
                                        const _errs26 = errors;
                                        if (typeof data11.kind !== "string") {
                                          validate10.errors = [{ instancePath: instancePath + "/refs/" + i2 + "/kind", schemaPath: "#/properties/refs/items/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                          return false;
                                        }
                                        var valid5 = _errs26 === errors;
                                      } else {
                                        var valid5 = true;
                                      }
                                    }
                                  }
                                } else {
                                  validate10.errors = [{ instancePath: instancePath + "/refs/" + i2, schemaPath: "#/properties/refs/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                  return false;
                                }
                              }
                              var valid4 = _errs22 === errors;
                              if (!valid4) {
                                break;
                              }
                            }
                          } else {
                            validate10.errors = [{ instancePath: instancePath + "/refs", schemaPath: "#/properties/refs/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                            return false;
                          }
                        }
                        var valid0 = _errs20 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.ids !== void 0) {
                          let data14 = data.ids;
                          const _errs28 = errors;
                          if (errors === _errs28) {
                            if (Array.isArray(data14)) {
                              var valid6 = true;
                              const len3 = data14.length;
                              for (let i3 = 0; i3 < len3; i3++) {
                                let data15 = data14[i3];
                                const _errs30 = errors;
                                if (errors === _errs30) {
                                  if (Array.isArray(data15)) {
                                    if (data15.length > 2) {
                                      validate10.errors = [{ instancePath: instancePath + "/ids/" + i3, schemaPath: "#/properties/ids/items/maxItems", keyword: "maxItems", params: { limit: 2 }, message: "must NOT have more than 2 items" }];
                                      return false;
                                    } else {
                                      if (data15.length < 2) {
                                        validate10.errors = [{ instancePath: instancePath + "/ids/" + i3, schemaPath: "#/properties/ids/items/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items" }];
                                        return false;
                                      } else {
                                        var valid7 = true;
                                        const len4 = data15.length;
                                        for (let i4 = 0; i4 < len4; i4++) {
                                          const _errs32 = errors;
                                          if (typeof data15[i4] !== "string") {
                                            validate10.errors = [{ instancePath: instancePath + "/ids/" + i3 + "/" + i4, schemaPath: "#/properties/ids/items/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                            return false;
                                          }
                                          var valid7 = _errs32 === errors;
                                          if (!valid7) {
                                            break;
                                          }
                                        }
                                      }
                                    }
                                  } else {
                                    validate10.errors = [{ instancePath: instancePath + "/ids/" + i3, schemaPath: "#/properties/ids/items/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                    return false;
                                  }
                                }
                                var valid6 = _errs30 === errors;
                                if (!valid6) {
                                  break;
                                }
                              }
                            } else {
                              validate10.errors = [{ instancePath: instancePath + "/ids", schemaPath: "#/properties/ids/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                              return false;
                            }
                          }
                          var valid0 = _errs28 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.nodes !== void 0) {
                            let data17 = data.nodes;
                            const _errs34 = errors;
                            if (errors === _errs34) {
                              if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                                for (const key0 in data17) {
                                  let data18 = data17[key0];
                                  const _errs37 = errors;
                                  if (errors === _errs37) {
                                    if (Array.isArray(data18)) {
                                      var valid9 = true;
                                      const len5 = data18.length;
                                      for (let i5 = 0; i5 < len5; i5++) {
                                        let data19 = data18[i5];
                                        const _errs39 = errors;
                                        if (errors === _errs39) {
                                          if (Array.isArray(data19)) {
                                            if (data19.length > 2) {
                                              validate10.errors = [{ instancePath: instancePath + "/nodes/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5, schemaPath: "#/properties/nodes/additionalProperties/items/maxItems", keyword: "maxItems", params: { limit: 2 }, message: "must NOT have more than 2 items" }];
                                              return false;
                                            } else {
                                              if (data19.length < 2) {
                                                validate10.errors = [{ instancePath: instancePath + "/nodes/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5, schemaPath: "#/properties/nodes/additionalProperties/items/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items" }];
                                                return false;
                                              } else {
                                                const len6 = data19.length;
                                                if (len6 > 0) {
                                                  const _errs41 = errors;
                                                  if (typeof data19[0] !== "string") {
                                                    validate10.errors = [{ instancePath: instancePath + "/nodes/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5 + "/0", schemaPath: "#/properties/nodes/additionalProperties/items/items/0/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                    return false;
                                                  }
                                                  var valid10 = _errs41 === errors;
                                                }
                                                if (valid10) {
                                                  if (len6 > 1) {
                                                    let data21 = data19[1];
                                                    const _errs43 = errors;
                                                    if (errors === _errs43) {
                                                      if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                                                        let missing3;
                                                        if (data21.ref === void 0 && (missing3 = "ref")) {
                                                          validate10.errors = [{ instancePath: instancePath + "/nodes/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5 + "/1", schemaPath: "#/properties/nodes/additionalProperties/items/items/1/required", keyword: "required", params: { missingProperty: missing3 }, message: "must have required property '" + missing3 + "'" }];
                                                          return false;
                                                        }
                                                      } else {
                                                        validate10.errors = [{ instancePath: instancePath + "/nodes/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5 + "/1", schemaPath: "#/properties/nodes/additionalProperties/items/items/1/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid10 = _errs43 === errors;
                                                  }
                                                }
                                              }
                                            }
                                          } else {
                                            validate10.errors = [{ instancePath: instancePath + "/nodes/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i5, schemaPath: "#/properties/nodes/additionalProperties/items/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                            return false;
                                          }
                                        }
                                        var valid9 = _errs39 === errors;
                                        if (!valid9) {
                                          break;
                                        }
                                      }
                                    } else {
                                      validate10.errors = [{ instancePath: instancePath + "/nodes/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/nodes/additionalProperties/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                      return false;
                                    }
                                  }
                                  var valid8 = _errs37 === errors;
                                  if (!valid8) {
                                    break;
                                  }
                                }
                              } else {
                                validate10.errors = [{ instancePath: instancePath + "/nodes", schemaPath: "#/properties/nodes/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                return false;
                              }
                            }
                            var valid0 = _errs34 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.diagnostics !== void 0) {
                              let data22 = data.diagnostics;
                              const _errs45 = errors;
                              if (errors === _errs45) {
                                if (Array.isArray(data22)) {
                                  var valid11 = true;
                                  const len7 = data22.length;
                                  for (let i6 = 0; i6 < len7; i6++) {
                                    let data23 = data22[i6];
                                    const _errs47 = errors;
                                    if (errors === _errs47) {
                                      if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
                                        let missing4;
                                        if (data23.level === void 0 && (missing4 = "level") || data23.code === void 0 && (missing4 = "code") || data23.message === void 0 && (missing4 = "message")) {
                                          validate10.errors = [{ instancePath: instancePath + "/diagnostics/" + i6, schemaPath: "#/properties/diagnostics/items/required", keyword: "required", params: { missingProperty: missing4 }, message: "must have required property '" + missing4 + "'" }];
                                          return false;
                                        } else {
                                          if (data23.level !== void 0) {
                                            let data24 = data23.level;
                                            const _errs49 = errors;
                                            if (!(data24 === "error" || data24 === "warning" || data24 === "note")) {
                                              validate10.errors = [{ instancePath: instancePath + "/diagnostics/" + i6 + "/level", schemaPath: "#/properties/diagnostics/items/properties/level/enum", keyword: "enum", params: { allowedValues: schema11.properties.diagnostics.items.properties.level.enum }, message: "must be equal to one of the allowed values" }];
                                              return false;
                                            }
                                            var valid12 = _errs49 === errors;
                                          } else {
                                            var valid12 = true;
                                          }
                                          if (valid12) {
                                            if (data23.code !== void 0) {
                                              const _errs50 = errors;
                                              if (typeof data23.code !== "string") {
                                                validate10.errors = [{ instancePath: instancePath + "/diagnostics/" + i6 + "/code", schemaPath: "#/properties/diagnostics/items/properties/code/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                return false;
                                              }
                                              var valid12 = _errs50 === errors;
                                            } else {
                                              var valid12 = true;
                                            }
                                            if (valid12) {
                                              if (data23.message !== void 0) {
                                                const _errs52 = errors;
                                                if (typeof data23.message !== "string") {
                                                  validate10.errors = [{ instancePath: instancePath + "/diagnostics/" + i6 + "/message", schemaPath: "#/properties/diagnostics/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                                var valid12 = _errs52 === errors;
                                              } else {
                                                var valid12 = true;
                                              }
                                            }
                                          }
                                        }
                                      } else {
                                        validate10.errors = [{ instancePath: instancePath + "/diagnostics/" + i6, schemaPath: "#/properties/diagnostics/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                        return false;
                                      }
                                    }
                                    var valid11 = _errs47 === errors;
                                    if (!valid11) {
                                      break;
                                    }
                                  }
                                } else {
                                  validate10.errors = [{ instancePath: instancePath + "/diagnostics", schemaPath: "#/properties/diagnostics/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                  return false;
                                }
                              }
                              var valid0 = _errs45 === errors;
                            } else {
                              var valid0 = true;
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate10.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/snapshot/index.ts
var SNAPSHOT_FORMAT = "vpcelint-inventory-snapshot";
var SNAPSHOT_VERSION = 1;
var INDEXES = /* @__PURE__ */ new Set(["refsById", "refsByKey"]);
function nodeMaps(inv) {
  const out = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(inv)) if (value instanceof Map && !INDEXES.has(name)) out.set(name, value);
  return out;
}
function snapshotText(inv, createdAt = /* @__PURE__ */ new Date()) {
  const nodes = {};
  for (const [name, map] of nodeMaps(inv)) nodes[name] = [...map].map(([key, node]) => [key, encode(node, inv)]);
  const doc = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    createdAt: createdAt.toISOString(),
    source: inv.source,
    closedWorld: [...inv.closedWorld].sort(),
    sensitiveValues: [...inv.sensitiveValues],
    refs: [...inv.refs()].map((r) => encodeRef(r, inv)),
    ids: [...inv.idEntries()].map(([id, ref]) => [id, ref.key]),
    nodes,
    diagnostics: inv.diagnostics.map((d) => encode(d, inv))
  };
  return `${JSON.stringify(doc)}
`;
}
var validateSnapshot = validate;
function readSnapshot(path) {
  const text = readInput(path).toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new InputError(`${label(path)}: the file is empty; expected a snapshot written by "vpcelint scan --aws --save-snapshot"`, path);
  const doc = parseJson(text, path);
  if (!doc || typeof doc !== "object" || doc.format !== SNAPSHOT_FORMAT) {
    throw new InputError(`${label(path)}: not a vpcelint snapshot (no "format": "${SNAPSHOT_FORMAT}")`, path, "$.format");
  }
  if (typeof doc.version === "number" && doc.version > SNAPSHOT_VERSION) {
    throw new InputError(`${label(path)}: snapshot version ${doc.version} is newer than this vpcelint reads (${SNAPSHOT_VERSION}); upgrade vpcelint`, path, "$.version");
  }
  if (!validateSnapshot(doc)) {
    const e = validateSnapshot.errors[0];
    const at = `$${e.instancePath.replace(/\/(\d+)(?=\/|$)/g, "[$1]").replace(/\//g, ".")}`;
    throw new InputError(`${label(path)}: not a valid snapshot at ${at}: ${e.message ?? "invalid"}`, path, at);
  }
  try {
    return build(doc, path);
  } catch (err) {
    if (err instanceof SnapshotDecodeError) throw new InputError(`${label(path)}: not a valid snapshot at ${err.jsonPath}: ${err.message}`, path, err.jsonPath);
    throw err;
  }
}
function build(doc, path) {
  const inv = new Inventory({ kind: "snapshot", file: path, of: doc.source });
  const byKey = /* @__PURE__ */ new Map();
  const refs = doc.refs.map((r, i) => {
    const ref = decode(r, () => void 0, `$.refs[${i}]`);
    if (byKey.has(ref.key)) throw new SnapshotDecodeError(`duplicate ref key ${JSON.stringify(ref.key)}`, `$.refs[${i}].key`);
    byKey.set(ref.key, ref);
    return ref;
  });
  doc.ids.forEach(([id, key], i) => {
    const ref = byKey.get(key);
    if (!ref) throw new SnapshotDecodeError(`id ${JSON.stringify(id)} names ${JSON.stringify(key)}, which is not in "refs"`, `$.ids[${i}]`);
    inv.indexId(id, ref);
  });
  for (const ref of refs) inv.register(ref);
  const lookup = (key) => byKey.get(key);
  const maps = nodeMaps(inv);
  for (const [name, entries] of Object.entries(doc.nodes)) {
    const map = maps.get(name);
    if (!map) throw new SnapshotDecodeError(`"${name}" is not a kind of node this version of vpcelint knows`, `$.nodes.${name}`);
    entries.forEach(([key, node], i) => map.set(key, decode(node, lookup, `$.nodes.${name}[${i}][1]`)));
  }
  for (const r of doc.closedWorld) inv.closedWorld.add(r);
  for (const v of doc.sensitiveValues ?? []) inv.sensitiveValues.add(v);
  doc.diagnostics.forEach((d, i) => inv.diagnose(decode(d, lookup, `$.diagnostics[${i}]`)));
  return inv;
}

// src/cli/scan-live.ts
var EXIT_PARTIAL = 3;
async function liveScanCommand(opts, io) {
  const format = opts.format ?? "text";
  const failOn = opts.failOn;
  const sarifMaxResults = parseSarifMaxResults(opts.sarifMaxResults);
  checkTargets([["--output", opts.output], ["--sarif", opts.sarif], ["--markdown", opts.markdown], ["--save-snapshot", opts.saveSnapshot]]);
  const config = await loadConfig(opts.config, io.cwd, allRules.map((r) => r.meta.id));
  const baseline = opts.baseline ? { file: opts.baseline, fingerprints: readBaseline(opts.baseline) } : void 0;
  const inv = opts.snapshot !== void 0 ? readSnapshot(opts.snapshot) : await readAws(opts, io);
  const report = applySuppressions(scan(inv, config), { knownRules: allRules.map((r) => r.meta.id), config, ...baseline ? { baseline } : {} });
  const rendered = redactOutput(renderOutput(report, format, { color: !opts.output && io.isTTY && !io.env.NO_COLOR, sarifMaxResults }), inv.sensitiveValues);
  const extra = extraReports(report, format, rendered, opts, inv.sensitiveValues, { sourceLinkBase: githubBlobBase(io.env), sarifMaxResults });
  const files = [...opts.saveSnapshot ? [[opts.saveSnapshot, snapshotText(inv)]] : [], ...extra];
  deliver({ report, format, rendered, files, sarifMaxResults }, opts, io);
  return liveExitCode(report, failOn, opts.softFail === true, opts.strict === true);
}
async function readAws(opts, io) {
  const { collectAws, DEFAULTS } = await import("./aws-7Z2FUSAS.js");
  const concurrency = opts.concurrency === void 0 ? DEFAULTS.concurrency : Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64; got ${JSON.stringify(opts.concurrency)}`);
  if (opts.externalId && !opts.roleArn && !opts.accountsFromOrg) throw new UsageError("--external-id goes with --role-arn or --accounts-from-org");
  if (opts.region && opts.allRegions) throw new UsageError("--region and --all-regions cannot be combined");
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const showProgress = !opts.quiet && process.stderr.isTTY === true && !io.env.CI;
  return collectAws({
    ...opts.region ? { regions: opts.region.flatMap((r) => r.split(",")).map((r) => r.trim()).filter(Boolean) } : {},
    ...opts.allRegions ? { allRegions: true } : {},
    ...opts.profile ? { profile: opts.profile } : {},
    ...opts.roleArn ? { roleArn: opts.roleArn } : {},
    ...opts.externalId ? { externalId: opts.externalId } : {},
    ...opts.accountsFromOrg ? { accountsFromOrg: true } : {},
    ...opts.orgRoleName ? { orgRoleName: opts.orgRoleName } : {},
    concurrency,
    ...showProgress ? { progress: terminalSink((s) => process.stderr.write(s)) } : {}
  });
}
function liveExitCode(report, failOn, softFail, strict) {
  if (softFail) return 0;
  if (exitCode(report, failOn, false, false) !== 0) return 1;
  if (report.diagnostics.some(isReadFailure)) return EXIT_PARTIAL;
  return exitCode(report, failOn, false, strict);
}

export {
  readSnapshot,
  EXIT_PARTIAL,
  liveScanCommand,
  readAws,
  liveExitCode
};
