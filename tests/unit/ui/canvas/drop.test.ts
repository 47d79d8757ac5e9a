// Palette drops and two-step gestures: the container under the pointer decides the request.
import { describe, expect, it } from 'vitest';
import { completePending, resolveActivation, resolveDrop } from '../../../../src/ui/canvas/drop.ts';
import {
  PALETTE_ITEMS,
  decodePaletteDrag,
  encodePaletteDrag,
  type PaletteItem,
} from '../../../../src/ui/canvas/palette-items.ts';
import { toFlow } from '../../../../src/ui/canvas/to-flow.ts';
import type { CanvasNode } from '../../../../src/ui/canvas/types.ts';
import { absolute, center, scenario } from './helpers.ts';

function item(id: string): PaletteItem {
  const found = PALETTE_ITEMS.find((i) => i.id === id);
  if (found === undefined) throw new Error(id);
  return found;
}

const nodesOf = (name: string): CanvasNode[] => toFlow(scenario(name), { diagnostics: [], selection: [] }).nodes;
const nat = nodesOf('public-private-nat');

describe('palette items', () => {
  it('have unique ids and round-trip through a drag payload', () => {
    expect(new Set(PALETTE_ITEMS.map((i) => i.id)).size).toBe(PALETTE_ITEMS.length);
    for (const i of PALETTE_ITEMS) expect(decodePaletteDrag(encodePaletteDrag(i))).toBe(i);
    expect(decodePaletteDrag('instance')).toBe(item('instance'));
    expect(decodePaletteDrag('{"id":')).toBeUndefined();
    expect(decodePaletteDrag('nothing')).toBeUndefined();
  });
});

describe('resolveDrop', () => {
  it('puts an instance into the subnet under the pointer, centred there', () => {
    const p = center(nat, 'subnet-app-a');
    const out = resolveDrop(item('instance'), p, nat);
    expect(out.type).toBe('create');
    if (out.type !== 'create' || out.request.kind !== 'instance') return;
    expect(out.request.subnetId).toBe('subnet-app-a');
    const s = absolute(nat, 'subnet-app-a');
    expect(out.request.position).toEqual({ x: Math.round(p.x - s.x - 86), y: Math.round(p.y - s.y - 24) });
  });

  it('finds the subnet through a box inside it', () => {
    const out = resolveDrop(item('natGateway'), center(nat, 'i-web'), nat);
    expect(out).toMatchObject({ type: 'create', request: { kind: 'natGateway', subnetId: 'subnet-public-a' } });
  });

  it('refuses an instance outside every subnet', () => {
    const vpc = absolute(nat, 'vpc-main');
    expect(resolveDrop(item('instance'), { x: vpc.x + 5, y: vpc.y + 5 }, nat)).toEqual({
      type: 'refuse',
      reason: expect.any(String) as unknown,
    });
    expect(resolveDrop(item('networkInterface'), { x: -5000, y: -5000 }, nat).type).toBe('refuse');
  });

  it('puts a subnet in the AZ of the band under the pointer, in the VPC frame while the band is derived', () => {
    const band = nat.find((n) => n.id === 'vpc-main/us-east-1b');
    const a = absolute(nat, 'vpc-main/us-east-1b');
    const p = { x: a.x + 220, y: a.y + 60 };
    const out = resolveDrop(item('subnet'), p, nat);
    expect(out).toMatchObject({
      type: 'create',
      request: { kind: 'subnet', vpcId: 'vpc-main', availabilityZone: 'us-east-1b' },
    });
    if (out.type !== 'create' || out.request.kind !== 'subnet' || band === undefined) return;
    const vpc = absolute(nat, 'vpc-main');
    expect(out.request.position).toEqual({ x: Math.round(p.x - vpc.x - 210), y: Math.round(p.y - vpc.y - 56) });
  });

  it('attaches gateways and endpoints to the VPC, on its top edge', () => {
    const p = center(nat, 'subnet-db-b');
    const igw = resolveDrop(item('internetGateway'), p, nat);
    expect(igw).toMatchObject({
      type: 'create',
      request: { kind: 'internetGateway', vpcId: 'vpc-main', position: { y: -24 } },
    });
    const s3 = resolveDrop(item('vpcEndpoint-s3'), p, nat);
    expect(s3).toMatchObject({ type: 'create', request: { kind: 'vpcEndpoint', type: 'gateway', service: 's3' } });
    const sqs = resolveDrop(item('vpcEndpoint-interface'), p, nat);
    expect(sqs).toMatchObject({
      type: 'create',
      request: { type: 'interface', service: 'com.amazonaws.us-east-1.sqs' },
    });
    expect(resolveDrop(item('routeTable'), p, nat)).toEqual({
      type: 'create',
      request: { kind: 'routeTable', vpcId: 'vpc-main' },
    });
    expect(resolveDrop(item('securityGroup'), { x: -3000, y: 0 }, nat).type).toBe('refuse');
  });

  it('puts a VPC in the region under the pointer, or in us-east-1 on the empty canvas', () => {
    const cross = nodesOf('tgw-peering-cross-region');
    const eu = absolute(cross, 'region/eu-west-1');
    const inEu = resolveDrop(item('vpc'), { x: eu.x + 30, y: eu.y + 30 }, cross);
    expect(inEu).toMatchObject({ type: 'create', request: { kind: 'vpc', region: 'eu-west-1' } });
    const outside = resolveDrop(item('transitGateway'), { x: -2000, y: -2000 }, cross);
    expect(outside).toMatchObject({ type: 'create', request: { kind: 'transitGateway', region: 'us-east-1' } });
    // The region is derived (old layout): the VPC's entry is read in canvas coordinates.
    const vpc = resolveDrop(item('vpc'), { x: 2000, y: 2000 }, nat);
    expect(vpc).toMatchObject({ type: 'create', request: { position: { x: 2000 - 230, y: 2000 - 100 } } });
  });

  it('keeps external hosts out of the regions', () => {
    expect(resolveDrop(item('externalHost'), center(nat, 'vpc-main'), nat).type).toBe('refuse');
    expect(resolveDrop(item('externalHost'), { x: 3000, y: 100 }, nat)).toMatchObject({
      type: 'create',
      request: { kind: 'externalHost', position: { x: 3000 - 86, y: 100 - 24 } },
    });
    expect(resolveDrop(item('prefixList'), { x: 0, y: 0 }, nat)).toEqual({
      type: 'create',
      request: { kind: 'prefixList' },
    });
  });
});

describe('peering and attachment gestures', () => {
  it('peers at once when there is one other VPC, placed between the two', () => {
    const two = nodesOf('peering-route-one-side');
    const out = resolveDrop(item('vpcPeeringConnection'), center(two, 'subnet-app-a'), two);
    expect(out).toMatchObject({
      type: 'create',
      request: { kind: 'vpcPeeringConnection', requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-b' },
    });
  });

  it('waits for a click on the second VPC when there are several', () => {
    const three = nodesOf('peering-triangle-no-transit');
    const out = resolveDrop(item('vpcPeeringConnection'), center(three, 'vpc-a'), three);
    expect(out).toEqual({ type: 'pending', pending: { kind: 'peering', requesterVpcId: 'vpc-a' } });
    if (out.type !== 'pending') return;
    expect(completePending(out.pending, 'i-app-c', three)).toMatchObject({
      type: 'create',
      request: { requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-c' },
    });
    expect(completePending(out.pending, 'subnet-app-a', three).type).toBe('refuse');
    expect(completePending(out.pending, 'pcx-ab', three).type).toBe('refuse');
  });

  it('refuses a peering with a single VPC', () => {
    expect(resolveDrop(item('vpcPeeringConnection'), center(nat, 'vpc-main'), nat).type).toBe('refuse');
  });

  it('attaches a VPC to the only transit gateway, or waits for a click on one', () => {
    const hub = nodesOf('tgw-hub-spoke-isolated');
    expect(resolveDrop(item('transitGatewayAttachment'), center(hub, 'vpc-dev'), hub)).toEqual({
      type: 'create',
      request: { kind: 'transitGatewayAttachment', transitGatewayId: 'tgw-hub', vpcId: 'vpc-dev' },
    });
    const fromTgw = resolveDrop(item('transitGatewayAttachment'), center(hub, 'tgw-hub'), hub);
    expect(fromTgw).toEqual({ type: 'pending', pending: { kind: 'attachmentFromTgw', transitGatewayId: 'tgw-hub' } });
    if (fromTgw.type === 'pending') {
      expect(completePending(fromTgw.pending, 'subnet-prod-app', hub)).toMatchObject({
        type: 'create',
        request: { transitGatewayId: 'tgw-hub', vpcId: 'vpc-prod' },
      });
    }
    const cross = nodesOf('tgw-peering-cross-region');
    const fromVpc = resolveDrop(item('transitGatewayAttachment'), center(cross, 'vpc-app'), cross);
    expect(fromVpc).toEqual({ type: 'pending', pending: { kind: 'attachmentFromVpc', vpcId: 'vpc-app' } });
    if (fromVpc.type === 'pending') {
      expect(completePending(fromVpc.pending, 'vpc-reporting', cross).type).toBe('refuse');
      expect(completePending(fromVpc.pending, 'tgw-euw1', cross)).toMatchObject({
        type: 'create',
        request: { transitGatewayId: 'tgw-euw1', vpcId: 'vpc-app' },
      });
    }
    expect(resolveDrop(item('transitGatewayAttachment'), center(nat, 'vpc-main'), nat)).toMatchObject({
      type: 'refuse',
    });
  });
});

describe('resolveActivation (keyboard)', () => {
  const doc = scenario('peering-triangle-no-transit');

  it('creates into the selected container, without a position', () => {
    expect(resolveActivation(item('instance'), ['subnet-svc-b'], doc)).toEqual({
      type: 'create',
      request: { kind: 'instance', subnetId: 'subnet-svc-b' },
    });
    expect(resolveActivation(item('instance'), [], doc).type).toBe('refuse');
    expect(resolveActivation(item('vpc'), [], doc)).toEqual({
      type: 'create',
      request: { kind: 'vpc', region: 'us-east-1' },
    });
  });

  it('takes both ends of a peering from the selection', () => {
    expect(resolveActivation(item('vpcPeeringConnection'), ['vpc-a', 'vpc-c'], doc)).toMatchObject({
      type: 'create',
      request: { requesterVpcId: 'vpc-a', accepterVpcId: 'vpc-c' },
    });
    expect(resolveActivation(item('vpcPeeringConnection'), ['vpc-a'], doc).type).toBe('refuse');
  });
});
