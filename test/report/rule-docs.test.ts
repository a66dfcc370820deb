import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { renderRulePage, renderRuleHelp } from '../../src/report/rule-help.js';
import { ROOT } from '../helpers/fixtures.js';

const DOCS = join(ROOT, 'docs', 'rules');
const FIX = 'run "npm run docs:rules" and commit docs/rules/';

/** docs/rules/<id>.md is generated from the rule's metadata; these tests keep the two in step. */
describe('rule pages under docs/rules match the rules registered in rules/index.ts', () => {
  for (const rule of allRules) {
    it(rule.meta.id, () => {
      const file = join(DOCS, `${rule.meta.id}.md`);
      expect(existsSync(file), `docs/rules/${rule.meta.id}.md is missing: ${FIX}`).toBe(true);
      expect(readFileSync(file, 'utf8'), `docs/rules/${rule.meta.id}.md is out of date: ${FIX}`).toBe(renderRulePage(rule.meta));
    });
  }

  it('there is no page for a rule that does not exist', () => {
    const ids = new Set(allRules.map((r) => `${r.meta.id}.md`));
    const stale = readdirSync(DOCS).filter((n) => n.endsWith('.md') && !ids.has(n));
    expect(stale, `pages of removed rules: ${FIX}`).toEqual([]);
  });

  it('a page says what, why, how to fix with Terraform, how to suppress, and links AWS docs', () => {
    for (const rule of allRules) {
      const page = renderRulePage(rule.meta);
      expect(page).toContain(`# ${rule.meta.id}\n`);
      expect(page).toContain(rule.meta.description);
      expect(page).toContain('```hcl');
      expect(page).toContain(`# vpcelint:ignore ${rule.meta.id} `);
      for (const link of rule.meta.docs) expect(page).toContain(`<${link}>`);
      // SARIF's help is the same text, so GitHub and the docs never disagree.
      expect(page.endsWith(renderRuleHelp(rule.meta))).toBe(true);
    }
  });
});
