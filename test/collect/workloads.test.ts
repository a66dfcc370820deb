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

describe('security groups attached to network interfaces (aws_network_interface_sg_attachment)', () => {
  const inv = inventoryOf('sg-attachment');
  const groupsOf = (key: string) => inv.workloads.get(key)!.securityGroups;

  it('join the groups of the instance whose primary interface, or whose named interface, they are attached to', () => {
    expect(groupsOf('aws_instance.app').keys.sort()).toEqual(['aws_security_group.closed', 'aws_security_group.s3_out']);
    expect(groupsOf('aws_instance.worker').keys.sort()).toEqual(['aws_security_group.closed', 'aws_security_group.s3_out']);
    expect(groupsOf('aws_instance.batch')).toEqual({ keys: ['aws_security_group.closed'], external: [] });
  });

  it('one whose interface cannot be told leaves the groups of the instances it may belong to partly unknown, naming it', () => {
    const legacy = groupsOf('module.legacy.aws_instance.this');
    expect(legacy.keys).toEqual(['aws_security_group.closed']);
    expect(legacy.unresolved).toMatch(/^module\.legacy\.aws_network_interface_sg_attachment\.this may attach a security group to module\.legacy\.aws_instance\.this: which network interface it attaches to cannot be told \(.*local\.eni/);
    expect(groupsOf('aws_instance.batch').unresolved).toBeUndefined();
    // And says so, as every resource whose owner cannot be told does.
    const notes = inv.diagnostics.filter((d) => d.code === 'unresolved-reference' && d.subject?.key === 'module.legacy.aws_network_interface_sg_attachment.this');
    expect(notes.map((d) => d.message)).toEqual([expect.stringMatching(/cannot tell which network interface it attaches to \(.*local\.eni.*\); the instances it may attach to count as having partly unknown security groups$/)]);
  });
});
