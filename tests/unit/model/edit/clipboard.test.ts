// copyInstances / pasteInstances: copies are independent, pasted instances get fresh ids, free
// addresses and groups of their VPC, and every scenario stays loadable after a paste.
import { describe, expect, it } from 'vitest';
import { copyInstances, pasteInstances, type Document } from '../../../../src/model/index.ts';
import { clone, errorKeys, expectLoadable, scenarios } from './fixtures.ts';

function doc(): Document {
  return {
    format: 'vpcsim/1',
    topology: {
      vpcs: [
        { id: 'v1', cidrBlocks: ['10.0.0.0/16'] },
        { id: 'v2', cidrBlocks: ['10.1.0.0/16'] },
      ],
      subnets: [
        { id: 's1', vpcId: 'v1', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
        { id: 's2', vpcId: 'v2', availabilityZone: 'us-east-1a', cidrBlock: '10.1.1.0/24' },
      ],
      securityGroups: [
        { id: 'sg-web', vpcId: 'v1' },
        { id: 'sg-v2', name: 'default', vpcId: 'v2' },
      ],
      instances: [
        {
          id: 'i-web-1',
          name: 'web',
          subnetId: 's1',
          privateIp: '10.0.1.10',
          secondaryPrivateIps: ['10.0.1.11'],
          publicIp: '192.0.2.50',
          securityGroupIds: ['sg-web'],
          os: 'windows',
          primaryInterfaceId: 'eni-web',
        },
      ],
    },
    layout: { 'i-web-1': { x: 10, y: 20, width: 80, height: 40 } },
  };
}

describe('copyInstances', () => {
  it('deep-copies the instances and their layout entries, ignoring other ids', () => {
    const d = doc();
    const payload = copyInstances(d, ['i-web-1', 's1', 'nothing']);
    expect(payload.instances).toEqual(d.topology.instances);
    expect(payload.layout).toEqual({ 'i-web-1': { x: 10, y: 20, width: 80, height: 40 } });
    payload.instances[0]!.securityGroupIds.push('x');
    expect(d.topology.instances?.[0]?.securityGroupIds).toEqual(['sg-web']);
  });
});

describe('pasteInstances', () => {
  it('pastes into the original subnet with a new id and address, no public IP, offset position', () => {
    const d = doc();
    const payload = copyInstances(d, ['i-web-1']);
    const ids = pasteInstances(d, payload);
    expect(ids).toEqual(['i-web-2']);
    expect(d.topology.instances?.[1]).toEqual({
      id: 'i-web-2',
      name: 'web',
      subnetId: 's1',
      privateIp: '10.0.1.4',
      securityGroupIds: ['sg-web'],
      os: 'windows',
    });
    expect(d.layout?.['i-web-2']).toEqual({ x: 34, y: 44, width: 80, height: 40 });
    expect(pasteInstances(d, payload)).toEqual(['i-web-3']);
    expect(d.topology.instances?.[2]?.privateIp).toBe('10.0.1.5');
    expectLoadable(d, errorKeys(doc()));
  });

  it('uses the target VPC default group when the groups belong to another VPC', () => {
    const d = doc();
    const ids = pasteInstances(d, copyInstances(d, ['i-web-1']), 's2');
    const pasted = d.topology.instances!.find((i) => i.id === ids[0])!;
    expect(pasted.subnetId).toBe('s2');
    expect(pasted.privateIp).toBe('10.1.1.4');
    expect(pasted.securityGroupIds).toEqual(['sg-v2']);
    expectLoadable(d, errorKeys(doc()));
  });

  it('skips an instance whose subnet is gone', () => {
    const d = doc();
    const payload = copyInstances(d, ['i-web-1']);
    d.topology.instances = [];
    d.topology.subnets = d.topology.subnets!.filter((s) => s.id !== 's1');
    expect(pasteInstances(d, payload)).toEqual([]);
  });

  it.each(scenarios)(
    '%s: pasting every instance, in place and into the first subnet, stays loadable',
    (_n, original) => {
      const before = errorKeys(original);
      const ids = (original.topology.instances ?? []).map((i) => i.id);
      const payload = copyInstances(original, ids);
      const inPlace = clone(original);
      expect(pasteInstances(inPlace, payload)).toHaveLength(ids.length);
      expectLoadable(inPlace, before);
      const first = (original.topology.subnets ?? []).find((s) => s.cidrBlock !== undefined);
      if (first) {
        const moved = clone(original);
        const pasted = pasteInstances(moved, payload, first.id);
        expect(pasted).toHaveLength(ids.length);
        expectLoadable(moved, before);
      }
    },
  );
});
