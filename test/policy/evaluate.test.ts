import { describe, expect, it } from 'vitest';
import { globMatch } from '../../src/policy/index.js';
import { cidrContains, parseCidr, parseIp, privateRangeOf } from '../../src/policy/ip.js';
import { expectDecisions, mustParse, role } from './helpers.js';

const me = role('111122223333', 'app');
const policy = (statement: object, version = '2012-10-17') => mustParse({ Version: version, Statement: [statement] });
const allow = (Condition: object) => policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition });

describe('wildcards', () => {
  it('matches * and ? without regular expressions, in linear-ish time on hostile patterns', () => {
    expect(globMatch('s3:Get*', 's3:GetObject')).toBe(true);
    expect(globMatch('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(globMatch('s3:Get?', 's3:GetObject')).toBe(false);
    expect(globMatch('*a*b*c', 'xxaxxbxxc')).toBe(true);
    expect(globMatch('S3:GET*', 's3:getobject', true)).toBe(true);
    expect(globMatch(`${'*a'.repeat(30)}b`, 'a'.repeat(5000))).toBe(false);
  });
});

describe('IP addresses', () => {
  it('parses IPv4, IPv6 (compressed, embedded IPv4) and CIDRs', () => {
    expect(cidrContains(parseCidr('10.0.0.0/8')!, parseIp('10.255.0.1')!)).toBe(true);
    expect(cidrContains(parseCidr('2001:db8::/32')!, parseIp('2001:db8:ffff::1')!)).toBe(true);
    expect(cidrContains(parseCidr('::ffff:0:0/96')!, parseIp('::ffff:192.0.2.1')!)).toBe(true);
    expect(cidrContains(parseCidr('10.0.0.0/8')!, parseIp('2001:db8::1')!)).toBe(false);
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('1.2.3')).toBeUndefined();
    expect(privateRangeOf('10.1.0.0/16')).toMatch(/RFC 1918/);
    expect(privateRangeOf('100.64.1.0/24')).toMatch(/RFC 6598/);
    expect(privateRangeOf('fd12:3456::/48')).toMatch(/unique local/);
    expect(privateRangeOf('0.0.0.0/0')).toBeUndefined();
    expect(privateRangeOf('203.0.113.0/24')).toBeUndefined();
  });
});

describe('IAM evaluation', () => {
  it('explicit Deny wins over Allow; no Allow is an implicit deny', () => {
    const p = mustParse({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
      ],
    });
    expectDecisions(p, [
      ['allowed', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: me }, 'allow'],
      ['denied', { action: 's3:DeleteObject', resource: 'arn:aws:s3:::b/k', principal: me }, 'explicit-deny'],
      ['not allowed', { action: 'ec2:RunInstances', resource: '*', principal: me }, 'implicit-deny'],
    ]);
  });

  it('NotAction, NotResource, NotPrincipal', () => {
    expectDecisions(policy({ Effect: 'Deny', NotAction: 's3:Get*', Resource: '*' }), [
      ['get is not denied', { action: 's3:GetObject', resource: 'x', principal: me }, 'implicit-deny'],
      ['put is', { action: 's3:PutObject', resource: 'x', principal: me }, 'explicit-deny'],
    ]);
    expectDecisions(policy({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::secret/*' }), [
      ['other', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: me }, 'allow'],
      ['secret', { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/k', principal: me }, 'implicit-deny'],
    ]);
    // IAM checks the account, then the role, then the session (IAM User Guide, NotPrincipal): each must be listed.
    const session = 'arn:aws:sts::111122223333:assumed-role/app/alice';
    const alice = { kind: 'aws' as const, account: '111122223333', arn: 'arn:aws:iam::111122223333:role/app', session };
    expectDecisions(policy({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: '*', Resource: '*' }), [
      ["the named role's sessions are still denied: the role alone exempts none", { action: 's3:GetObject', resource: 'x', principal: me }, 'explicit-deny'],
      ['a named session of it too (neither it nor the account is listed)', { action: 's3:GetObject', resource: 'x', principal: alice }, 'explicit-deny'],
      ['everyone else is denied', { action: 's3:GetObject', resource: 'x', principal: role('111122223333', 'other') }, 'explicit-deny'],
    ]);
    expectDecisions(policy({ Effect: 'Deny', NotPrincipal: { AWS: [session, 'arn:aws:iam::111122223333:role/app', '111122223333'] }, Action: '*', Resource: '*' }), [
      ['the session listed with its role and account escapes', { action: 's3:GetObject', resource: 'x', principal: alice }, 'implicit-deny'],
      ['its session ARN given as the principal is the same session', { action: 's3:GetObject', resource: 'x', principal: { kind: 'aws', account: '111122223333', arn: session } }, 'implicit-deny'],
      ['another session of the role is denied', { action: 's3:GetObject', resource: 'x', principal: me }, 'explicit-deny'],
      ['another role of the account is denied: the account alone exempts only its root', { action: 's3:GetObject', resource: 'x', principal: role('111122223333', 'other') }, 'explicit-deny'],
      ['the account root escapes', { action: 's3:GetObject', resource: 'x', principal: { kind: 'aws', account: '111122223333', arn: 'arn:aws:iam::111122223333:root' } }, 'implicit-deny'],
    ]);
    expectDecisions(policy({ Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::111122223333:user/bob', '111122223333'] }, Action: '*', Resource: '*' }), [
      ['a user listed with its account escapes', { action: 's3:GetObject', resource: 'x', principal: { kind: 'aws', account: '111122223333', arn: 'arn:aws:iam::111122223333:user/bob' } }, 'implicit-deny'],
    ]);
    expectDecisions(policy({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: '*', Resource: '*' }), [
      ['a user listed without its account is denied with it', { action: 's3:GetObject', resource: 'x', principal: { kind: 'aws', account: '111122223333', arn: 'arn:aws:iam::111122223333:user/bob' } }, 'explicit-deny'],
    ]);
    // In Principal, a role's ARN matches its sessions; a session's ARN only that session; its aws:PrincipalArn is the role's.
    expectDecisions(policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: '*', Resource: '*' }), [
      ['a session of the role', { action: 's3:GetObject', resource: 'x', principal: alice }, 'allow'],
    ]);
    expectDecisions(policy({ Effect: 'Allow', Principal: { AWS: session }, Action: '*', Resource: '*', Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app' } } }), [
      ['that session', { action: 's3:GetObject', resource: 'x', principal: { kind: 'aws', account: '111122223333', arn: session } }, 'allow'],
      ['another session', { action: 's3:GetObject', resource: 'x', principal: me }, 'implicit-deny'],
    ]);
    expectDecisions(policy({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: '*', Resource: '*' }), [
      ['a role of the account', { action: 's3:GetObject', resource: 'x', principal: role('111122223333', 'any') }, 'allow'],
      ['another account', { action: 's3:GetObject', resource: 'x', principal: role('444455556666', 'any') }, 'implicit-deny'],
    ]);
  });

  it('ARN wildcards stay inside their part', () => {
    expectDecisions(policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:ec2:*:111122223333:instance/*' }), [
      ['any region', { action: 'ec2:StartInstances', resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', principal: me }, 'allow'],
      ['another account', { action: 'ec2:StartInstances', resource: 'arn:aws:ec2:eu-west-1:444455556666:instance/i-1', principal: me }, 'implicit-deny'],
      ['a star in the region part does not swallow the account', { action: 'x:y', resource: 'arn:aws:ec2:eu-west-1:1:111122223333:instance/i', principal: me }, 'implicit-deny'],
    ]);
  });

  it('multiple values OR, multiple keys AND; a missing key fails positive operators and satisfies negated ones', () => {
    const p = allow({ StringEquals: { 'aws:SourceVpce': ['vpce-1', 'vpce-2'], 'aws:PrincipalAccount': '111122223333' } });
    expectDecisions(p, [
      ['either endpoint', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:SourceVpce': 'vpce-2' } }, 'allow'],
      ['both keys needed', { action: 'a:b', resource: 'r', principal: role('444455556666', 'x'), context: { 'aws:SourceVpce': 'vpce-2' } }, 'implicit-deny'],
      ['key absent', { action: 'a:b', resource: 'r', principal: me }, 'implicit-deny'],
    ]);
    expectDecisions(allow({ StringNotEquals: { 'aws:SourceVpce': ['vpce-1', 'vpce-2'] } }), [
      ['negated: neither value', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:SourceVpce': 'vpce-3' } }, 'allow'],
      ['negated: one of them', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:SourceVpce': 'vpce-1' } }, 'implicit-deny'],
      ['negated: key absent matches', { action: 'a:b', resource: 'r', principal: me }, 'allow'],
    ]);
  });

  it('IfExists, Null, ForAnyValue, ForAllValues', () => {
    expectDecisions(allow({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } }), [
      ['absent: true', { action: 'a:b', resource: 'r', principal: me }, 'allow'],
      ['present and different: false', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:SourceVpce': 'vpce-9' } }, 'implicit-deny'],
    ]);
    expectDecisions(allow({ Null: { 'aws:SourceVpce': 'true' } }), [
      ['absent', { action: 'a:b', resource: 'r', principal: me }, 'allow'],
      ['present', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:SourceVpce': 'vpce-1' } }, 'implicit-deny'],
    ]);
    expectDecisions(allow({ 'ForAnyValue:StringLike': { 'aws:TagKeys': ['dp:*'] } }), [
      ['one matches', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:TagKeys': ['team', 'dp:x'] } }, 'allow'],
      ['none matches', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:TagKeys': ['team'] } }, 'implicit-deny'],
      ['absent: false', { action: 'a:b', resource: 'r', principal: me }, 'implicit-deny'],
    ]);
    expectDecisions(allow({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } }), [
      ['all in the set', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:TagKeys': ['team'] } }, 'allow'],
      ['one outside', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:TagKeys': ['team', 'owner'] } }, 'implicit-deny'],
      ['absent: true (vacuous)', { action: 'a:b', resource: 'r', principal: me }, 'allow'],
    ]);
  });

  it('string case rules, numbers, dates, Bool, ARN operators', () => {
    expectDecisions(allow({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Admin' } }), [['case-insensitive value', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:principaltag/TEAM': 'ADMIN' } }, 'allow']]);
    expectDecisions(allow({ NumericLessThan: { 's3:max-keys': '10' } }), [
      ['9 < 10', { action: 'a:b', resource: 'r', principal: me, context: { 's3:max-keys': '9' } }, 'allow'],
      ['10 is not', { action: 'a:b', resource: 'r', principal: me, context: { 's3:max-keys': '10' } }, 'implicit-deny'],
    ]);
    expectDecisions(allow({ DateLessThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } }), [
      ['before', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:CurrentTime': '2023-06-01T00:00:00Z' } }, 'allow'],
      ['after', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:CurrentTime': '2024-06-01T00:00:00Z' } }, 'implicit-deny'],
    ]);
    expectDecisions(allow({ Bool: { 'aws:SecureTransport': 'true' } }), [['Bool is case-insensitive', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:SecureTransport': 'TRUE' } }, 'allow']]);
    expectDecisions(allow({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci-*' } }), [
      ['any account', { action: 'a:b', resource: 'r', principal: role('444455556666', 'ci-build') }, 'allow'],
      ['not an ARN never matches an ARN operator', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:PrincipalArn': 'ci-build' } }, 'implicit-deny'],
    ]);
  });

  it('policy variables in 2012-10-17 documents, literal in 2008-10-17 ones', () => {
    const stmt = { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' };
    expectDecisions(policy(stmt), [
      ['own folder', { action: 's3:GetObject', resource: 'arn:aws:s3:::home/alice/k', principal: me, context: { 'aws:username': 'alice' } }, 'allow'],
      ["someone else's", { action: 's3:GetObject', resource: 'arn:aws:s3:::home/bob/k', principal: me, context: { 'aws:username': 'alice' } }, 'implicit-deny'],
      ['the variable is missing: matches nothing', { action: 's3:GetObject', resource: 'arn:aws:s3:::home//k', principal: me }, 'implicit-deny'],
    ]);
    expectDecisions(policy(stmt, '2008-10-17'), [['2008: the text is literal', { action: 's3:GetObject', resource: 'arn:aws:s3:::home/${aws:username}/k', principal: me, context: { 'aws:username': 'alice' } }, 'allow']]);
    expectDecisions(allow({ StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } }), [
      ['same account', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:ResourceAccount': '111122223333' } }, 'allow'],
      ['other account', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:ResourceAccount': '444455556666' } }, 'implicit-deny'],
    ]);
    expectDecisions(allow({ StringEquals: { 'aws:PrincipalTag/team': "${aws:PrincipalTag/missing, 'none'}" } }), [['a default value', { action: 'a:b', resource: 'r', principal: me, context: { 'aws:PrincipalTag/team': 'none' } }, 'allow']]);
  });
});
