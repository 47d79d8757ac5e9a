// Worked tests of semantics.md section 6 (NAT gateway) and the order of pipeline 12.6, on F1.
import { describe, expect, it } from 'vitest';
import { addNaclRule, f1, INTERNET_CLIENT, INTERNET_SERVER, withNacl, withoutRoute } from '../fixtures/index.ts';
import {
  component,
  components,
  expectBlocked,
  expectInOrder,
  expectReachable,
  ids,
  LINUX_EPHEMERAL,
  NAT_PORTS,
  run,
} from './trace-helpers.ts';

const APP1_TO_SERVER = { from: 'app1', to: INTERNET_SERVER, protocol: 'tcp', port: 443 } as const;

describe('semantics.md 6: NAT gateway', () => {
  it('T-NAT-01: app1 -> internet server is REACHABLE through nat-a (src 10.0.2.10->10.0.1.5, sport->1024-65535) and igw-a (10.0.1.5->3.3.3.3)', () => {
    const r = run(f1(), APP1_TO_SERVER);
    expectReachable(r);

    expectInOrder(ids(r.forward), [
      'eni-app1',
      'sg-app',
      'acl-def',
      'rtb-priv',
      'acl-def',
      'nat-a',
      'acl-def',
      'rtb-pub',
      'igw-a',
    ]);
    expect(component(r.forward, 'sg-app').trafficDirection).toBe('egress');
    expect(components(r.forward, 'acl-def').map((c) => c.trafficDirection)).toEqual(['egress', 'ingress', 'egress']);
    expect(component(r.forward, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'nat-a',
    });
    expect(component(r.forward, 'rtb-pub').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'igw-a',
    });

    const nat = component(r.forward, 'nat-a');
    expect(nat.component.type).toBe('nat-gateway');
    expect(nat.inboundHeader).toMatchObject({ src: ['10.0.2.10'], dst: [INTERNET_SERVER], sport: [LINUX_EPHEMERAL] });
    expect(nat.outboundHeader).toMatchObject({
      src: ['10.0.1.5'],
      dst: [INTERNET_SERVER],
      sport: [NAT_PORTS],
      dport: [{ from: 443, to: 443 }],
    });
    const igw = component(r.forward, 'igw-a');
    expect(igw.inboundHeader).toMatchObject({ src: ['10.0.1.5'] });
    expect(igw.outboundHeader).toMatchObject({ src: ['3.3.3.3'], dst: [INTERNET_SERVER] });
  });

  it('12.6 pipeline: the reply of app1 -> internet server returns igw-a, NACL in, nat-a (de-translated), NACL out, rtb-pub local, NACL in, sg-app state', () => {
    const r = run(f1(), APP1_TO_SERVER);
    expectReachable(r);
    expectInOrder(ids(r.return), ['igw-a', 'acl-def', 'nat-a', 'acl-def', 'rtb-pub', 'acl-def', 'sg-app', 'eni-app1']);
    expect(components(r.return, 'acl-def').map((c) => c.trafficDirection)).toEqual(['ingress', 'egress', 'ingress']);
    expect(component(r.return, 'igw-a').inboundHeader).toMatchObject({ dst: ['3.3.3.3'] });
    expect(component(r.return, 'igw-a').outboundHeader).toMatchObject({ dst: ['10.0.1.5'], dport: [NAT_PORTS] });
    const nat = component(r.return, 'nat-a');
    expect(nat.inboundHeader).toMatchObject({ src: [INTERNET_SERVER], dst: ['10.0.1.5'], dport: [NAT_PORTS] });
    expect(nat.outboundHeader).toMatchObject({ src: [INTERNET_SERVER], dst: ['10.0.2.10'], dport: [LINUX_EPHEMERAL] });
    expect(component(r.return, 'rtb-pub').routeTableRoute).toMatchObject({
      destination: '10.0.0.0/16',
      target: 'local',
    });
    expect(component(r.return, 'sg-app').securityGroupRule).toMatchObject({ viaConntrack: true });
  });

  it('T-NAT-02: internet client -> 3.3.3.3 is BLOCKED at nat-a (SIM_NAT_NO_INBOUND_INITIATION)', () => {
    const r = run(f1(), { from: INTERNET_CLIENT, to: '3.3.3.3', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'SIM_NAT_NO_INBOUND_INITIATION',
      componentId: 'nat-a',
      componentType: 'nat-gateway',
      pathDirection: 'forward',
    });
  });

  it('T-NAT-03: without 0.0.0.0/0->igw-a in rtb-pub the translated packet has no route (NO_ROUTE_TO_DESTINATION at rtb-pub)', () => {
    const t = withoutRoute(f1(), 'rtb-pub', '0.0.0.0/0');
    const r = run(t, APP1_TO_SERVER);
    expectBlocked(r, {
      code: 'NO_ROUTE_TO_DESTINATION',
      componentId: 'rtb-pub',
      componentType: 'route-table',
      pathDirection: 'forward',
    });
    expect(ids(r.forward)).toContain('nat-a');
  });

  it('T-NAT-04: a NAT-subnet NACL admitting only 443 inbound drops the reply on the NAT ports (return, ingress, 32767)', () => {
    const t = withNacl(f1(), 'acl-pub', ['sn-pub-a'], {
      inbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' }],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    const r = run(t, APP1_TO_SERVER);
    const e = expectBlocked(r, {
      code: 'SUBNET_ACL_RESTRICTION',
      componentId: 'acl-pub',
      componentType: 'network-acl',
      pathDirection: 'return',
      direction: 'ingress',
    });
    expect(e.aclRule).toMatchObject({ aclId: 'acl-pub', ruleNumber: 32767, egress: false, action: 'deny' });
    // The forward legs passed: app1 -> NAT inbound on 443, NAT -> IGW outbound.
    expect(components(r.forward, 'acl-pub').map((c) => [c.trafficDirection, c.aclRule?.ruleNumber])).toEqual([
      ['ingress', 100],
      ['egress', 100],
    ]);
  });

  it('T-NAT-04: adding inbound 110 allow tcp 1024-65535 to the NAT-subnet NACL makes it REACHABLE', () => {
    const t = withNacl(f1(), 'acl-pub', ['sn-pub-a'], {
      inbound: [{ ruleNumber: 100, protocol: 'tcp', ports: '443', cidr: '0.0.0.0/0', action: 'allow' }],
      outbound: [{ ruleNumber: 100, protocol: 'all', cidr: '0.0.0.0/0', action: 'allow' }],
    });
    addNaclRule(t, 'acl-pub', 'inbound', {
      ruleNumber: 110,
      protocol: 'tcp',
      ports: '1024-65535',
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
    const r = run(t, APP1_TO_SERVER);
    expectReachable(r);
    expect(component(r.return, 'acl-pub', 'ingress').aclRule).toMatchObject({ ruleNumber: 110, action: 'allow' });
  });

  it('T-NAT-06: app1 -> internet server over GRE (protocol 47) is BLOCKED at nat-a (PROTOCOL_RESTRICTION)', () => {
    const r = run(f1(), { from: 'app1', to: INTERNET_SERVER, protocol: '47' });
    expectBlocked(r, {
      code: 'PROTOCOL_RESTRICTION',
      componentId: 'nat-a',
      componentType: 'nat-gateway',
      pathDirection: 'forward',
    });
  });
});
