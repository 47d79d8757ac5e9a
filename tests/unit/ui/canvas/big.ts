// A generated network of about a thousand boxes, for the canvas's performance tests.
import type { Document } from '../../../../src/model/index.ts';

/** A network of about `target` boxes: VPCs of 4 subnets in 2 AZs with instances, peered in a chain. */
export function bigDocument(target: number): Document {
  const doc: Document = { format: 'vpcsim/1', topology: {} };
  const t = doc.topology;
  t.vpcs = [];
  t.subnets = [];
  t.instances = [];
  t.routeTables = [];
  t.internetGateways = [];
  t.natGateways = [];
  t.vpcPeeringConnections = [];
  let count = 0;
  for (let v = 0; count < target; v++) {
    const vpc = `vpc-${v}`;
    t.vpcs.push({ id: vpc, cidrBlocks: [`10.${v}.0.0/16`], region: v % 2 === 0 ? 'us-east-1' : 'eu-west-1' });
    t.internetGateways.push({ id: `igw-${v}`, vpcId: vpc });
    t.routeTables.push({
      id: `rtb-pub-${v}`,
      vpcId: vpc,
      subnetIds: [`s-${v}-0`, `s-${v}-1`],
      routes: [{ destination: '0.0.0.0/0', target: `igw-${v}` }],
    });
    t.routeTables.push({
      id: `rtb-priv-${v}`,
      vpcId: vpc,
      main: true,
      routes: [{ destination: '0.0.0.0/0', target: `nat-${v}` }],
    });
    if (v > 0) t.vpcPeeringConnections.push({ id: `pcx-${v}`, requesterVpcId: `vpc-${v - 1}`, accepterVpcId: vpc });
    count += 5;
    for (let s = 0; s < 4; s++) {
      const subnet = `s-${v}-${s}`;
      t.subnets.push({
        id: subnet,
        vpcId: vpc,
        availabilityZone: s % 2 === 0 ? 'us-east-1a' : 'us-east-1b',
        cidrBlock: `10.${v}.${s}.0/24`,
      });
      count += 1;
      for (let i = 0; i < 10; i++) {
        t.instances.push({
          id: `i-${v}-${s}-${i}`,
          subnetId: subnet,
          privateIp: `10.${v}.${s}.${10 + i}`,
          securityGroupIds: [],
        });
        count += 1;
      }
    }
    t.natGateways.push({ id: `nat-${v}`, subnetId: `s-${v}-0`, publicIp: `3.0.${v}.1` });
  }
  return doc;
}
