import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/report/scan-report.js';

describe('sourceLabel: the report header names what was scanned', () => {
  it('a plan, stdin, one account', () => {
    expect(sourceLabel({ kind: 'plan', file: 'plan.json', formatVersion: '1.2' })).toBe('plan.json');
    expect(sourceLabel({ kind: 'plan', file: '-', formatVersion: '1.2' })).toBe('<stdin>');
    expect(sourceLabel({ kind: 'aws', accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'] })).toBe('aws 111122223333 eu-west-1,us-east-1');
  });

  it('an organization by its id and account count, all regions by name up to ten', () => {
    const regions = Array.from({ length: 17 }, (_, i) => `eu-test-${i + 1}`);
    const accounts = Array.from({ length: 300 }, (_, i) => String(100000000000 + i));
    expect(sourceLabel({ kind: 'aws', accounts, regions, organization: 'o-exampleorgid', allRegions: true })).toBe(
      'aws organization o-exampleorgid (300 accounts) all enabled regions (eu-test-1, eu-test-2, eu-test-3, eu-test-4, eu-test-5, eu-test-6, eu-test-7, eu-test-8, eu-test-9, eu-test-10 and 7 more)',
    );
    expect(sourceLabel({ kind: 'aws', accounts: ['111122223333'], regions: ['eu-west-1'], organization: 'o-exampleorgid' })).toBe('aws organization o-exampleorgid (1 account) eu-west-1');
  });
});
