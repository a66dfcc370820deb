import { describe, expect, it } from 'vitest';
import { organizationId } from '../../src/collect/aws/accounts.js';

describe('organizationId', () => {
  it('reads the id from an account ARN, whatever the partition', () => {
    expect(organizationId([{ Id: '111122223333', Arn: 'arn:aws:organizations::111122223333:account/o-a1b2c3d4e5/111122223333' }])).toBe('o-a1b2c3d4e5');
    expect(organizationId([{ Id: '1' }, { Id: '2', Arn: 'arn:aws-us-gov:organizations::111122223333:account/o-zz9988776655/2' }])).toBe('o-zz9988776655');
  });

  it('is undefined when no ARN names an organization', () => {
    expect(organizationId([])).toBeUndefined();
    expect(organizationId([{ Id: '1', Arn: 'arn:aws:iam::111122223333:root' }])).toBeUndefined();
  });
});
