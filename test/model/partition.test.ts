import { describe, expect, it } from 'vitest';
import { aRegionOf, partitionFor, partitionOfArn, partitionOfRef, partitionOfRegion, s3Arn, writtenPartition } from '../../src/model/partition.js';

describe('partitions', () => {
  it('of regions, as the AWS SDK partition table has them', () => {
    expect(partitionOfRegion('eu-west-1')).toBe('aws');
    expect(partitionOfRegion('us-east-1')).toBe('aws');
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('us-gov-east-1')).toBe('aws-us-gov');
    expect(partitionOfRegion('cn-north-1')).toBe('aws-cn');
    expect(partitionOfRegion('cn-northwest-1')).toBe('aws-cn');
    expect(partitionOfRegion('us-iso-east-1')).toBe('aws-iso');
    expect(partitionOfRegion('us-isob-east-1')).toBe('aws-iso-b');
    expect(partitionOfRegion('eu-isoe-west-1')).toBe('aws-iso-e');
    expect(partitionOfRegion('us-isof-south-1')).toBe('aws-iso-f');
    expect(partitionOfRegion('eusc-de-east-1')).toBe('aws-eusc');
  });

  it('of ARNs; a wildcard partition is none in particular', () => {
    expect(partitionOfArn('arn:aws-us-gov:s3:::b/*')).toBe('aws-us-gov');
    expect(partitionOfArn('arn:aws:iam::111122223333:root')).toBe('aws');
    expect(partitionOfArn('arn:*:s3:::b')).toBeUndefined();
    expect(partitionOfArn('arn:aws*:s3:::b')).toBeUndefined();
    expect(partitionOfArn('*')).toBeUndefined();
  });

  it('of a node: its ARN first (live scans), then its region', () => {
    expect(partitionOfRef({ arn: 'arn:aws-cn:s3:::b', region: 'eu-west-1' })).toBe('aws-cn');
    expect(partitionOfRef({ region: 'us-gov-west-1' })).toBe('aws-us-gov');
    expect(partitionOfRef({})).toBeUndefined();
  });

  it('written by a policy: only when its ARNs agree on one', () => {
    expect(writtenPartition(['*', 'arn:aws-us-gov:s3:::a', 'arn:aws-us-gov:s3:::a/*'])).toBe('aws-us-gov');
    expect(writtenPartition(['arn:aws:s3:::a', 'arn:aws-us-gov:s3:::a'])).toBeUndefined();
    expect(writtenPartition(['*'])).toBeUndefined();
  });

  it('of a resource a policy is about: the node, then the policy, then the commercial partition', () => {
    expect(partitionFor({ region: 'us-gov-west-1' }, ['arn:aws:s3:::a'])).toBe('aws-us-gov');
    expect(partitionFor({}, ['arn:aws-cn:s3:::a'])).toBe('aws-cn');
    expect(partitionFor({}, ['*'])).toBe('aws');
  });

  it('writes S3 ARNs of buckets and objects', () => {
    expect(s3Arn('aws-us-gov', 'b')).toBe('arn:aws-us-gov:s3:::b');
    expect(s3Arn('aws', 'b', '*')).toBe('arn:aws:s3:::b/*');
  });

  it('names a region of each partition, for stand-in resources there', () => {
    for (const p of ['aws', 'aws-us-gov', 'aws-cn', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']) expect(partitionOfRegion(aRegionOf(p))).toBe(p);
  });
});
