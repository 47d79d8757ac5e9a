// Worked tests of semantics.md section 9 (Transit Gateway), pipeline 12.4, the "TGW -> NAT" row of
// 12.9 and T-SG-05 (security-group references over a TGW, section 4.2), on F3 and its egress variant.
import { describe, expect, it } from 'vitest';
import { validateTopology } from '../../../../src/model/index.ts';
import type { Topology, TransitGatewayAttachment, TransitGatewayRouteTable } from '../../../../src/model/index.ts';
import type { PathComponent } from '../../../../src/engine/index.ts';
import {
  f3,
  f3WithEgressVpc,
  INTERNET_SERVER,
  NAT_E_PRIVATE_IP,
  NAT_E_PUBLIC_IP,
  routeTable,
  setSgInbound,
  withNacl,
  withoutRoute,
  withSubnet,
} from '../fixtures/index.ts';
import {
  component,
  expectBlocked,
  expectInOrder,
  expectReachable,
  ids,
  LINUX_EPHEMERAL,
  NAT_PORTS,
  primaryBlocker,
  run,
  translations,
} from './trace-helpers.ts';

const X1_TO_Y1 = { from: 'x1', to: 'y1', protocol: 'tcp', port: 443 } as const;
const X1_TO_Y2 = { from: 'x1', to: 'y2', protocol: 'tcp', port: 443 } as const;
const Y2_TO_X1 = { from: 'y2', to: 'x1', protocol: 'tcp', port: 443 } as const;
const X1_TO_SERVER = { from: 'x1', to: INTERNET_SERVER, protocol: 'tcp', port: 443 } as const;

function tgwRouteTable(t: Topology, id: string): TransitGatewayRouteTable {
  const found = t.transitGatewayRouteTables?.find((r) => r.id === id);
  if (!found) throw new Error(`fixture has no transit gateway route table ${id}`);
  return found;
}

function attachment(t: Topology, id: string): TransitGatewayAttachment {
  const found = t.transitGatewayAttachments?.find((a) => a.id === id);
  if (!found) throw new Error(`fixture has no transit gateway attachment ${id}`);
  return found;
}

/** T-TGW-04's fix: att-y also gets sn-y-tgw-b in AZ b (on rtb-y, like every vpc-y subnet). */
function withAttYInAzB(t: Topology): Topology {
  withSubnet(t, { id: 'sn-y-tgw-b', vpcId: 'vpc-y', availabilityZone: 'us-east-1b', cidrBlock: '10.20.255.16/28' });
  const att = attachment(t, 'att-y');
  att.subnetIds = [...(att.subnetIds ?? []), 'sn-y-tgw-b'];
  const rtb = routeTable(t, 'rtb-y');
  rtb.subnetIds = [...(rtb.subnetIds ?? []), 'sn-y-tgw-b'];
  return t;
}

const errorDiagnostics = (t: Topology) => validateTopology(t).filter((d) => d.severity === 'error');

/**
 * The NACL crossings of a path as "acl direction subnet". F3 has one default NACL per VPC, so the
 * subnet is what tells the workload subnet's crossing from the attachment subnet's (section 9.6).
 */
function naclCrossings(path: readonly PathComponent[]): string[] {
  return path
    .filter((c) => c.component.type === 'network-acl')
    .map((c) => `${c.component.id} ${String(c.trafficDirection)} ${String(c.subnet)}`);
}

/** The ids of the components reached for real (not by assuming an earlier blocker let the packet on). */
const realIds = (path: readonly PathComponent[]): string[] =>
  path.filter((c) => c.whatIf !== true).map((c) => c.component.id);

describe('F3 itself', () => {
  it('F3 is a configuration AWS accepts (no error diagnostics), so no trace on it is INVALID_CONFIG', () => {
    expect(errorDiagnostics(f3())).toEqual([]);
  });

  it('the centralized-egress variant of T-TGW-07 is a configuration AWS accepts too', () => {
    expect(errorDiagnostics(f3WithEgressVpc())).toEqual([]);
  });
});

describe('semantics.md 9 and 12.4: VPCs joined by a transit gateway', () => {
  it('T-TGW-01: x1 -> y1 tcp/443 is REACHABLE through att-x, tgw-rtb-def (propagated 10.20.0.0/16 -> att-y) and att-y', () => {
    const r = run(f3(), X1_TO_Y1);
    expectReachable(r);

    expectInOrder(ids(r.forward), [
      'eni-x1',
      'sg-x',
      'acl-def-x',
      'rtb-x',
      'acl-def-x',
      'att-x',
      'tgw-rtb-def',
      'att-y',
      'acl-def-y',
      'rtb-y',
      'acl-def-y',
      'sg-y',
      'eni-y1',
    ]);
    // Section 9.6: instance -> TGW uses the instance subnet's outbound list, then the attachment
    // subnet's inbound list; TGW -> instance the attachment subnet's outbound list, then the instance
    // subnet's inbound list. Nothing else.
    expect(naclCrossings(r.forward)).toEqual([
      'acl-def-x egress sn-x-a',
      'acl-def-x ingress sn-x-tgw-a',
      'acl-def-y egress sn-y-tgw-a',
      'acl-def-y ingress sn-y-a',
    ]);
    expect(component(r.forward, 'sg-x').trafficDirection).toBe('egress');
    expect(component(r.forward, 'rtb-x').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-x',
      destination: '10.0.0.0/8',
      target: 'tgw-1',
      targetType: 'transit-gateway',
    });
    expect(component(r.forward, 'att-x').component.type).toBe('transit-gateway-attachment');
    expect(component(r.forward, 'att-y').component.type).toBe('transit-gateway-attachment');
    const tgwRtb = component(r.forward, 'tgw-rtb-def');
    expect(tgwRtb.component.type).toBe('transit-gateway-route-table');
    expect(tgwRtb.tgwRoute).toMatchObject({
      routeTableId: 'tgw-rtb-def',
      destination: '10.20.0.0/16',
      attachmentId: 'att-y',
      type: 'propagated',
    });
    // Step 7: the packet enters vpc-y at sn-y-tgw-a and is routed by that subnet's table (rtb-y), locally.
    expect(component(r.forward, 'rtb-y').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-y',
      destination: '10.20.0.0/16',
      target: 'local',
    });
    const sgY = component(r.forward, 'sg-y');
    expect(sgY.trafficDirection).toBe('ingress');
    expect(sgY.securityGroupRule).toMatchObject({ sgId: 'sg-y', peer: '10.0.0.0/8' });
    // Both VPCs are in AZ a: no zone is crossed, and nothing is flagged as RA-unidirectional.
    for (const c of [...r.forward, ...r.return]) {
      expect(c.additionalDetails ?? []).not.toContain('AVAILABILITY_ZONE_CROSSED');
      expect(c.additionalDetails ?? []).not.toContain('UNIDIRECTIONAL_PATH_ANALYSIS_ONLY');
    }
  });

  it('12.4 return: the reply of x1 -> y1 goes rtb-y (10.0.0.0/8 -> tgw-1), att-y, tgw-rtb-def (10.10.0.0/16 -> att-x), att-x, rtb-x local', () => {
    const r = run(f3(), X1_TO_Y1);
    expectReachable(r);
    expectInOrder(ids(r.return), [
      'eni-y1',
      'sg-y',
      'acl-def-y',
      'rtb-y',
      'acl-def-y',
      'att-y',
      'tgw-rtb-def',
      'att-x',
      'acl-def-x',
      'rtb-x',
      'acl-def-x',
      'sg-x',
      'eni-x1',
    ]);
    expect(naclCrossings(r.return)).toEqual([
      'acl-def-y egress sn-y-a',
      'acl-def-y ingress sn-y-tgw-a',
      'acl-def-x egress sn-x-tgw-a',
      'acl-def-x ingress sn-x-a',
    ]);
    expect(component(r.return, 'rtb-y').routeTableRoute).toMatchObject({
      destination: '10.0.0.0/8',
      target: 'tgw-1',
    });
    expect(component(r.return, 'tgw-rtb-def').tgwRoute).toMatchObject({
      routeTableId: 'tgw-rtb-def',
      destination: '10.10.0.0/16',
      attachmentId: 'att-x',
      type: 'propagated',
    });
    expect(component(r.return, 'rtb-x').routeTableRoute).toMatchObject({
      destination: '10.10.0.0/16',
      target: 'local',
    });
    expect(component(r.return, 'sg-y').securityGroupRule).toMatchObject({ viaConntrack: true });
    expect(component(r.return, 'sg-x').securityGroupRule).toMatchObject({ viaConntrack: true });
    // A TGW translates nothing, either way.
    expect(translations(r.forward)).toEqual([]);
    expect(translations(r.return)).toEqual([]);
  });

  it("T-TGW-02: without att-y's propagation, tgw-rtb-def has no route to 10.20.1.10 (NO_ROUTE_TO_DESTINATION at tgw-rtb-def, forward)", () => {
    const t = f3();
    const def = tgwRouteTable(t, 'tgw-rtb-def');
    def.propagations = def.propagations.filter((a) => a !== 'att-y');
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_Y1);
    expectBlocked(r, {
      code: 'NO_ROUTE_TO_DESTINATION',
      componentId: 'tgw-rtb-def',
      componentType: 'transit-gateway-route-table',
      pathDirection: 'forward',
    });
    expectInOrder(ids(r.forward), ['eni-x1', 'rtb-x', 'att-x', 'tgw-rtb-def']);
    // After a missing route the walk stops: nothing of vpc-y is reached.
    expect(realIds(r.forward)).not.toContain('att-y');
    expect(realIds(r.forward)).not.toContain('eni-y1');
  });

  it('T-TGW-03: with att-y associated with tgw-rtb-y (no routes), the request arrives but the reply has no route (NO_ROUTE_TO_DESTINATION at tgw-rtb-y, return; RA would call it reachable)', () => {
    const t = f3();
    const def = tgwRouteTable(t, 'tgw-rtb-def');
    def.associations = def.associations.filter((a) => a !== 'att-y');
    t.transitGatewayRouteTables = [
      ...(t.transitGatewayRouteTables ?? []),
      { id: 'tgw-rtb-y', transitGatewayId: 'tgw-1', associations: ['att-y'], propagations: [], routes: [] },
    ];
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_Y1);
    expectBlocked(r, {
      code: 'NO_ROUTE_TO_DESTINATION',
      componentId: 'tgw-rtb-y',
      componentType: 'transit-gateway-route-table',
      pathDirection: 'return',
    });
    // The request is routed by att-x's table, tgw-rtb-def, where att-y still propagates.
    expectInOrder(ids(r.forward), ['att-x', 'tgw-rtb-def', 'att-y', 'sg-y', 'eni-y1']);
    expect(r.forward.some((c) => c.whatIf === true)).toBe(false);
    expect(ids(r.forward)).not.toContain('tgw-rtb-y');
    // The reply is routed by att-y's table (section 9.3: the return uses the destination's association).
    expectInOrder(ids(r.return), ['eni-y1', 'rtb-y', 'att-y', 'tgw-rtb-y']);
    expect(ids(r.return)).not.toContain('tgw-rtb-def');
    expect(component(r.return, 'tgw-rtb-y').additionalDetails).toContain('UNIDIRECTIONAL_PATH_ANALYSIS_ONLY');
  });

  it('T-TGW-03: with att-x associated with no table, the request stops at att-x (TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION, forward)', () => {
    const t = f3();
    const def = tgwRouteTable(t, 'tgw-rtb-def');
    def.associations = def.associations.filter((a) => a !== 'att-x');
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_Y1);
    expectBlocked(r, {
      code: 'TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION',
      componentId: 'att-x',
      componentType: 'transit-gateway-attachment',
      pathDirection: 'forward',
    });
    expectInOrder(ids(r.forward), ['eni-x1', 'rtb-x', 'att-x']);
    // No table decides where the packet goes, so no table is consulted and vpc-y is never reached.
    expect(realIds(r.forward)).not.toContain('tgw-rtb-def');
    expect(realIds(r.forward)).not.toContain('att-y');
    expect(realIds(r.forward)).not.toContain('eni-y1');
  });

  it('T-TGW-04: y2 (AZ b) -> x1 is BLOCKED at rtb-y (TGW_ROUTE_AZ_RESTRICTION, forward): att-y has no subnet in AZ b', () => {
    const r = run(f3(), Y2_TO_X1);
    expectBlocked(r, {
      code: 'TGW_ROUTE_AZ_RESTRICTION',
      componentId: 'rtb-y',
      componentType: 'route-table',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'rtb-y').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-y',
      destination: '10.0.0.0/8',
      target: 'tgw-1',
    });
    expectInOrder(ids(r.forward), ['eni-y2', 'sg-y', 'acl-def-y', 'rtb-y']);
    expect(realIds(r.forward)).not.toContain('eni-x1');
  });

  it('T-TGW-04: with sn-y-tgw-b added to att-y, y2 -> x1 is REACHABLE (the request leaves vpc-y through sn-y-tgw-b)', () => {
    const t = withAttYInAzB(f3());
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, Y2_TO_X1);
    expectReachable(r);
    expectInOrder(ids(r.forward), [
      'eni-y2',
      'sg-y',
      'acl-def-y',
      'rtb-y',
      'acl-def-y',
      'att-y',
      'tgw-rtb-def',
      'att-x',
      'acl-def-x',
      'rtb-x',
      'acl-def-x',
      'sg-x',
      'eni-x1',
    ]);
    expect(naclCrossings(r.forward)).toEqual([
      'acl-def-y egress sn-y-b',
      'acl-def-y ingress sn-y-tgw-b',
      'acl-def-x egress sn-x-tgw-a',
      'acl-def-x ingress sn-x-a',
    ]);
    expect(component(r.forward, 'tgw-rtb-def').tgwRoute).toMatchObject({
      destination: '10.10.0.0/16',
      attachmentId: 'att-x',
    });
    // Section 9.2 rule 3: att-x has no subnet in AZ b, so the request enters vpc-x in AZ a.
    expect(r.forward.some((c) => (c.additionalDetails ?? []).includes('AVAILABILITY_ZONE_CROSSED'))).toBe(true);
    // The reply comes from x1 in AZ a, so the TGW hands it to att-y's ENI in AZ a (sn-y-tgw-a).
    expect(naclCrossings(r.return)).toEqual([
      'acl-def-x egress sn-x-a',
      'acl-def-x ingress sn-x-tgw-a',
      'acl-def-y egress sn-y-tgw-a',
      'acl-def-y ingress sn-y-b',
    ]);
  });

  it('T-TGW-05: a static 10.20.1.0/24 blackhole in tgw-rtb-def beats the propagated /16 (SIM_TGW_BLACKHOLE_ROUTE at tgw-rtb-def, forward)', () => {
    const t = f3();
    const def = tgwRouteTable(t, 'tgw-rtb-def');
    def.routes = [...def.routes, { destination: '10.20.1.0/24', blackhole: true }];
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_Y1);
    expectBlocked(r, {
      code: 'SIM_TGW_BLACKHOLE_ROUTE',
      componentId: 'tgw-rtb-def',
      componentType: 'transit-gateway-route-table',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'tgw-rtb-def').tgwRoute).toMatchObject({
      routeTableId: 'tgw-rtb-def',
      destination: '10.20.1.0/24',
      type: 'static',
      blackhole: true,
    });
    expect(realIds(r.forward)).not.toContain('att-y');
    expect(realIds(r.forward)).not.toContain('eni-y1');
  });

  // semantics.md says "x1 -> y2 is unaffected => REACHABLE". Unaffected it is: the request takes the
  // propagated /16. But on F3 itself y2's reply leaves sn-y-b in AZ b, where att-y has no subnet, so by
  // section 9.2 rule 2 and 12.4 return step 4 the reply is dropped at rtb-y (T-TGW-04 seen from the
  // other end). The test checks "unaffected" on F3 and REACHABLE once att-y serves AZ b.
  it('T-TGW-05: the /24 blackhole leaves x1 -> y2 (10.20.2.10) unaffected: the request takes 10.20.0.0/16 -> att-y', () => {
    const withBlackhole = (t: Topology): Topology => {
      const def = tgwRouteTable(t, 'tgw-rtb-def');
      def.routes = [...def.routes, { destination: '10.20.1.0/24', blackhole: true }];
      return t;
    };

    const r = run(withBlackhole(f3()), X1_TO_Y2);
    const without = run(f3(), X1_TO_Y2);
    expect(r.explanations.map((x) => x.code)).not.toContain('SIM_TGW_BLACKHOLE_ROUTE');
    expect(component(r.forward, 'tgw-rtb-def').tgwRoute).toMatchObject({
      destination: '10.20.0.0/16',
      attachmentId: 'att-y',
      type: 'propagated',
      blackhole: false,
    });
    expectInOrder(ids(r.forward), [
      'att-x',
      'tgw-rtb-def',
      'att-y',
      'acl-def-y',
      'rtb-y',
      'acl-def-y',
      'sg-y',
      'eni-y2',
    ]);
    const outcome = (x: typeof r) => {
      const b = primaryBlocker(x);
      return { verdict: x.verdict, code: b?.code, componentId: b?.componentId, pathDirection: b?.pathDirection };
    };
    expect(outcome(r)).toEqual(outcome(without));
    expect(outcome(r)).toEqual({
      verdict: 'BLOCKED',
      code: 'TGW_ROUTE_AZ_RESTRICTION',
      componentId: 'rtb-y',
      pathDirection: 'return',
    });

    // With att-y in AZ b as well, the blackhole still leaves y2 alone: REACHABLE.
    const fixed = run(withBlackhole(withAttYInAzB(f3())), X1_TO_Y2);
    expectReachable(fixed);
    expect(component(fixed.forward, 'tgw-rtb-def').tgwRoute).toMatchObject({
      destination: '10.20.0.0/16',
      attachmentId: 'att-y',
    });
  });

  it("T-TGW-06: a deny-all NACL on sn-y-tgw-a blocks x1 -> y1 at that NACL's outbound list (SUBNET_ACL_RESTRICTION, forward)", () => {
    const t = withNacl(f3(), 'acl-y-tgw', ['sn-y-tgw-a']);
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_Y1);
    const e = expectBlocked(r, {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-y-tgw',
      componentType: 'network-acl',
      pathDirection: 'forward',
      direction: 'egress',
    });
    expect(e.aclRule).toMatchObject({ aclId: 'acl-y-tgw', ruleNumber: 32767, action: 'deny', egress: true });
    expectInOrder(ids(r.forward), ['att-x', 'tgw-rtb-def', 'att-y', 'acl-y-tgw']);
    // TGW -> instance never consults the attachment subnet's inbound list (section 9.6).
    expect(
      r.forward
        .filter((c) => c.component.id === 'acl-y-tgw')
        .map((c) => `${String(c.trafficDirection)} ${String(c.subnet)}`),
    ).toEqual(['egress sn-y-tgw-a']);
    expect(
      r.explanations
        .filter((x) => x.componentId === 'acl-y-tgw' && x.pathDirection === 'forward')
        .map((x) => x.direction),
    ).toEqual(['egress']);
  });
});

describe('semantics.md 9.2 rule 5: overlapping VPCs on one transit gateway', () => {
  /** F3 plus vpc-z (10.20.0.0/16, the same block as vpc-y), attached after vpc-y and propagating into tgw-rtb-def. */
  function f3WithOverlap(): Topology {
    const t = f3();
    t.vpcs!.push({ id: 'vpc-z', region: 'us-east-1', cidrBlocks: ['10.20.0.0/16'] });
    withSubnet(t, { id: 'sn-z-a', vpcId: 'vpc-z', availabilityZone: 'us-east-1a', cidrBlock: '10.20.1.0/24' });
    t.transitGatewayAttachments!.push({
      id: 'att-z',
      transitGatewayId: 'tgw-1',
      type: 'vpc',
      vpcId: 'vpc-z',
      subnetIds: ['sn-z-a'],
    } satisfies TransitGatewayAttachment);
    const table = tgwRouteTable(t, 'tgw-rtb-def');
    table.associations.push('att-z');
    table.propagations.push('att-z');
    return t;
  }

  it("vpc-z's 10.20.0.0/16 is not installed: x1 -> y1 still reaches vpc-y, and the trace warns SIM_TGW_PROPAGATION_SKIPPED_OVERLAP", () => {
    const r = run(f3WithOverlap(), X1_TO_Y1);
    expectReachable(r);
    expect(component(r.forward, 'tgw-rtb-def').tgwRoute).toMatchObject({ attachmentId: 'att-y' });
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: 'SIM_TGW_PROPAGATION_SKIPPED_OVERLAP',
        severity: 'warning',
        resourceId: 'tgw-rtb-def',
        path: 'topology.transitGatewayRouteTables[0].propagations[2]',
      }),
    );
  });

  it('without the overlap no such warning appears', () => {
    expect(run(f3(), X1_TO_Y1).warnings.map((w) => w.code)).not.toContain('SIM_TGW_PROPAGATION_SKIPPED_OVERLAP');
  });
});

describe('semantics.md 12.9 and T-TGW-07: centralized egress through vpc-e', () => {
  it('T-TGW-07: x1 -> internet server is REACHABLE: tgw-rtb-def 0.0.0.0/0 -> att-e, rtb-e-tgw -> nat-e, rtb-e-pub -> igw-e', () => {
    const r = run(f3WithEgressVpc(), X1_TO_SERVER);
    expectReachable(r);

    expectInOrder(ids(r.forward), [
      'eni-x1',
      'sg-x',
      'acl-def-x',
      'rtb-x',
      'acl-def-x',
      'att-x',
      'tgw-rtb-def',
      'att-e',
      'acl-def-e',
      'rtb-e-tgw',
      'acl-def-e',
      'nat-e',
      'acl-def-e',
      'rtb-e-pub',
      'igw-e',
    ]);
    expect(naclCrossings(r.forward)).toEqual([
      'acl-def-x egress sn-x-a',
      'acl-def-x ingress sn-x-tgw-a',
      'acl-def-e egress sn-e-tgw-a',
      'acl-def-e ingress sn-e-pub-a',
      'acl-def-e egress sn-e-pub-a',
    ]);
    expect(component(r.forward, 'rtb-x').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'tgw-1',
    });
    expect(component(r.forward, 'tgw-rtb-def').tgwRoute).toMatchObject({
      routeTableId: 'tgw-rtb-def',
      destination: '0.0.0.0/0',
      attachmentId: 'att-e',
      type: 'static',
    });
    // Section 9.2 rule 3: the attachment subnet's table steers the traffic to the NAT gateway.
    expect(component(r.forward, 'rtb-e-tgw').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'nat-e',
    });
    expect(component(r.forward, 'rtb-e-pub').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'igw-e',
    });
    // The NAT gateway accepts traffic that came over the TGW (12.6 step 5) and translates it.
    const nat = component(r.forward, 'nat-e');
    expect(nat.inboundHeader).toMatchObject({ src: ['10.10.1.10'], dst: [INTERNET_SERVER], sport: [LINUX_EPHEMERAL] });
    expect(nat.outboundHeader).toMatchObject({ src: [NAT_E_PRIVATE_IP], dst: [INTERNET_SERVER], sport: [NAT_PORTS] });
    expect(component(r.forward, 'igw-e').outboundHeader).toMatchObject({ src: [NAT_E_PUBLIC_IP] });

    // 12.9: the reply uses the NAT subnet's table -> tgw-1 (att-e serves AZ a), then att-e's table.
    expectInOrder(ids(r.return), [
      'igw-e',
      'acl-def-e',
      'nat-e',
      'acl-def-e',
      'rtb-e-pub',
      'acl-def-e',
      'att-e',
      'tgw-rtb-def',
      'att-x',
      'acl-def-x',
      'rtb-x',
      'acl-def-x',
      'sg-x',
      'eni-x1',
    ]);
    expect(naclCrossings(r.return)).toEqual([
      'acl-def-e ingress sn-e-pub-a',
      'acl-def-e egress sn-e-pub-a',
      'acl-def-e ingress sn-e-tgw-a',
      'acl-def-x egress sn-x-tgw-a',
      'acl-def-x ingress sn-x-a',
    ]);
    expect(component(r.return, 'nat-e').outboundHeader).toMatchObject({
      dst: ['10.10.1.10'],
      dport: [LINUX_EPHEMERAL],
    });
    expect(component(r.return, 'rtb-e-pub').routeTableRoute).toMatchObject({
      destination: '10.0.0.0/8',
      target: 'tgw-1',
    });
    expect(component(r.return, 'tgw-rtb-def').tgwRoute).toMatchObject({
      destination: '10.10.0.0/16',
      attachmentId: 'att-x',
      type: 'propagated',
    });
    expect(component(r.return, 'sg-x').securityGroupRule).toMatchObject({ viaConntrack: true });
  });

  // semantics.md expects NO_ROUTE_TO_DESTINATION at the sn-e-pub-a table, but that table still holds
  // 0.0.0.0/0 -> igw-e, which matches 10.10.1.10 by longest prefix (section 2.3), and the internet
  // gateway then drops the private destination (5.1, as in T-PCX-03). The reply never reaches the TGW.
  it('T-TGW-07: without 10.0.0.0/8 -> tgw-1 in the NAT subnet table, the reply follows 0.0.0.0/0 -> igw-e and is dropped there (BLOCKED, return)', () => {
    const t = withoutRoute(f3WithEgressVpc(), 'rtb-e-pub', '10.0.0.0/8');
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_SERVER);
    expectBlocked(r, {
      code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS',
      componentId: 'igw-e',
      componentType: 'internet-gateway',
      pathDirection: 'return',
    });
    // The request itself still gets out.
    expectInOrder(ids(r.forward), ['att-x', 'tgw-rtb-def', 'att-e', 'rtb-e-tgw', 'nat-e', 'rtb-e-pub', 'igw-e']);
    expect(r.forward.some((c) => c.whatIf === true)).toBe(false);
    // The de-translated reply (to 10.10.1.10) is routed by rtb-e-pub, whose best match is now the default route.
    expectInOrder(ids(r.return), ['igw-e', 'nat-e', 'rtb-e-pub', 'igw-e']);
    expect(component(r.return, 'rtb-e-pub').routeTableRoute).toMatchObject({
      routeTableId: 'rtb-e-pub',
      destination: '0.0.0.0/0',
      target: 'igw-e',
    });
    const afterPub = realIds(r.return).slice(realIds(r.return).indexOf('rtb-e-pub') + 1);
    expect(afterPub).not.toContain('att-e');
    expect(afterPub).not.toContain('eni-x1');
  });
});

describe('semantics.md 4.2 and 9.5: security-group references over a transit gateway', () => {
  const referencingSgX = (t: Topology): Topology =>
    setSgInbound(t, 'sg-y', [{ protocol: 'tcp', ports: '443', source: 'sg-x' }]);

  it('T-SG-05: sg-y allowing tcp/443 from sg-x matches nothing while tgw-1 has SG referencing disabled (ENI_SG_RULES_MISMATCH at eni-y1, ingress)', () => {
    const t = referencingSgX(f3());
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_Y1);
    const e = expectBlocked(r, {
      code: 'ENI_SG_RULES_MISMATCH',
      componentId: 'eni-y1',
      pathDirection: 'forward',
      direction: 'ingress',
    });
    expect(e.securityGroups).toEqual(['sg-y']);
    expect(component(r.forward, 'sg-y', 'ingress').additionalDetails).toContain('SG_REFERENCING_SUPPORT');
    // Everything before y1's groups passed: the TGW path itself is fine.
    expectInOrder(ids(r.forward), ['att-x', 'tgw-rtb-def', 'att-y', 'acl-def-y', 'rtb-y', 'acl-def-y', 'sg-y']);
  });

  it('T-SG-05: with securityGroupReferencingSupport on tgw-1 (attachments keep their default), x1 -> y1 is REACHABLE by the sg-x rule', () => {
    const t = referencingSgX(f3());
    const tgw = t.transitGateways?.find((g) => g.id === 'tgw-1');
    if (!tgw) throw new Error('fixture has no tgw-1');
    tgw.securityGroupReferencingSupport = true;
    expect(errorDiagnostics(t)).toEqual([]);

    const r = run(t, X1_TO_Y1);
    expectReachable(r);
    expect(component(r.forward, 'sg-y', 'ingress').securityGroupRule).toMatchObject({
      sgId: 'sg-y',
      peer: 'sg-x',
    });
  });
});
