import type { RuleMeta, Severity } from '../engine/rule.js';
import { INFORMATION_URI } from '../version.js';

/**
 * What a person reads about a rule, rendered from its metadata alone: the
 * page under docs/rules/ (scripts/gen-rule-docs.mjs writes it, a test keeps
 * it in step) and the help of the rule in SARIF. One renderer, so the two
 * never disagree.
 */

/** GitHub's security-severity score for a level: high, medium, low in its 0-10 scale. */
export const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.5', warning: '5.0', note: '2.0' };
const SCORE_NAME: Record<Severity, string> = { error: 'high', warning: 'medium', note: 'low' };

/** Where the rule's page is published: docs/rules/<id>.md in the repository. */
export function ruleHelpUri(id: string): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${id}.md`;
}

/** The full page, docs/rules/<id>.md. */
export function renderRulePage(meta: RuleMeta): string {
  const lines = [
    `<!-- Generated from rules/${meta.id}.ts by scripts/gen-rule-docs.mjs: edit the rule's metadata, then run "npm run docs:rules". -->`,
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    '| Default severity | Precision | GitHub security severity | Tags |',
    '|---|---|---|---|',
    `| ${meta.severity} | ${meta.precision} | ${SECURITY_SEVERITY[meta.severity]} (${SCORE_NAME[meta.severity]}) | ${meta.tags.map((t) => `\`${t}\``).join(', ')} |`,
    '',
    ...helpSections(meta),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The rule's help in SARIF (`help.markdown`): the page without its header. */
export function renderRuleHelp(meta: RuleMeta): string {
  return `${helpSections(meta).join('\n').trimEnd()}\n`;
}

function helpSections(meta: RuleMeta): string[] {
  return [
    '## What it flags and why',
    '',
    meta.description,
    '',
    '## How to fix',
    '',
    meta.fix,
    '',
    '## How to suppress',
    '',
    'Fix the finding if you can. When it is intended, say why where the next reader will look:',
    '',
    '- in the resource block (or on the comment lines right above it); the reason is required:',
    '',
    '  ```hcl',
    `  # vpcelint:ignore ${meta.id} <why this is intended>`,
    '  ```',
    '',
    '- or in `.vpcelint.yml`, by Terraform address or AWS id/ARN pattern (`*` matches anything), optionally until a date:',
    '',
    '  ```yaml',
    '  ignore:',
    `    - rule: ${meta.id}`,
    '      address: module.legacy.*',
    '      reason: <why this is intended>',
    '      expires: 2030-12-31',
    '  ```',
    '',
    'Suppressed findings still appear in SARIF (as `suppressions`) and are counted apart; they never fail the scan. ' +
      'To fail a pull request only on what it adds, compare with the last report: `vpcelint scan --plan plan.json --baseline main.sarif`.',
    '',
    '## References',
    '',
    ...meta.docs.map((d) => `- <${d}>`),
  ];
}
