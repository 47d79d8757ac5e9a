import { describe, expect, it } from 'vitest';
import { parseDocument, validateTopology, type Document, type Topology } from '../../../src/model/index.ts';

/** 10 VPCs x 100 subnets (1,000), one route table per subnet (1,000), 20 instances per subnet (20,000). */
function largeTopology(): Topology {
  const t: Required<
    Pick<
      Topology,
      'vpcs' | 'subnets' | 'routeTables' | 'networkAcls' | 'securityGroups' | 'instances' | 'internetGateways'
    >
  > = {
    vpcs: [],
    subnets: [],
    routeTables: [],
    networkAcls: [],
    securityGroups: [],
    instances: [],
    internetGateways: [],
  };
  for (let v = 0; v < 10; v++) {
    const vpcId = `vpc-${v}`;
    t.vpcs.push({ id: vpcId, cidrBlocks: [`10.${v}.0.0/16`] });
    t.internetGateways.push({ id: `igw-${v}`, vpcId });
    t.securityGroups.push({
      id: `sg-${v}`,
      vpcId,
      inbound: [
        { protocol: 'tcp', ports: '443', source: '0.0.0.0/0' },
        { protocol: 'tcp', ports: '22', source: `sg-${v}` },
      ],
    });
    t.networkAcls.push({
      id: `acl-${v}`,
      vpcId,
      default: true,
      inbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    for (let s = 0; s < 100; s++) {
      const subnetId = `sn-${v}-${s}`;
      t.subnets.push({
        id: subnetId,
        vpcId,
        availabilityZone: `us-east-1${'abc'[s % 3]}`,
        cidrBlock: `10.${v}.${s}.0/24`,
      });
      t.routeTables.push({
        id: `rtb-${v}-${s}`,
        vpcId,
        main: s === 0,
        subnetIds: [subnetId],
        routes: [
          { destination: `10.${v}.0.0/16`, target: 'local' },
          { destination: '0.0.0.0/0', target: `igw-${v}` },
          { destination: '172.16.0.0/12', target: `pcx-gone-${s}` },
        ],
      });
      for (let i = 0; i < 20; i++) {
        t.instances.push({
          id: `i-${v}-${s}-${i}`,
          subnetId,
          privateIp: `10.${v}.${s}.${10 + i}`,
          publicIp: `54.${v}.${s}.${10 + i}`,
          securityGroupIds: [`sg-${v}`],
        });
      }
    }
  }
  return t;
}

describe('performance', () => {
  it('validates 20,000 instances, 1,000 subnets and 1,000 route tables well under a second', () => {
    const topology = largeTopology();
    validateTopology(topology); // warm-up (JIT)
    const start = performance.now();
    const diagnostics = validateTopology(topology);
    const elapsed = performance.now() - start;
    expect(diagnostics).toEqual([]);
    expect(elapsed).toBeLessThan(500);
  });

  it('still reports every problem at that size, in document order', () => {
    const topology = largeTopology();
    const last = topology.instances!.length - 1;
    topology.instances![last]!.privateIp = topology.instances![0]!.privateIp.replace(/\.\d+$/, '.0');
    topology.instances![5]!.privateIp = topology.instances![4]!.privateIp;
    const diagnostics = validateTopology(topology);
    expect(diagnostics.map((d) => [d.code, d.resourceId])).toEqual([
      ['CFG_IP_IN_USE', topology.instances![5]!.id],
      ['CFG_IP_NOT_IN_SUBNET', topology.instances![last]!.id],
    ]);
  });

  it('parses the same document in well under two seconds', () => {
    const doc: Document = { format: 'vpcsim/1', topology: largeTopology() };
    const text = JSON.stringify(doc);
    const start = performance.now();
    const r = parseDocument(text);
    const elapsed = performance.now() - start;
    expect(r.diagnostics).toEqual([]);
    expect(elapsed).toBeLessThan(2000);
  });
});
