import { describe, expect, it } from 'vitest';
import { inventoryOf } from '../helpers/fixtures.js';

describe('workloads from a plan', () => {
  it('instances, Lambda VPC config, ECS awsvpc services and launch templates placed by Auto Scaling groups', () => {
    const inv = inventoryOf('interface-done-right');
    const all = ['a', 'b', 'c'].map((z) => `aws_subnet.private["${z}"]`);
    const picture = Object.fromEntries([...inv.workloads.values()].map((w) => [w.ref.key, { kind: w.workloadKind, subnets: w.subnets.keys, groups: w.securityGroups.keys }]));
    expect(picture).toEqual({
      'aws_instance.app': { kind: 'instance', subnets: ['aws_subnet.private["a"]'], groups: ['aws_security_group.app'] },
      'aws_lambda_function.worker': { kind: 'lambda', subnets: all, groups: ['aws_security_group.worker'] },
      'aws_ecs_service.api': { kind: 'ecs-service', subnets: all, groups: ['aws_security_group.worker'] },
      'aws_launch_template.batch': { kind: 'launch-template', subnets: all, groups: ['aws_security_group.app'] },
    });
  });

  it('a workload that names no group gets its VPC\'s default group: AWS\'s own, or the one Terraform manages', () => {
    const inv = inventoryOf('sg-egress-blocks-gateway');
    expect(inv.workloads.get('aws_instance.aws_default_group')!.securityGroups.keys).toEqual(['aws_vpc.aws_default#default_security_group']);
    expect(inv.workloads.get('aws_instance.default_group')!.securityGroups.keys).toEqual(['aws_default_security_group.managed_default']);
    expect(inventoryOf('nat-instance').workloads.get('aws_instance.nat')!.securityGroups.keys).toEqual(['aws_vpc.main#default_security_group']);
  });

  it('a Lambda function without a VPC config is not in a VPC', () => {
    const inv = inventoryOf('sg-egress-blocks-gateway');
    expect([...inv.workloads.values()].filter((w) => w.workloadKind === 'lambda').map((w) => w.ref.key)).toEqual(['aws_lambda_function.worker']);
  });
});
