import { describe, expect, it } from 'vitest';
import { freshId } from '../../src/policy/fresh-ids.js';
import { placeholderName } from '../../src/model/placeholders.js';
import { parsePolicyText, type Policy } from '../../src/policy/index.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';

/** Two endpoints the plan creates (ids unknown) and one a data source reads, in one VPC the plan creates. */
function network() {
  const b = new InventoryBuilder('eu-west-1');
  const vpc = b.vpc('main');
  const fresh = b.endpoint(vpc, 's3', { name: 'fresh' });
  const other = b.endpoint(vpc, 's3', { name: 'other' });
  const lookedUp = b.endpoint(vpc, 's3', { name: 'looked_up' });
  lookedUp.ref.key = lookedUp.ref.address = 'data.aws_vpc_endpoint.looked_up';
  lookedUp.ref.type = 'data.aws_vpc_endpoint';
  b.inv.vpcEndpoints.set(lookedUp.ref.key, lookedUp);
  const known = b.endpoint(vpc, 's3', { name: 'known' });
  known.ref.id = 'vpce-0known';
  return { inv: b.inv, vpc, fresh, other, lookedUp, known };
}

function fence(operator: string, values: string[]): Policy {
  const parsed = parsePolicyText(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { [operator]: { 'aws:SourceVpce': values } } }] }));
  if (!parsed.ok) throw new Error('invalid policy');
  return parsed.policy;
}

const id = (key: string) => placeholderName(key, 'id');

describe('the id of an endpoint the plan creates, in a policy that does not name it', () => {
  it('is none of the literal ids and none of the other managed endpoints\' ids: a stand-in that matches none', () => {
    const { inv, fresh, other } = network();
    const policy = fence('StringNotEquals', ['vpce-0abc', id(other.ref.key)]);
    const got = freshId(inv, policy, { [id(other.ref.key)]: [other.ref.key] }, fresh.ref, 'aws:sourcevpce');
    expect(got?.note).toContain(`the id of ${fresh.ref.address}, known only after apply, is new`);
    expect(['vpce-0abc', id(other.ref.key)]).not.toContain(got!.value);
    // Patterns every endpoint id matches, and Null, tell nothing about which endpoint it is.
    expect(freshId(inv, fence('StringNotLike', ['vpce-*']), {}, fresh.ref, 'aws:sourcevpce')).toBeDefined();
  });

  it('is not told apart from a pattern, an id a data source reads, its own id, or a value built from one known only after apply', () => {
    const { inv, fresh, lookedUp } = network();
    expect(freshId(inv, fence('StringNotLike', ['vpce-0a*']), {}, fresh.ref, 'aws:sourcevpce')).toBeUndefined();
    expect(freshId(inv, fence('StringNotEquals', [id(lookedUp.ref.key)]), { [id(lookedUp.ref.key)]: [lookedUp.ref.key] }, fresh.ref, 'aws:sourcevpce')).toBeUndefined();
    expect(freshId(inv, fence('StringNotEquals', [id(fresh.ref.key)]), { [id(fresh.ref.key)]: [fresh.ref.key] }, fresh.ref, 'aws:sourcevpce')).toBeUndefined();
    const arn = placeholderName('aws_vpc_endpoint.other', 'arn');
    expect(freshId(inv, fence('StringNotEquals', [arn]), { [arn]: ['aws_vpc_endpoint.other'] }, fresh.ref, 'aws:sourcevpce')).toBeUndefined();
    expect(freshId(inv, fence('StringNotEquals', [`x-${id('aws_vpc_endpoint.other')}`]), {}, fresh.ref, 'aws:sourcevpce')).toBeUndefined();
    expect(freshId(inv, fence('StringNotEquals', ['${aws:SourceVpc}']), {}, fresh.ref, 'aws:sourcevpce')).toBeUndefined();
  });

  it('only for a node the plan creates: not one with a known id, nor one a data source reads', () => {
    const { inv, known, lookedUp } = network();
    expect(freshId(inv, fence('StringNotEquals', ['vpce-0abc']), {}, known.ref, 'aws:sourcevpce')).toBeUndefined();
    expect(freshId(inv, fence('StringNotEquals', ['vpce-0abc']), {}, lookedUp.ref, 'aws:sourcevpce')).toBeUndefined();
  });
});
