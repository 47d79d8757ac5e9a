// Worked tests of semantics.md section 5 (internet gateway: 1:1 NAT, address filters, asymmetric
// return) and the order of pipelines 12.5 and 12.8, on F1.
import { describe, expect, it } from 'vitest';
import { addSgInbound, f1, instance, INTERNET_CLIENT, INTERNET_SERVER, withRoute } from '../fixtures/index.ts';
import {
  component,
  expectBlocked,
  expectInOrder,
  expectReachable,
  ids,
  INTERNET_EPHEMERAL,
  LINUX_EPHEMERAL,
  run,
} from './trace-helpers.ts';

describe('semantics.md 5: internet gateway', () => {
  it('T-IGW-01: internet client -> 54.1.1.10 (web) is REACHABLE; igw-a rewrites dst 54.1.1.10->10.0.1.10 and, on return, src 10.0.1.10->54.1.1.10', () => {
    const r = run(f1(), { from: INTERNET_CLIENT, to: 'web', protocol: 'tcp', port: 443 });
    expectReachable(r);
    expect(r.query).toMatchObject({ sourceAddress: INTERNET_CLIENT, destinationAddress: '54.1.1.10' });

    const inbound = component(r.forward, 'igw-a');
    expect(inbound.component.type).toBe('internet-gateway');
    expect(inbound.inboundHeader).toMatchObject({ src: [INTERNET_CLIENT], dst: ['54.1.1.10'] });
    expect(inbound.outboundHeader).toMatchObject({
      src: [INTERNET_CLIENT],
      dst: ['10.0.1.10'],
      dport: [{ from: 443, to: 443 }],
    });

    const outbound = component(r.return, 'igw-a');
    expect(outbound.inboundHeader).toMatchObject({ src: ['10.0.1.10'], dst: [INTERNET_CLIENT] });
    expect(outbound.outboundHeader).toMatchObject({
      src: ['54.1.1.10'],
      dst: [INTERNET_CLIENT],
      sport: [{ from: 443, to: 443 }],
      dport: [INTERNET_EPHEMERAL],
    });

    // Pipeline 12.8: IGW, NACL in, SG in; the reply: SG (state), NACL out, route table, IGW.
    expectInOrder(ids(r.forward), ['igw-a', 'acl-def', 'sg-web', 'eni-web', 'web']);
    expectInOrder(ids(r.return), ['web', 'eni-web', 'sg-web', 'acl-def', 'rtb-pub', 'igw-a']);
    expect(component(r.forward, 'sg-web').securityGroupRule).toMatchObject({ peer: '0.0.0.0/0', direction: 'ingress' });
    expect(component(r.return, 'sg-web').securityGroupRule).toMatchObject({ viaConntrack: true });
    expect(component(r.return, 'rtb-pub').routeTableRoute).toMatchObject({ destination: '0.0.0.0/0', target: 'igw-a' });
  });

  it('T-IGW-02: a legal route 10.9.0.0/16->igw-a still cannot carry web->10.9.0.5 (IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS)', () => {
    const t = withRoute(f1(), 'rtb-pub', '10.9.0.0/16', 'igw-a');
    const r = run(t, { from: 'web', to: '10.9.0.5', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS',
      componentId: 'igw-a',
      componentType: 'internet-gateway',
      pathDirection: 'forward',
    });
    expect(component(r.forward, 'rtb-pub').routeTableRoute).toMatchObject({
      destination: '10.9.0.0/16',
      target: 'igw-a',
    });
  });

  it('T-IGW-03: app1 with an EIP but a NAT default route answers through nat-a (SIM_ASYMMETRIC_RETURN at nat-a, return)', () => {
    const t = f1();
    instance(t, 'app1').publicIp = '54.1.1.20';
    addSgInbound(t, 'sg-app', { protocol: 'tcp', ports: '443', source: '0.0.0.0/0' });
    const r = run(t, { from: INTERNET_CLIENT, to: 'app1', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'SIM_ASYMMETRIC_RETURN',
      componentId: 'nat-a',
      componentType: 'nat-gateway',
      pathDirection: 'return',
    });
    // The forward path is fine: the IGW maps 54.1.1.20 to app1 and the packet is delivered.
    expect(component(r.forward, 'igw-a').outboundHeader?.dst).toEqual(['10.0.2.10']);
    expectInOrder(ids(r.forward), ['igw-a', 'sg-app', 'eni-app1']);
    expect(r.explanations.filter((e) => e.blocking && e.pathDirection === 'forward')).toEqual([]);
    expect(component(r.return, 'rtb-priv').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'nat-a',
    });
  });

  it('T-IGW-04: app1 without a public IP routed straight to igw-a is dropped there (IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS)', () => {
    const t = withRoute(f1(), 'rtb-priv', '0.0.0.0/0', 'igw-a');
    const r = run(t, { from: 'app1', to: INTERNET_SERVER, protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      componentId: 'igw-a',
      componentType: 'internet-gateway',
      pathDirection: 'forward',
    });
  });
});

describe('semantics.md 12.5: to the internet via the IGW', () => {
  it('12.5 pipeline: web -> internet server: SG out, NACL out, rtb-pub -> igw-a (src 10.0.1.10->54.1.1.10); reply: igw-a, NACL in on the ephemeral ports, SG state', () => {
    const r = run(f1(), { from: 'web', to: INTERNET_SERVER, protocol: 'tcp', port: 443 });
    expectReachable(r);
    expectInOrder(ids(r.forward), ['web', 'eni-web', 'sg-web', 'acl-def', 'rtb-pub', 'igw-a']);
    expectInOrder(ids(r.return), ['igw-a', 'acl-def', 'sg-web', 'eni-web', 'web']);
    expect(component(r.forward, 'acl-def').trafficDirection).toBe('egress');
    expect(component(r.forward, 'rtb-pub').routeTableRoute).toMatchObject({
      destination: '0.0.0.0/0',
      target: 'igw-a',
    });
    const out = component(r.forward, 'igw-a');
    expect(out.inboundHeader).toMatchObject({ src: ['10.0.1.10'], dst: [INTERNET_SERVER], sport: [LINUX_EPHEMERAL] });
    expect(out.outboundHeader).toMatchObject({ src: ['54.1.1.10'], dst: [INTERNET_SERVER], sport: [LINUX_EPHEMERAL] });
    const back = component(r.return, 'igw-a');
    expect(back.inboundHeader).toMatchObject({ src: [INTERNET_SERVER], dst: ['54.1.1.10'] });
    expect(back.outboundHeader).toMatchObject({ src: [INTERNET_SERVER], dst: ['10.0.1.10'], dport: [LINUX_EPHEMERAL] });
    expect(component(r.return, 'acl-def').trafficDirection).toBe('ingress');
    expect(component(r.return, 'sg-web').securityGroupRule).toMatchObject({ viaConntrack: true });
  });
});
