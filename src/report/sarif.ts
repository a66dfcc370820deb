import type * as Sarif from 'sarif';
import type { ReportedFinding } from '../engine/run.js';
import type { Ref } from '../model/ref.js';
import { INFORMATION_URI } from '../version.js';
import { fingerprint, sourceLabel, type ScanReport } from './scan-report.js';

/** SARIF 2.1.0: one run, one result per finding, diagnostics as tool execution notifications. */
export function renderSarif(report: ScanReport): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.meta.id, i]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: report.rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id,
              shortDescription: { text: r.meta.title },
              fullDescription: { text: r.meta.description },
              help: { text: r.meta.fix, markdown: r.meta.fix },
              defaultConfiguration: { level: r.severity },
              properties: { tags: r.meta.tags, precision: r.meta.precision },
            })),
          },
        },
        automationDetails: { id: `vpcelint/${sourceLabel(report.source)}/` },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.diagnostics.map((d) => ({
              level: d.level,
              message: { text: d.message },
              descriptor: { id: d.code },
              ...(d.ruleId ? { associatedRule: { id: d.ruleId, ...(ruleIndex.has(d.ruleId) ? { index: ruleIndex.get(d.ruleId)! } : {}) } } : {}),
            })),
          },
        ],
        results: report.findings.map((f) => result(f, ruleIndex.get(f.ruleId))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: ReportedFinding, index: number | undefined): Sarif.Result {
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: f.severity,
    message: { text: f.message },
    locations: [location(f.primary)],
    ...(f.related.length > 0 ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r) })) } : {}),
    partialFingerprints: { 'vpcelint/v1': fingerprint(f) },
  };
}

function location(ref: Ref): Sarif.Location {
  return {
    logicalLocations: [
      {
        fullyQualifiedName: ref.address ?? ref.arn ?? ref.id ?? ref.key,
        kind: 'resource',
        ...(ref.type ? { decoratedName: ref.type } : {}),
      },
    ],
  };
}
