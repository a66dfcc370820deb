import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import type { PlanJson } from '../../src/collect/terraform/plan-types.js';
import { isUnknown } from '../../src/model/unknown.js';
import { inventoryOf, planPath } from '../helpers/fixtures.js';

/** Customer prefix lists whose entries are separate aws_ec2_managed_prefix_list_entry resources. */
describe('separate prefix list entries', () => {
  const inv = inventoryOf('prefix-list-entries');
  const cidrsOf = (key: string) => inv.prefixLists.get(key)?.cidrs;

  it('are the entries of a list the plan creates, whose own entry attribute is known only after apply', () => {
    expect(cidrsOf('aws_ec2_managed_prefix_list.anywhere')).toEqual(['0.0.0.0/0']);
    expect(cidrsOf('aws_ec2_managed_prefix_list.corp')).toEqual(['10.0.0.0/8']);
  });

  it('an entry whose list cannot be told makes the lists of its module unknown, naming it, and only those', () => {
    const partner = cidrsOf('module.partner.aws_ec2_managed_prefix_list.partner');
    expect(isUnknown(partner) && partner.reason).toMatch(/^module\.partner\.aws_ec2_managed_prefix_list_entry\.partner may add an entry to module\.partner\.aws_ec2_managed_prefix_list\.partner: which prefix list it belongs to cannot be told \(.*local\.list_id/);
    expect(inv.diagnostics.some((d) => d.code === 'unresolved-reference' && d.subject?.key === 'module.partner.aws_ec2_managed_prefix_list_entry.partner')).toBe(true);
  });

  it('change the known entries of a list that exists: those created are added, those destroyed removed', () => {
    // The fixture's plan turned into an update of an existing list (Terraform cannot plan one offline): the
    // list holds 10.0.0.0/8 and 192.168.0.0/16; the plan destroys the entry of the second and creates one more.
    const plan = JSON.parse(readFileSync(planPath('prefix-list-entries'), 'utf8')) as PlanJson;
    const id = 'pl-0c0c0c0c0c0c0c0c0';
    const entry = (name: string, actions: string[], cidr: string) => ({
      address: `aws_ec2_managed_prefix_list_entry.${name}`, mode: 'managed', type: 'aws_ec2_managed_prefix_list_entry', name,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: actions[0] === 'delete'
        ? { actions, before: { id: `${id},${cidr}`, cidr, prefix_list_id: id, description: null }, after: null, after_unknown: {} }
        : { actions, before: null, after: { cidr, prefix_list_id: id, description: null }, after_unknown: { id: true } },
    });
    const changes = plan.resource_changes!.map((rc) => {
      if (rc.address !== 'aws_ec2_managed_prefix_list.corp') return rc;
      const values = { ...(rc.change!.after as Record<string, unknown>), id, arn: `arn:aws:ec2:eu-west-1:111122223333:prefix-list/${id}`, entry: [{ cidr: '10.0.0.0/8', description: null }, { cidr: '192.168.0.0/16', description: null }] };
      return { ...rc, change: { ...rc.change, actions: ['no-op'], before: values, after: values, after_unknown: {} } };
    });
    changes.push(entry('lab', ['delete'], '192.168.0.0/16') as never, entry('vpn', ['create'], '172.16.0.0/12') as never);
    const updated = collectPlan({ ...plan, resource_changes: changes }, 'update.json');
    expect(updated.prefixLists.get('aws_ec2_managed_prefix_list.corp')?.cidrs).toEqual(['10.0.0.0/8', '172.16.0.0/12']);
  });
});
