import { isReadFailure } from '../collect/aws/failures.js';
import type { ReportedFinding } from '../engine/run.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Ref } from '../model/ref.js';
import { countBySeverity, fingerprint, type ScanReport } from './scan-report.js';

/** Version of the JSON report format; bumped on any incompatible change (documented in README). */
export const JSON_REPORT_VERSION = '1.0';

export function renderJson(report: ScanReport): string {
  const counts = countBySeverity(report.findings);
  const doc = {
    reportVersion: JSON_REPORT_VERSION,
    tool: report.tool,
    input: report.source,
    summary: { findings: report.findings.length, ...counts, diagnostics: report.diagnostics.length, suppressed: report.suppressed.length, partial: report.diagnostics.some(isReadFailure) },
    findings: report.findings.map(findingJson),
    suppressed: report.suppressed.map((f) => ({ ...findingJson(f), suppressions: f.suppressions })),
    diagnostics: report.diagnostics.map(diagnosticJson),
    rules: report.rules.map((r) => ({ id: r.meta.id, severity: r.severity, title: r.meta.title })),
    inventory: report.inventory,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function findingJson(f: ReportedFinding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    primary: refJson(f.primary),
    related: f.related.map(refJson),
    ...(f.attribute ? { attribute: f.attribute } : {}),
    fingerprint: fingerprint(f),
    evidence: f.evidence,
  };
}

export function refJson(ref: Ref) {
  return {
    kind: ref.kind,
    ...(ref.address ? { address: ref.address } : {}),
    ...(ref.type ? { type: ref.type } : {}),
    ...(ref.id ? { id: ref.id } : {}),
    ...(ref.arn ? { arn: ref.arn } : {}),
    ...(ref.account ? { account: ref.account } : {}),
    ...(ref.region ? { region: ref.region } : {}),
    ...(ref.name ? { name: ref.name } : {}),
    ...(ref.location ? { location: { file: ref.location.file, startLine: ref.location.startLine, endLine: ref.location.endLine } } : {}),
  };
}

function diagnosticJson(d: Diagnostic) {
  return {
    level: d.level,
    code: d.code,
    message: d.message,
    ...(d.ruleId ? { ruleId: d.ruleId } : {}),
    ...(d.subject ? { subject: refJson(d.subject) } : {}),
    ...(d.file ? { file: d.file } : {}),
    ...(d.jsonPath ? { jsonPath: d.jsonPath } : {}),
  };
}
