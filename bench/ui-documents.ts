// Editor documents for the UI benchmark, built deterministically (no randomness): VPCs of public and
// private subnets across two zones, instances in every subnet, an internet gateway and a public route
// table per VPC, and a complete layout (the app's own fallback grid), so opening one lays out nothing.
import type { Document, Instance, RouteTable, SecurityGroup, Subnet, Topology, Vpc } from '../src/model/index.ts';
// Deep imports of pure canvas modules (no React, no CSS): the layout the editor itself would draw.
import { fallbackLayout } from '../src/ui/canvas/auto-layout.ts';
import { buildCanvasTree } from '../src/ui/canvas/tree.ts';

export interface DocumentShape {
  vpcs: number;
  subnetsPerVpc: number;
  instancesPerSubnet: number;
}

/** About 300 canvas nodes: 5 VPCs × 4 subnets × 13 instances, plus VPC, zone, gateway boxes. */
export const SMALL: DocumentShape = { vpcs: 5, subnetsPerVpc: 4, instancesPerSubnet: 13 };
/** About 1,000 canvas nodes: 10 VPCs × 6 subnets × 15 instances, plus containers and gateways. */
export const LARGE: DocumentShape = { vpcs: 10, subnetsPerVpc: 6, instancesPerSubnet: 15 };

const REGION = 'us-east-1';
const ZONES = ['us-east-1a', 'us-east-1b'];

export function generateDocument(shape: DocumentShape, title: string): Document {
  if (shape.vpcs > 200 || shape.subnetsPerVpc > 250 || shape.instancesPerSubnet > 240) {
    throw new Error('generateDocument: the shape does not fit the 10.x.y.z address plan');
  }
  const vpcs: Vpc[] = [];
  const subnets: Subnet[] = [];
  const instances: Instance[] = [];
  const routeTables: RouteTable[] = [];
  const securityGroups: SecurityGroup[] = [];
  const internetGateways: { id: string; vpcId: string }[] = [];
  for (let v = 1; v <= shape.vpcs; v++) {
    const vpcId = `vpc-${v}`;
    const sgId = `sg-${v}`;
    const igwId = `igw-${v}`;
    vpcs.push({ id: vpcId, name: `VPC ${v}`, region: REGION, cidrBlocks: [`10.${v}.0.0/16`] });
    securityGroups.push({
      id: sgId,
      name: 'default',
      vpcId,
      inbound: [
        { protocol: 'all', source: sgId },
        { protocol: 'tcp', ports: '443', source: '0.0.0.0/0' },
      ],
      outbound: [{ protocol: 'all', destination: '0.0.0.0/0' }],
    });
    internetGateways.push({ id: igwId, vpcId });
    const publicSubnets: string[] = [];
    for (let s = 1; s <= shape.subnetsPerVpc; s++) {
      const subnetId = `subnet-${v}-${s}`;
      const isPublic = s % 2 === 1;
      subnets.push({
        id: subnetId,
        name: `${isPublic ? 'public' : 'private'} ${v}.${s}`,
        vpcId,
        availabilityZone: ZONES[(s - 1) % ZONES.length]!,
        cidrBlock: `10.${v}.${s}.0/24`,
      });
      if (isPublic) publicSubnets.push(subnetId);
      for (let i = 1; i <= shape.instancesPerSubnet; i++) {
        instances.push({
          id: `i-${v}-${s}-${i}`,
          name: `host ${v}.${s}.${i}`,
          subnetId,
          privateIp: `10.${v}.${s}.${9 + i}`,
          securityGroupIds: [sgId],
        });
      }
    }
    routeTables.push({ id: `rtb-${v}-main`, vpcId, main: true, routes: [] });
    routeTables.push({
      id: `rtb-${v}-public`,
      vpcId,
      subnetIds: publicSubnets,
      routes: [{ destination: '0.0.0.0/0', target: igwId }],
    });
  }
  const topology: Topology = { vpcs, subnets, routeTables, securityGroups, instances, internetGateways };
  const document: Document = { format: 'vpcsim/1', meta: { title }, topology, layout: {}, checks: [] };
  document.layout = fallbackLayout(document);
  return document;
}

/** How many boxes the canvas draws for `document` (regions, VPCs, zones, subnets, hosts, gateways). */
export function canvasNodeCount(document: Document): number {
  return buildCanvasTree(document).ordered.length;
}
