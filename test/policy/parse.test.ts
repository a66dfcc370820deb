import { describe, expect, it } from 'vitest';
import { parsePolicyCached, parsePolicyText } from '../../src/policy/index.js';

function problems(text: string) {
  const r = parsePolicyText(text);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('policy parser', () => {
  it('normalizes scalars to lists, principals, condition operators and keys', () => {
    const r = parsePolicyText(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: {
          Sid: 'S',
          Effect: 'Deny',
          Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666', 'arn:aws:iam::111122223333:role/R'], Service: 'ec2.amazonaws.com' },
          NotAction: 's3:Get*',
          Resource: 'arn:aws:s3:::b/*',
          Condition: { 'ForAnyValue:StringLikeIfExists': { 'AWS:PrincipalOrgPaths': 'o-1/*' }, Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:max-keys': 10 } },
        },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.policy.statements[0]!;
    expect(s.path).toBe('$.Statement');
    expect(s.principal).toEqual({ any: false, aws: ['111122223333', '444455556666', 'arn:aws:iam::111122223333:role/R'], service: ['ec2.amazonaws.com'], federated: [], canonicalUser: [] });
    expect(s.notAction).toEqual(['s3:Get*']);
    expect(s.resource).toEqual(['arn:aws:s3:::b/*']);
    expect(s.conditions.map((c) => [c.base, c.ifExists, c.set, c.keyLower, c.values])).toEqual([
      ['StringLike', true, 'ForAnyValue', 'aws:principalorgpaths', ['o-1/*']],
      ['Bool', false, undefined, 'aws:securetransport', ['false']],
      ['NumericLessThan', false, undefined, 's3:max-keys', ['10']],
    ]);
    expect(r.policy.variablesEnabled).toBe(true);
  });

  it('reads "*" and {"AWS": "*"} as the same principal; policy variables only in 2012-10-17', () => {
    const r = parsePolicyText('{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}]}');
    expect(r.ok && r.policy.statements[0]!.principal!.any).toBe(true);
    expect(r.ok && r.policy.variablesEnabled).toBe(false);
  });

  it('reports every problem with its JSON path, never throws', () => {
    expect(problems('{"Statement": [')[0]).toMatch(/^\$: not valid JSON at line 1:16/);
    expect(problems('[]')).toEqual(['$: a policy must be a JSON object, found a list']);
    expect(problems('{"Version":"2012-10-17"}')).toEqual(['$.Statement: the policy has no Statement']);
    expect(problems('{"Statement":[{"Effect":"Permit","Action":"*","Resource":"*"}]}')).toEqual(['$.Statement[0].Effect: Effect must be "Allow" or "Deny", found "Permit"']);
    expect(problems('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"aws:SourceVpce":"v"}}}]}')).toEqual([
      '$.Statement[0].Condition.StringEqualz: unknown condition operator "StringEqualz"',
    ]);
    expect(problems('{"Statement":[{"Effect":"Allow","Action":["s3:GetObject",3],"Resource":"*"}]}')).toEqual(['$.Statement[0].Action[1]: expected a string, found number 3']);
    expect(problems('{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]}')).toEqual(['$.Statement[0]: a statement cannot have both Action and NotAction']);
    expect(problems('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":{"a":1}}}}]}')).toEqual([
      '$.Statement[0].Condition.StringEquals.["aws:SourceVpce"]: a condition value must be a string, number or boolean, found an object',
    ]);
    expect(problems('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}]}')).toHaveLength(1);
    expect(problems('{"Version":"2020-01-01","Statement":[]}')).toEqual(['$.Version: Version must be "2012-10-17" or "2008-10-17", found "2020-01-01"']);
    expect(problems('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"Aws":"*"}}]}')).toEqual([
      '$.Statement[0].Principal.Aws: unknown principal type "Aws" (expected AWS, Service, Federated or CanonicalUser)',
    ]);
  });

  it('accepts trust policies, which have no Resource (the role is implied)', () => {
    const r = parsePolicyText('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}');
    expect(r.ok && r.policy.statements[0]!.resource).toBeUndefined();
    expect(problems('{"Statement":[{"Effect":"Allow","Resource":"*"}]}')).toEqual(['$.Statement[0]: the statement has neither Action nor NotAction']);
  });

  it('parses each distinct text once', () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
    expect(parsePolicyCached(text)).toBe(parsePolicyCached(`${text}`));
  });
});
