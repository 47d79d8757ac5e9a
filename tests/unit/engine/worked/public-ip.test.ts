// Worked tests of semantics.md section 1.3 (public IPv4 addresses): the internet gateway's 1:1
// mapping needs a public IP on the instance, in both directions.
import { describe, expect, it } from 'vitest';
import { f1, instance, INTERNET_CLIENT, INTERNET_SERVER } from '../fixtures/index.ts';
import { component, expectBlocked, expectReachable, run } from './trace-helpers.ts';

describe('semantics.md 1.3: public IPv4 addresses', () => {
  it('T-PIP-01: web without a public IP cannot be reached from the internet (IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS at igw-a, forward)', () => {
    const t = f1();
    delete instance(t, 'web').publicIp;
    const r = run(t, { from: INTERNET_CLIENT, to: 'web', toAddress: 'public', protocol: 'tcp', port: 443 });
    expectBlocked(r, {
      code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
      componentId: 'igw-a',
      pathDirection: 'forward',
      componentType: 'internet-gateway',
    });
    // Nothing past the internet gateway: the address maps to no interface.
    expect(r.forward.map((c) => c.component.id)).toEqual([INTERNET_CLIENT, 'igw-a']);
    expect(r.return).toEqual([]);
  });

  it('T-PIP-01: the same instance with its public IP is reachable (the mapping is what was missing)', () => {
    expectReachable(run(f1(), { from: INTERNET_CLIENT, to: 'web', protocol: 'tcp', port: 443 }));
  });

  it('T-PIP-02: web -> internet server is REACHABLE and igw-a rewrites the source 10.0.1.10 -> 54.1.1.10', () => {
    const r = run(f1(), { from: 'web', to: INTERNET_SERVER, protocol: 'tcp', port: 443 });
    expectReachable(r);
    const igw = component(r.forward, 'igw-a');
    expect(igw.action).toBe('translate');
    expect(igw.inboundHeader).toMatchObject({ src: ['10.0.1.10'], dst: [INTERNET_SERVER] });
    expect(igw.outboundHeader).toMatchObject({ src: ['54.1.1.10'], dst: [INTERNET_SERVER] });
  });

  it('T-PIP-02: without a public IP the same request is dropped at igw-a (IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS)', () => {
    const t = f1();
    delete instance(t, 'web').publicIp;
    expectBlocked(run(t, { from: 'web', to: INTERNET_SERVER, protocol: 'tcp', port: 443 }), {
      code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      componentId: 'igw-a',
      pathDirection: 'forward',
    });
  });
});
