/**
 * The path walker: moves one packet through the compiled network hop by hop, recording every decision
 * as a path component (permits included) and every blocker as an explanation. It keeps walking past a
 * block while the next hop is known ("blocked path"). Reads the network through `Lookups`; mutates
 * nothing but its own state.
 */
import {
  cidrContains,
  formatIp,
  formatPortSet,
  ipEquals,
  portSetEquals,
  type IpAddress,
  type PortRange,
  type PortSet,
} from '../lib/index.ts';
import {
  NAT_PORT_RANGE,
  PROTO_ALL,
  PROTO_ICMP,
  PROTO_ICMPV6,
  PROTO_TCP,
  PROTO_UDP,
  RFC1918,
  RFC6598,
  hasPorts,
  protocolName,
} from './builtins.ts';
import type { ExplanationCode } from './codes.ts';
import {
  vpcContains,
  type CDevice,
  type CEni,
  type CEigw,
  type CIgw,
  type CNacl,
  type CGatewayEndpoint,
  type CNat,
  type CPeering,
  type CTgwAttachment,
  type CTransitGateway,
  type CRoute,
  type CRouteTable,
  type CSubnet,
  type CVpc,
  type Network,
} from './compile.ts';
import type { Lookups, NaclOutcome, Packet } from './lookups.ts';
import type {
  AclRuleRef,
  ComponentType,
  Explanation,
  PacketHeader,
  PathComponent,
  PathDirection,
  RouteRef,
  TrafficDirection,
} from './types.ts';

/** A stateful element the request went through; the reply must meet them again in reverse order. */
interface StatefulHop {
  readonly kind: 'nat-gateway' | 'nat-instance' | 'appliance' | 'igw' | 'eigw' | 'endpoint';
  readonly id: string;
  readonly componentType: ComponentType;
  /** Entered through an internet gateway's route table (ingress routing). */
  readonly viaGatewayRouteTable: boolean;
  /** For translations: the header fields before the rewrite, restored on the reply. */
  readonly originalAddress?: IpAddress;
  readonly originalPorts?: PortSet;
  readonly translatedAddress?: IpAddress;
  readonly translatedPorts?: PortSet;
}

export type WalkEnd =
  | { readonly kind: 'device'; readonly device: CDevice; readonly pkt: Packet }
  | { readonly kind: 'internet'; readonly pkt: Packet; readonly exit?: CIgw | CEigw }
  | { readonly kind: 'service'; readonly pkt: Packet; readonly endpoint: CGatewayEndpoint }
  | { readonly kind: 'stopped' };

/** Where the reply of a connection must arrive, and as what. */
export interface ReturnExpectation {
  readonly clientEni: CEni | undefined;
  /** The client's own address and ports: the reply's destination. */
  readonly clientAddress: IpAddress;
  readonly clientPorts: PortSet;
  /** The address the client sent to: the reply's source as the client must see it. */
  readonly serverAddress: IpAddress;
}

const MAX_HOPS = 64;
/** Shared by walks over clean topologies, which never record what they touched. */
const EMPTY_SET: Set<string> = new Set();

export class Walker {
  readonly forward: PathComponent[] = [];
  readonly ret: PathComponent[] = [];
  readonly explanations: Explanation[] = [];
  /** Resource ids the path depended on, with the exact rule or route paths used. */
  /** Filled only when the topology has diagnostics (see `trackTouched`). */
  readonly touched: Set<string>;
  readonly usedPaths: Set<string>;
  /** NAT gateway whose translated ports only partly pass on the reply. */
  natPartial: { natId: string; working: PortSet } | undefined;
  unsupported = false;

  private dir: PathDirection = 'forward';
  private comps: PathComponent[] = this.forward;
  private readonly stack: StatefulHop[] = [];
  /** Interfaces whose security groups saw the request: replies pass them by connection tracking. */
  private readonly conntrack: CEni[] = [];
  private hops = 0;
  /** Set at the first blocker: everything after it is what-if. */
  private blocked = false;
  /** Set once a middlebox or translation hides the original sender from security-group references. */
  private refsPreserved = true;
  private gatewayRouteTableEntry = false;
  /** The last transit gateway the packet crossed (inbound security-group references across it, NAT use). */
  private lastTgw: { tgw: CTransitGateway; from: CVpc; to: CVpc; crossedPeering: boolean } | undefined;
  /** Where the request entered each VPC attachment from the transit gateway: appliance mode pins the reply there. */
  private readonly tgwEntries = new Map<CTgwAttachment, CSubnet>();
  /** The reply entered an attachment without appliance mode in another zone than the request did. */
  private azShift: { attachment: CTgwAttachment; forward: CSubnet; reply: CSubnet } | undefined;
  /** The last peering the packet crossed: security-group references across it name the other VPC. */
  private lastPeering: { pcx: CPeering; from: CVpc; to: CVpc } | undefined;
  /** A NAT gateway's request crossed this peering: its replies return to the NAT regardless of routes. */
  private returnToSender: { pcx: CPeering; vpc: CVpc; natAddress: IpAddress } | undefined;
  private expectation: ReturnExpectation | undefined;

  private readonly trackTouched: boolean;

  constructor(
    private readonly net: Network,
    private readonly lk: Lookups,
  ) {
    this.trackTouched = net.diagnosticsByResource.size > 0;
    this.touched = this.trackTouched ? new Set() : EMPTY_SET;
    this.usedPaths = this.trackTouched ? new Set() : EMPTY_SET;
  }

  // ---------------------------------------------------------------- entry points

  /** The request leaves an interface (the query's source). */
  startAtInterface(eni: CEni, pkt: Packet): WalkEnd {
    this.emitEndpoint(eni, 'send');
    if (!this.securityGroupCheck(eni, 'egress', pkt)) {
      // Blocked, but the next hop is known: keep walking to list every blocker.
    }
    return this.leaveDevice(eni, pkt);
  }

  /** The request arrives from the internet (the query's source is outside every VPC). */
  startAtInternet(pkt: Packet, sourceId: string, external: boolean, intendedVpc: CVpc | undefined): WalkEnd {
    this.push({ id: sourceId, type: external ? 'external-host' : 'internet' }, 'send');
    return this.enterFromInternet(pkt, intendedVpc);
  }

  /** Switches to the reply: it leaves where the request arrived. */
  beginReturn(expectation: ReturnExpectation): void {
    this.dir = 'return';
    this.comps = this.ret;
    this.hops = 0;
    this.refsPreserved = true;
    this.gatewayRouteTableEntry = false;
    this.lastPeering = undefined;
    this.lastTgw = undefined;
    this.expectation = expectation;
  }

  returnFromDevice(device: CDevice, pkt: Packet): WalkEnd {
    if (device.kind === 'eni') {
      this.emitEndpoint(device, 'send');
      this.securityGroupCheck(device, 'egress', pkt);
    } else {
      this.push(this.deviceRef(device), 'send');
    }
    return this.leaveDevice(device, pkt);
  }

  returnFromInternet(pkt: Packet, exit: CIgw | CEigw | undefined): WalkEnd {
    this.push({ id: 'internet', type: 'internet' }, 'send');
    return this.enterFromInternet(pkt, exit?.vpc, exit);
  }

  // ---------------------------------------------------------------- hops

  private leaveDevice(device: CDevice, pkt: Packet): WalkEnd {
    if (++this.hops > MAX_HOPS) return this.loop(device.id);
    const subnet = device.subnet;
    const subnetCidr = pkt.family === 4 ? subnet.cidr4 : subnet.cidr6;
    if (subnetCidr && cidrContains(subnetCidr, pkt.dst)) {
      // Same subnet: delivered at layer 2, without route tables or NACLs (semantics.md 12.1).
      const target = this.lk.deviceAt(subnet.vpc, pkt.dst);
      if (!target || target.subnet !== subnet) return this.noInterfaceAt(subnet.vpc, pkt);
      return this.arriveAtDevice(target, pkt, false);
    }
    const passed = this.naclCheck(this.lk.naclOf(subnet), subnet, true, pkt);
    return this.routeFrom(this.lk.routeTableOf(subnet), passed, subnet);
  }

  private routeFrom(rt: CRouteTable, pkt: Packet, from: CSubnet | undefined): WalkEnd {
    const back = this.returnToSender;
    if (this.dir === 'return' && back && back.vpc === rt.vpc && ipEquals(back.natAddress, pkt.dst)) {
      // Replies to a NAT gateway's traffic over a peering go back to it even without a return route
      // (semantics.md 6.2 rule 12).
      const comp = this.push(rt.ref, 'route');
      comp.vpc = rt.vpc.id;
      if (from) comp.subnet = from.id;
      comp.additionalDetails = ['NGW_RETURN_TO_SENDER'];
      return this.peeringHop(back.pcx, pkt, rt.vpc);
    }
    const route = this.lk.lookupRoute(rt, pkt.dst);
    const comp = this.push(this.routeTableRef(rt), 'route');
    comp.vpc = rt.vpc.id;
    if (from) comp.subnet = from.id;
    this.touch(rt.id);
    if (!route) {
      comp.action = 'drop';
      this.block('NO_ROUTE_TO_DESTINATION', comp, {
        message: `${rt.id} has no route that matches ${formatIp(pkt.dst)}.`,
        address: formatIp(pkt.dst),
      });
      return { kind: 'stopped' };
    }
    comp.routeTableRoute = route.ref;
    if (this.trackTouched && route.path) this.usedPaths.add(route.path);
    if (route.state === 'blackhole') {
      comp.action = 'drop';
      this.block('BAD_STATE_ROUTE', comp, {
        message: `${rt.id} sends ${route.destination} to ${route.target}, which ${blackholeReason(this.net, route)}; the route is a blackhole.`,
        routeTableRoute: comp.routeTableRoute,
        address: formatIp(pkt.dst),
      });
      return { kind: 'stopped' };
    }
    const vpc = rt.vpc;
    switch (route.targetType) {
      case 'local':
        return this.deliverLocal(vpc, pkt, from);
      case 'internet-gateway':
        return this.internetGatewayEgress(this.lk.routeTarget(route) as CIgw, pkt);
      case 'egress-only-internet-gateway':
        return this.egressOnlyGatewayEgress(this.lk.routeTarget(route) as CEigw, pkt);
      case 'nat-gateway': {
        const nat = this.lk.routeTarget(route) as CNat;
        return this.arriveAtDevice(nat, pkt, nat.subnet !== from);
      }
      case 'instance':
      case 'network-interface': {
        const eni = this.lk.routeTarget(route) as CEni;
        return this.arriveAtDevice(eni, pkt, eni.subnet !== from);
      }
      case 'vpc-peering-connection':
        return this.peeringHop(this.lk.routeTarget(route) as CPeering, pkt, vpc);
      case 'vpc-endpoint': {
        const target = this.lk.routeTarget(route);
        if (target) return this.gatewayEndpointHop(target as CGatewayEndpoint, pkt);
        return this.unsupportedTarget(route, pkt);
      }
      case 'transit-gateway':
        if (!from) return this.unsupportedTarget(route, pkt);
        return this.transitGatewayHop(this.lk.routeTarget(route) as CTransitGateway, pkt, comp, from);
      case 'unknown':
        return { kind: 'stopped' };
    }
  }

  private unsupportedTarget(route: CRoute, pkt: Packet): WalkEnd {
    const c = this.push(
      { id: route.target, type: route.targetType === 'vpc-endpoint' ? 'vpc-endpoint' : 'transit-gateway' },
      'drop',
    );
    this.unsupported = true;
    this.block('SIM_UNSUPPORTED_TRANSIT', c, {
      message: `The route sends ${formatIp(pkt.dst)} to ${route.target} (${route.targetType.replaceAll('-', ' ')}); paths through it are not simulated by this version of the engine.`,
    });
    return { kind: 'stopped' };
  }

  /**
   * A gateway endpoint (S3, DynamoDB): only TCP and ICMP echo, only from its own VPC; the request ends at
   * the service, whose reply comes back through the endpoint (semantics.md 10.2).
   */
  private gatewayEndpointHop(ep: CGatewayEndpoint, pkt: Packet): WalkEnd {
    this.touch(ep.id);
    const comp = this.push(ep.ref, 'forward');
    comp.vpc = ep.vpc.id;
    if (this.dir === 'return') {
      comp.action = 'drop';
      return this.asymmetric(
        comp,
        `The reply is routed to ${ep.id}, which the request did not use; a gateway endpoint cannot carry it.`,
      );
    }
    const echo =
      pkt.proto === PROTO_ICMP ? pkt.icmpType === 8 : pkt.proto === PROTO_ICMPV6 ? pkt.icmpType === 128 : false;
    if (pkt.proto !== PROTO_TCP && !echo) {
      comp.action = 'drop';
      this.block('VPCE_GATEWAY_PROTOCOL_RESTRICTION', comp, {
        message: `${ep.id} carries only TCP and ICMP echo to ${ep.service}; ${describeTraffic(pkt, true)} is dropped.`,
      });
      return { kind: 'stopped' };
    }
    if (!vpcContains(ep.vpc, pkt.src)) {
      comp.action = 'drop';
      this.block('SIM_GATEWAY_ENDPOINT_EDGE_TO_EDGE', comp, {
        message: `${ep.id} serves only traffic from ${ep.vpc.id}; ${formatIp(pkt.src)} comes from outside it.`,
        address: formatIp(pkt.src),
      });
      return { kind: 'stopped' };
    }
    this.stack.push({ kind: 'endpoint', id: ep.id, componentType: 'vpc-endpoint', viaGatewayRouteTable: false });
    this.push(ep.serviceRef, 'deliver');
    return { kind: 'service', pkt, endpoint: ep };
  }

  /** The service answers through the endpoint the request used; the reply is delivered inside the VPC. */
  returnFromService(pkt: Packet, ep: CGatewayEndpoint): WalkEnd {
    this.push(ep.serviceRef, 'send');
    const comp = this.push(ep.ref, 'forward');
    comp.vpc = ep.vpc.id;
    if (!this.popExpected(ep.id, comp)) return { kind: 'stopped' };
    return this.deliverLocal(ep.vpc, pkt, undefined);
  }

  /**
   * A transit gateway (semantics.md 9, 12.4): the sending subnet's zone needs an attachment subnet, whose
   * NACL sees the packet coming in; the ingress attachment's associated table picks the egress
   * attachment; the packet enters the other VPC at that attachment's subnet (same zone if it has one),
   * whose NACL sees it going out unless the destination is in that subnet, and whose route table routes it.
   */
  private transitGatewayHop(tgw: CTransitGateway, pkt: Packet, routeComp: PathComponent, from: CSubnet): WalkEnd {
    if (++this.hops > MAX_HOPS) return this.loop(tgw.id);
    this.touch(tgw.id);
    const att = this.lk.tgwAttachmentOf(tgw, from.vpc)!;
    const entry = att.subnets.find((sn) => sn.az === from.az);
    if (!entry) {
      routeComp.action = 'drop';
      this.block('TGW_ROUTE_AZ_RESTRICTION', routeComp, {
        message: `${att.id} has no subnet in ${from.az}, the zone of ${from.id}, so ${tgw.id} cannot take traffic from it. Add a subnet in ${from.az} to the attachment.`,
      });
      return { kind: 'stopped' };
    }
    // Instance -> TGW: the attachment subnet's inbound rules (also when it is the sender's own subnet).
    let p = this.naclCheck(this.lk.naclOf(entry), entry, false, pkt);
    const attComp = this.push(att.ref, 'forward');
    attComp.vpc = from.vpc.id;
    attComp.subnet = entry.id;
    this.touch(att.id);
    if (!att.available) {
      attComp.action = 'drop';
      this.block('BAD_STATE_ATTACHMENT', attComp, {
        message: `${att.id} is ${att.state}; only an available attachment forwards.`,
      });
      return { kind: 'stopped' };
    }
    // Route through the transit gateway; a peering attachment hands the packet to the peer transit
    // gateway, whose table (associated with that attachment on its side) routes it on (semantics.md 9.4).
    let current = tgw;
    let inbound = att;
    let inboundComp = attComp;
    let crossedPeering = false;
    let out: CTgwAttachment;
    for (let hop = 0; ; hop++) {
      if (hop > 8) return this.loop(current.id);
      const table = this.lk.tgwRouteTableOf(inbound, current);
      if (!table) {
        inboundComp.action = 'drop';
        this.block('TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION', inboundComp, {
          message: `${inbound.id} is associated with no route table of ${current.id}, so traffic arriving from it has nowhere to go.`,
        });
        return { kind: 'stopped' };
      }
      this.touch(table.id);
      const route = this.lk.lookupTgwRoute(table, p.dst);
      const tcomp = this.push(table.ref, 'route');
      if (!route) {
        tcomp.action = 'drop';
        if (this.dir === 'return') tcomp.additionalDetails = ['UNIDIRECTIONAL_PATH_ANALYSIS_ONLY'];
        this.block('NO_ROUTE_TO_DESTINATION', tcomp, {
          message: `${table.id} (the table ${inbound.id} is associated with) has no route that matches ${formatIp(p.dst)}.${this.dir === 'return' ? ' The reply uses the table of the attachment it arrives from, not the one the request used.' : ''}`,
          address: formatIp(p.dst),
        });
        return { kind: 'stopped' };
      }
      tcomp.tgwRoute = route.ref;
      if (route.blackhole || !route.attachment) {
        tcomp.action = 'drop';
        this.block('SIM_TGW_BLACKHOLE_ROUTE', tcomp, {
          message: `${table.id} sends ${route.ref.destination} to a blackhole, so ${formatIp(p.dst)} is dropped.`,
          address: formatIp(p.dst),
        });
        return { kind: 'stopped' };
      }
      const next = route.attachment;
      if (next === inbound) {
        tcomp.action = 'drop';
        this.unsupported = true;
        this.block('SIM_UNSUPPORTED_TGW_HAIRPIN', tcomp, {
          message: `${table.id} sends the packet back out of ${inbound.id}, where it came from; that hairpin is not documented.`,
        });
        return { kind: 'stopped' };
      }
      if (next.type === 'peering') {
        const peer = next.tgw === current ? next.peerTgw : next.tgw;
        const pcomp = this.push(next.ref, 'forward');
        this.touch(next.id);
        if (!next.available || !peer) {
          pcomp.action = 'drop';
          this.block('BAD_STATE_ATTACHMENT', pcomp, {
            message: peer
              ? `${next.id} is ${next.state}; a transit gateway peering carries traffic only once accepted and available.`
              : `${next.id} names no transit gateway at its other end.`,
          });
          return { kind: 'stopped' };
        }
        current = peer;
        inbound = next;
        inboundComp = pcomp;
        crossedPeering = true;
        continue;
      }
      if (!next.vpc) {
        tcomp.action = 'drop';
        this.unsupported = true;
        this.block('SIM_UNSUPPORTED_TRANSIT', tcomp, {
          message: `${table.id} sends the packet to ${next.id}, an attachment kind that is not simulated.`,
        });
        return { kind: 'stopped' };
      }
      out = next;
      break;
    }
    const outVpc = out.vpc!;
    const outComp = this.push(out.ref, 'forward');
    outComp.vpc = outVpc.id;
    this.touch(out.id);
    if (!out.available) {
      outComp.action = 'drop';
      this.block('BAD_STATE_ATTACHMENT', outComp, {
        message: `${out.id} is ${out.state}; only an available attachment forwards.`,
      });
      return { kind: 'stopped' };
    }
    // The zone the packet enters by: the sender's when the attachment has it (semantics.md 9.2 rule 3);
    // with appliance mode, a reply is pinned to the zone its request used (rule 4).
    const pinned = this.dir === 'return' && out.applianceMode ? this.tgwEntries.get(out) : undefined;
    const exit = pinned ?? out.subnets.find((sn) => sn.az === from.az) ?? out.subnets[0];
    if (exit && this.dir === 'forward') this.tgwEntries.set(out, exit);
    else if (exit && !pinned) {
      const forwardEntry = this.tgwEntries.get(out);
      if (forwardEntry && forwardEntry !== exit) this.azShift = { attachment: out, forward: forwardEntry, reply: exit };
    }
    if (!exit) {
      outComp.action = 'drop';
      this.block('BAD_STATE_ATTACHMENT', outComp, {
        message: `${out.id} names no subnet, so the transit gateway cannot deliver into ${outVpc.id}.`,
      });
      return { kind: 'stopped' };
    }
    outComp.subnet = exit.id;
    if (exit.az !== from.az) outComp.additionalDetails = ['AVAILABILITY_ZONE_CROSSED'];
    // Security-group references never cross a transit gateway peering (semantics.md 9.4 rule 3).
    this.lastTgw = { tgw: current, from: from.vpc, to: outVpc, crossedPeering };
    const exitCidr = p.family === 4 ? exit.cidr4 : exit.cidr6;
    if (exitCidr && cidrContains(exitCidr, p.dst)) {
      // TGW -> instance in the attachment's own subnet: neither NACL list is evaluated (semantics.md 9.6).
      const target = this.lk.deviceAt(outVpc, p.dst);
      if (!target) return this.noInterfaceAt(outVpc, p);
      return this.arriveAtDevice(target, p, false);
    }
    // TGW -> instance: the attachment subnet's outbound rules, then its route table.
    p = this.naclCheck(this.lk.naclOf(exit), exit, true, p);
    return this.routeFrom(this.lk.routeTableOf(exit), p, exit);
  }

  /**
   * A VPC peering connection: only when active, only to addresses of the peer VPC, and delivered there
   * to the interface holding the address, never forwarded on (no transit, no edge-to-edge; semantics.md 8).
   */
  private peeringHop(pcx: CPeering, pkt: Packet, from: CVpc): WalkEnd {
    this.touch(pcx.id);
    const comp = this.push(pcx.ref, 'forward');
    comp.vpc = from.id;
    if (pcx.status !== 'active') {
      comp.action = 'drop';
      this.block('BAD_STATE', comp, {
        message: `${pcx.id} is ${pcx.status}; a peering connection carries traffic only once it is active (accepted).`,
      });
      return { kind: 'stopped' };
    }
    const peer = pcx.requester === from ? pcx.accepter : pcx.requester;
    if (!vpcContains(peer, pkt.dst)) {
      comp.action = 'drop';
      this.block('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', comp, {
        message: `${formatIp(pkt.dst)} is not in ${peer.id}, the VPC at the other end of ${pcx.id}; a peering carries traffic only to addresses of the peer VPC (no transit through it to other peerings, gateways or the internet).`,
        address: formatIp(pkt.dst),
      });
      return { kind: 'stopped' };
    }
    if (this.dir === 'return') {
      const client = this.expectation?.clientEni;
      if (client && client.vpc !== peer && !(this.returnToSender && this.returnToSender.pcx === pcx)) {
        comp.action = 'drop';
        return this.asymmetric(
          comp,
          `The reply is routed into ${peer.id} through ${pcx.id}, but the client is in ${client.vpc.id}: without reverse-path checks the reply lands in the wrong VPC.`,
        );
      }
    } else {
      const top = this.stack[this.stack.length - 1];
      if (top?.kind === 'nat-gateway' && top.translatedAddress && ipEquals(top.translatedAddress, pkt.src)) {
        this.returnToSender = { pcx, vpc: peer, natAddress: top.translatedAddress };
      }
    }
    this.lastPeering = { pcx, from, to: peer };
    return this.deliverLocal(peer, pkt, undefined);
  }

  /** The local route: delivered to the interface that holds the address in this VPC. */
  private deliverLocal(vpc: CVpc, pkt: Packet, from: CSubnet | undefined): WalkEnd {
    const target = this.lk.deviceAt(vpc, pkt.dst);
    if (!target) return this.noInterfaceAt(vpc, pkt);
    return this.arriveAtDevice(target, pkt, target.subnet !== from);
  }

  private noInterfaceAt(vpc: CVpc, pkt: Packet): WalkEnd {
    const c = this.push(vpc.ref, 'drop');
    this.block('SIM_NO_INTERFACE_AT_DESTINATION_IP', c, {
      message: `${formatIp(pkt.dst)} lies in ${vpc.id}, but no network interface holds that address.`,
      address: formatIp(pkt.dst),
    });
    return { kind: 'stopped' };
  }

  private arriveAtDevice(device: CDevice, pkt: Packet, crossedSubnet: boolean): WalkEnd {
    if (++this.hops > MAX_HOPS) return this.loop(device.id);
    const passed = crossedSubnet ? this.naclCheck(this.lk.naclOf(device.subnet), device.subnet, false, pkt) : pkt;
    return device.kind === 'eni' ? this.interfaceReceives(device, passed) : this.natGatewayReceives(device, passed);
  }

  private interfaceReceives(eni: CEni, pkt: Packet): WalkEnd {
    this.touch(eni.id);
    if (eni.instance) this.touch(eni.instance.id);
    if (eni.instance && !eni.instance.running) {
      const c = this.push(this.instanceRef(eni), 'drop');
      this.block('SIM_INSTANCE_NOT_RUNNING', c, {
        message: `${eni.instance.id} is ${eni.instance.state}, so it neither receives nor forwards traffic.`,
      });
      return { kind: 'stopped' };
    }
    const ownsDst = holds(eni, pkt.dst);
    const top = this.stack[this.stack.length - 1];
    if (ownsDst && !(this.dir === 'return' && top?.kind === 'nat-instance' && top.id === eni.id)) {
      // The packet is addressed to this interface: it is the end of this leg.
      this.securityGroupCheck(eni, 'ingress', pkt);
      this.emitEndpoint(eni, 'deliver');
      return { kind: 'device', device: eni, pkt };
    }
    // A middlebox: the packet is not addressed to it, or it is the reply to a NAT instance's translation.
    // Its security groups see the packet as received, then it forwards (and may translate), then its
    // outbound rules see the packet as sent.
    this.securityGroupCheck(eni, 'ingress', pkt);
    const eniComp = this.push(this.interfaceRef(eni), 'forward');
    if (!ownsDst && eni.sourceDestCheck) {
      eniComp.action = 'drop';
      this.block('ENI_SOURCE_DEST_CHECK_RESTRICTION', eniComp, {
        direction: 'ingress',
        message: `${eni.id} has source/destination check enabled, so it drops traffic addressed to ${formatIp(pkt.dst)}, which is not one of its own addresses. Disable the check on an appliance or NAT instance.`,
        address: formatIp(pkt.dst),
      });
    }
    let out = pkt;
    if (this.dir === 'forward') {
      const hop: StatefulHop = {
        kind: eni.sourceNat ? 'nat-instance' : 'appliance',
        id: eni.id,
        componentType: 'network-interface',
        viaGatewayRouteTable: this.gatewayRouteTableEntry,
        ...(eni.sourceNat && pkt.family === 4 && eni.ips4.length > 0
          ? {
              originalAddress: pkt.src,
              originalPorts: pkt.sport,
              translatedAddress: { family: 4 as const, value: eni.ips4[0]! },
            }
          : {}),
      };
      this.stack.push(hop);
      if (hop.translatedAddress) {
        out = { ...pkt, src: hop.translatedAddress };
        eniComp.action = 'translate';
        eniComp.inboundHeader = header(pkt);
        eniComp.outboundHeader = header(out);
      }
      // Security-group references do not survive a middlebox (semantics.md 2.5 rule 3).
      this.refsPreserved = false;
    } else {
      if (!this.popExpected(eni.id, eniComp)) return { kind: 'stopped' };
      if (top?.kind === 'nat-instance' && top.originalAddress) {
        out = { ...pkt, dst: top.originalAddress, dport: pkt.dport };
        eniComp.action = 'translate';
        eniComp.inboundHeader = header(pkt);
        eniComp.outboundHeader = header(out);
      }
    }
    this.securityGroupCheck(eni, 'egress', out);
    return this.leaveDevice(eni, out);
  }

  private natGatewayReceives(nat: CNat, pkt: Packet): WalkEnd {
    this.touch(nat.id);
    const comp = this.push(nat.ref, 'forward');
    comp.vpc = nat.vpc.id;
    comp.subnet = nat.subnet.id;
    if (!nat.available) {
      comp.action = 'drop';
      this.block('BAD_STATE', comp, {
        message: `${nat.id} is ${nat.state}; only an available NAT gateway forwards traffic.`,
      });
      return { kind: 'stopped' };
    }
    const addressedToNat = pkt.family === 4 && pkt.dst.value === nat.ip4;
    const top = this.stack[this.stack.length - 1];
    if (addressedToNat) {
      if (this.dir === 'return' && top?.kind === 'nat-gateway' && top.id === nat.id) {
        this.stack.pop();
        // The reply to a translation: restore the client's address and port.
        const restored = this.restorePorts(nat.id, pkt.dport, top);
        const out: Packet = { ...pkt, dst: top.originalAddress!, dport: restored };
        comp.action = 'translate';
        comp.inboundHeader = header(pkt);
        comp.outboundHeader = header(out);
        return this.leaveDevice(nat, out);
      }
      comp.action = 'drop';
      if (this.dir === 'return')
        return this.asymmetric(comp, `The reply reaches ${nat.id}, which holds no translation for this connection.`);
      this.block('SIM_NAT_NO_INBOUND_INITIATION', comp, {
        message: `${nat.id} only carries connections started from inside its VPC; a connection to its address ${formatIp(pkt.dst)} from outside is dropped.`,
        address: formatIp(pkt.dst),
      });
      return { kind: 'stopped' };
    }
    if (this.dir === 'return') {
      comp.action = 'drop';
      return this.asymmetric(
        comp,
        `The reply is routed to ${nat.id}, which would translate it as a new outbound connection from ${formatIp(nat.vpc.cidrs4.length > 0 ? { family: 4, value: nat.ip4 } : pkt.src)}${nat.publicIp4 !== undefined ? ` (${formatIp({ family: 4, value: nat.publicIp4 })})` : ''}; the client cannot match it to its connection. The reply must leave the way the request came in.`,
      );
    }
    if (pkt.family !== 4 || !(pkt.proto === PROTO_TCP || pkt.proto === PROTO_UDP || pkt.proto === PROTO_ICMP)) {
      comp.action = 'drop';
      this.block('PROTOCOL_RESTRICTION', comp, {
        message:
          pkt.family !== 4
            ? `${nat.id} translates IPv4 only; IPv6 traffic to it is dropped (NAT64 with 64:ff9b::/96 is not modelled).`
            : `${nat.id} passes only TCP, UDP and ICMP; protocol ${protocolName(pkt.proto)} is dropped.`,
      });
      return { kind: 'stopped' };
    }
    // Traffic from the NAT gateway's own VPC, or arriving over a transit gateway (centralized egress).
    if (!vpcContains(nat.vpc, pkt.src) && this.lastTgw?.to !== nat.vpc) {
      comp.action = 'drop';
      this.block('NGW_REQUIRES_SOURCE_IN_VPC', comp, {
        message: `${nat.id} only serves traffic from its own VPC (or from a transit gateway); ${formatIp(pkt.src)} is outside ${nat.vpc.id}.`,
        address: formatIp(pkt.src),
      });
      return { kind: 'stopped' };
    }
    const natIp: IpAddress = { family: 4, value: nat.ip4 };
    const ported = hasPorts(pkt.proto);
    const out: Packet = { ...pkt, src: natIp, sport: ported ? [NAT_PORT_RANGE] : pkt.sport };
    this.stack.push({
      kind: 'nat-gateway',
      id: nat.id,
      componentType: 'nat-gateway',
      viaGatewayRouteTable: false,
      originalAddress: pkt.src,
      originalPorts: pkt.sport,
      translatedAddress: natIp,
      translatedPorts: out.sport,
    });
    this.refsPreserved = false;
    comp.action = 'translate';
    comp.inboundHeader = header(pkt);
    comp.outboundHeader = header(out);
    comp.additionalDetails = ported
      ? ['NGW_SOURCE_ADDRESS_REASSIGN', 'REMAP_EPHEMERAL_PORT', 'NGW_DEST_ADDRESS_PRESERVATION']
      : ['NGW_SOURCE_ADDRESS_REASSIGN', 'NGW_DEST_ADDRESS_PRESERVATION'];
    return this.leaveDevice(nat, out);
  }

  /** Maps the reply's surviving NAT-side ports back to the client's ports. */
  private restorePorts(natId: string, survivingNatPorts: PortSet, hop: StatefulHop): PortSet {
    const original = hop.originalPorts ?? [];
    if (!hop.translatedPorts || hop.translatedPorts.length === 0) return original;
    if (survivingNatPorts.length === 0) return [];
    if (!portSetEquals(survivingNatPorts, hop.translatedPorts)) {
      // The NAT picks its port at random: some connections fail whatever port the client used.
      this.natPartial = { natId, working: survivingNatPorts };
    }
    return original;
  }

  private internetGatewayEgress(igw: CIgw, pkt: Packet): WalkEnd {
    this.touch(igw.id);
    const comp = this.push(igw.ref, 'forward');
    if (igw.vpc) comp.vpc = igw.vpc.id;
    const vpc = igw.vpc!;
    let out = pkt;
    if (pkt.family === 4) {
      if (RFC1918.some((c) => cidrContains(c, pkt.dst))) {
        comp.action = 'drop';
        this.block('IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS', comp, {
          message: `${igw.id} does not send packets to the private (RFC 1918) address ${formatIp(pkt.dst)} onto the internet.`,
          address: formatIp(pkt.dst),
        });
        return { kind: 'stopped' };
      }
      if (cidrContains(RFC6598, pkt.dst)) {
        comp.action = 'drop';
        this.block('IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS', comp, {
          message: `${igw.id} does not send packets to the shared (RFC 6598) address ${formatIp(pkt.dst)} onto the internet.`,
          address: formatIp(pkt.dst),
        });
        return { kind: 'stopped' };
      }
      const publicIp = this.publicAddressOf(vpc, pkt.src);
      if (publicIp === undefined) {
        comp.action = 'drop';
        this.block('IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', comp, {
          message: `${formatIp(pkt.src)} has no public IPv4 address or Elastic IP, so ${igw.id} cannot translate it and drops the packet. Give it a public IP, or send it through a NAT gateway.`,
          address: formatIp(pkt.src),
        });
        return { kind: 'stopped' };
      }
      out = { ...pkt, src: { family: 4, value: publicIp } };
      comp.action = 'translate';
      comp.inboundHeader = header(pkt);
      comp.outboundHeader = header(out);
      comp.additionalDetails = ['IGW_ONE_TO_ONE_NAT'];
    }
    if (this.dir === 'forward') {
      if (pkt.family === 4) {
        this.stack.push({ kind: 'igw', id: igw.id, componentType: 'internet-gateway', viaGatewayRouteTable: false });
      }
    } else if (!this.popExpected(igw.id, comp, pkt.family === 4)) {
      return { kind: 'stopped' };
    }
    return this.reachInternet(out, igw);
  }

  private egressOnlyGatewayEgress(eigw: CEigw, pkt: Packet): WalkEnd {
    this.touch(eigw.id);
    const comp = this.push(eigw.ref, 'forward');
    if (eigw.vpc) comp.vpc = eigw.vpc.id;
    if (pkt.family !== 6) {
      comp.action = 'drop';
      this.block('SIM_INVALID_CONFIG_ON_PATH', comp, {
        message: `An egress-only internet gateway carries IPv6 only; the IPv4 route to ${eigw.id} cannot be created in AWS.`,
      });
      return { kind: 'stopped' };
    }
    if (this.dir === 'forward') {
      this.stack.push({
        kind: 'eigw',
        id: eigw.id,
        componentType: 'egress-only-internet-gateway',
        viaGatewayRouteTable: false,
      });
    } else {
      const top = this.stack[this.stack.length - 1];
      if (top?.kind !== 'eigw' || top.id !== eigw.id) {
        comp.action = 'drop';
        return this.asymmetric(
          comp,
          `The reply is routed to ${eigw.id}, which holds no state for this connection: the request did not leave through it, so the reply is not matched.`,
        );
      }
      this.stack.pop();
    }
    return this.reachInternet(pkt, eigw);
  }

  private reachInternet(pkt: Packet, exit: CIgw | CEigw): WalkEnd {
    const hairpin =
      pkt.dst.family === 4
        ? this.lk.publicIpOwner(pkt.dst.value) !== undefined
        : this.net.vpcList.some((v) => vpcContains(v, pkt.dst));
    if (hairpin) {
      const c = this.push({ id: 'internet', type: 'internet' }, 'drop');
      this.unsupported = true;
      this.block('SIM_UNSUPPORTED_IGW_HAIRPIN', c, {
        message: `${formatIp(pkt.dst)} belongs to a resource in a VPC; reaching it from a VPC through the internet gateway (hairpin) is not modelled.`,
        address: formatIp(pkt.dst),
      });
      return { kind: 'stopped' };
    }
    const c = this.push({ id: 'internet', type: 'internet' }, 'deliver');
    if (this.dir === 'return') {
      const exp = this.expectation;
      if (exp && (!ipEquals(pkt.dst, exp.clientAddress) || !ipEquals(pkt.src, exp.serverAddress))) {
        c.action = 'drop';
        return this.asymmetric(
          c,
          `The reply reaches the internet from ${formatIp(pkt.src)}, but the client sent to ${formatIp(exp.serverAddress)}; it cannot match the reply to its connection.`,
        );
      }
    }
    return { kind: 'internet', pkt, exit };
  }

  /** A packet from the internet reaches the VPC owning its destination. */
  private enterFromInternet(pkt: Packet, intendedVpc: CVpc | undefined, exit?: CIgw | CEigw): WalkEnd {
    if (pkt.dst.family === 4) {
      const mapping = this.lk.publicIpOwner(pkt.dst.value);
      const vpc = mapping?.device.vpc ?? intendedVpc;
      if (!vpc) {
        return this.nothingHolds(pkt);
      }
      const igw = this.lk.internetGatewayOf(vpc);
      if (!igw) return this.noInternetGateway(vpc, pkt);
      this.touch(igw.id);
      const comp = this.push(igw.ref, 'forward');
      comp.vpc = vpc.id;
      const rfc1918 = RFC1918.some((c) => cidrContains(c, pkt.src));
      if (rfc1918 || cidrContains(RFC6598, pkt.src)) {
        comp.action = 'drop';
        this.block(
          rfc1918 ? 'IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS' : 'IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS',
          comp,
          {
            message: `${igw.id} drops packets from the internet whose source ${formatIp(pkt.src)} is a ${rfc1918 ? 'private (RFC 1918)' : 'shared (RFC 6598)'} address.`,
            address: formatIp(pkt.src),
          },
        );
        return { kind: 'stopped' };
      }
      if (!mapping || mapping.device.vpc !== vpc) {
        comp.action = 'drop';
        this.block('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', comp, {
          message: `${formatIp(pkt.dst)} is not a public IPv4 address or Elastic IP of any interface in ${vpc.id}, so ${igw.id} has nowhere to deliver it.`,
          address: formatIp(pkt.dst),
        });
        return { kind: 'stopped' };
      }
      const out: Packet = { ...pkt, dst: { family: 4, value: mapping.privateIp } };
      comp.action = 'translate';
      comp.inboundHeader = header(pkt);
      comp.outboundHeader = header(out);
      comp.additionalDetails = ['IGW_ONE_TO_ONE_NAT'];
      if (this.dir === 'forward') {
        this.stack.push({ kind: 'igw', id: igw.id, componentType: 'internet-gateway', viaGatewayRouteTable: false });
      } else if (!this.popExpected(igw.id, comp)) {
        return { kind: 'stopped' };
      }
      return this.afterInternetGateway(igw, vpc, out);
    }
    // IPv6: no translation; the VPC whose IPv6 blocks hold the destination.
    const vpc = intendedVpc ?? this.net.vpcList.find((v) => vpcContains(v, pkt.dst));
    if (!vpc) {
      return this.nothingHolds(pkt);
    }
    if (this.dir === 'return' && exit && exit.ref.type === 'egress-only-internet-gateway') {
      // The reply to a connection that left through the egress-only gateway comes back through it.
      const comp = this.push(exit.ref, 'forward');
      comp.vpc = vpc.id;
      if (!this.popExpected(exit.id, comp)) return { kind: 'stopped' };
      return this.deliverLocal(vpc, pkt, undefined);
    }
    const igw6 = this.lk.internetGatewayOf(vpc);
    if (igw6) {
      const igw = igw6;
      this.touch(igw.id);
      const comp = this.push(igw.ref, 'forward');
      comp.vpc = vpc.id;
      return this.afterInternetGateway(igw, vpc, pkt);
    }
    const eigw = this.lk.egressOnlyGatewayOf(vpc);
    if (eigw) {
      const comp = this.push(eigw.ref, 'drop');
      comp.vpc = vpc.id;
      this.block('SIM_EIGW_INBOUND_UNSOLICITED', comp, {
        message: `${eigw.id} is egress-only: it lets instances start IPv6 connections to the internet, never the other way round.`,
      });
      return { kind: 'stopped' };
    }
    return this.noInternetGateway(vpc, pkt);
  }

  private nothingHolds(pkt: Packet): WalkEnd {
    const c = this.push({ id: 'internet', type: 'internet' }, 'drop');
    this.block('NO_PATH', c, {
      message: `Nothing in the topology holds ${formatIp(pkt.dst)}.`,
      address: formatIp(pkt.dst),
    });
    return { kind: 'stopped' };
  }

  private noInternetGateway(vpc: CVpc, pkt: Packet): WalkEnd {
    const c = this.push(vpc.ref, 'drop');
    this.block('SIM_NO_INTERNET_GATEWAY', c, {
      message: `${vpc.id} has no internet gateway attached, so ${formatIp(pkt.dst)} cannot be reached from the internet.`,
    });
    return { kind: 'stopped' };
  }

  /** Ingress routing: the gateway route table if one is associated, else local delivery (semantics.md 2.6). */
  private afterInternetGateway(igw: CIgw, vpc: CVpc, pkt: Packet): WalkEnd {
    const rt = this.lk.edgeRouteTableOf(igw);
    if (!rt) return this.deliverLocal(vpc, pkt, undefined);
    const route = this.lk.lookupRoute(rt, pkt.dst);
    const comp = this.push(this.routeTableRef(rt), 'route');
    comp.vpc = vpc.id;
    this.touch(rt.id);
    if (!route || route.state === 'blackhole') {
      comp.action = 'drop';
      if (route) comp.routeTableRoute = route.ref;
      this.block(route ? 'BAD_STATE_ROUTE' : 'NO_ROUTE_TO_DESTINATION', comp, {
        message: route
          ? `${rt.id} sends ${route.destination} to ${route.target}, which ${blackholeReason(this.net, route)}.`
          : `${rt.id} has no route that matches ${formatIp(pkt.dst)}.`,
        address: formatIp(pkt.dst),
      });
      return { kind: 'stopped' };
    }
    comp.routeTableRoute = route.ref;
    if (this.trackTouched && route.path) this.usedPaths.add(route.path);
    if (route.targetType === 'local') return this.deliverLocal(vpc, pkt, undefined);
    if (route.targetType === 'network-interface' || route.targetType === 'instance') {
      const eni = this.lk.routeTarget(route) as CEni;
      if (eni.publicIp4 === undefined && pkt.family === 4) {
        this.block('INGRESS_RTB_NO_PUBLIC_IP', comp, {
          componentId: eni.id,
          componentType: 'network-interface',
          message: `${rt.id} steers inbound traffic to ${eni.id}, which has no public IP; a middlebox behind the internet gateway needs one.`,
        });
      }
      this.gatewayRouteTableEntry = true;
      return this.arriveAtDevice(eni, pkt, true);
    }
    comp.action = 'drop';
    this.block('SIM_INVALID_CONFIG_ON_PATH', comp, {
      message: `A gateway route table may only target local or a network interface; ${route.target} is not allowed.`,
    });
    return { kind: 'stopped' };
  }

  // ---------------------------------------------------------------- checks

  /** Evaluates a subnet's NACL for one crossing; records the rule that decided. */
  private naclCheck(nacl: CNacl, subnet: CSubnet, egress: boolean, pkt: Packet): Packet {
    this.touch(nacl.id);
    const outcome: NaclOutcome = this.lk.evaluateNacl(nacl, egress, pkt);
    const dirn: TrafficDirection = egress ? 'egress' : 'ingress';
    const comp = this.push(nacl.ref, 'allow');
    comp.trafficDirection = dirn;
    comp.subnet = subnet.id;
    comp.vpc = subnet.vpc.id;
    const first = outcome.decisions[0];
    if (outcome.decisions.length === 1 && first) {
      comp.aclRule = first.rule.ref;
      if (this.trackTouched && first.rule.path) this.usedPaths.add(first.rule.path);
      if (outcome.denied.length === 0) return pkt;
    }
    const refs = outcome.decisions.map((d) => ({ ports: d.ports.map(copyRange), rule: d.rule.ref }));
    if (first) comp.aclRule = refs[0]!.rule;
    if (this.trackTouched) for (const d of outcome.decisions) if (d.rule.path) this.usedPaths.add(d.rule.path);
    if (outcome.decisions.length > 1) comp.aclPortDecisions = refs;
    if (outcome.denied.length === 0) return pkt;
    const denyRef = refs.find((r) => r.rule.action === 'deny')?.rule ?? comp.aclRule!;
    const what = describeTraffic(pkt, egress);
    if (outcome.allowed.length === 0) {
      comp.action = 'deny';
      comp.aclRule = denyRef;
      this.block('SUBNET_ACL_RESTRICTION', comp, {
        direction: dirn,
        message: `${nacl.id} ${egress ? 'outbound' : 'inbound'} ${ruleLabel(denyRef.ruleNumber)} denies ${what}${this.dir === 'return' ? ' (the reply; NACLs are stateless, so replies need their own rule)' : ''}.`,
        aclRule: denyRef,
      });
      // What-if: the walk goes on as if allowed, to list every blocker.
      return pkt;
    }
    // Only part of the port set passes: the client's other ephemeral ports fail (REACHABLE_PARTIAL).
    const explanation = this.note('SIM_EPHEMERAL_PARTIAL', comp, {
      direction: dirn,
      message: `${nacl.id} ${egress ? 'outbound' : 'inbound'} passes the reply only for ports ${formatPortSet(outcome.allowed)}; ports ${formatPortSet(outcome.denied)} are denied by ${ruleLabel(denyRef.ruleNumber)}.`,
      aclRule: denyRef,
    });
    explanation.portRanges = outcome.denied.map(copyRange);
    // Only the allowed ports travel on: later checks narrow them further.
    return { ...pkt, dport: outcome.allowed };
  }

  /** Security groups: rules on the request, connection tracking on the reply (semantics.md 4.3). */
  private securityGroupCheck(eni: CEni, dirn: TrafficDirection, pkt: Packet): boolean {
    const egress = dirn === 'egress';
    const sgIds = eni.sgIdList;
    if (this.trackTouched) for (const id of sgIds) this.touch(id);
    const firstSg = eni.sgs[0];
    const comp = this.push(firstSg ? firstSg.ref : eni.ref, 'allow');
    comp.trafficDirection = dirn;
    comp.attachedTo = eni.id;
    comp.securityGroups = [...sgIds];
    if (this.dir === 'return' && this.conntrack.includes(eni)) {
      comp.securityGroupRule = {
        sgId: firstSg?.id ?? eni.id,
        direction: dirn,
        ruleIndex: -1,
        peer: formatIp(egress ? pkt.dst : pkt.src),
        protocol: protocolName(pkt.proto),
        viaConntrack: true,
      };
      comp.additionalDetails = ['SG_CONNECTION_TRACKING'];
      return true;
    }
    const match = this.lk.matchSecurityGroups(eni, egress, pkt, this.refVpcFor(eni, egress, pkt));
    if (this.dir === 'forward') this.conntrack.push(eni);
    if (match) {
      comp.component = match.sg.ref;
      comp.securityGroupRule = match.ref;
      if (this.trackTouched && match.path) this.usedPaths.add(match.path);
      return true;
    }
    comp.action = 'deny';
    const noRules = eni.sgs.every((g) => (egress ? g.outbound : g.inbound).length === 0);
    const hiddenRef = !this.refsPreserved && this.lk.matchSecurityGroups(eni, egress, pkt, eni.vpc) !== undefined;
    const viaTgw = this.lastTgw;
    if (
      !egress &&
      this.refsPreserved &&
      viaTgw?.to === eni.vpc &&
      !viaTgw.crossedPeering &&
      !viaTgw.tgw.sgRefSupport &&
      this.lk.matchSecurityGroups(eni, egress, pkt, viaTgw.from) !== undefined
    ) {
      comp.additionalDetails = ['SG_REFERENCING_SUPPORT'];
    }
    const code: ExplanationCode = noRules
      ? 'SG_HAS_NO_RULES'
      : hiddenRef
        ? 'SG_REFERENCES_NOT_PRESERVED'
        : 'ENI_SG_RULES_MISMATCH';
    const groups = sgIds.length === 0 ? 'no security groups' : sgIds.join(', ');
    const message = noRules
      ? `${groups} on ${eni.id} ${sgIds.length === 1 ? 'has' : 'have'} no ${egress ? 'outbound' : 'inbound'} rules, so ${describeTraffic(pkt, egress)} is denied.`
      : hiddenRef
        ? `${groups} on ${eni.id} allow the original sender only by security-group reference, but a NAT or middlebox on the path replaced the sender's address, so the reference cannot match.`
        : `No ${egress ? 'outbound' : 'inbound'} rule in ${groups} on ${eni.id} allows ${describeTraffic(pkt, egress)}.`;
    this.block(code, comp, {
      direction: dirn,
      securityGroups: [...sgIds],
      message,
      componentId: eni.id,
      componentType: 'network-interface',
    });
    return false;
  }

  /**
   * The VPC whose interfaces a security-group reference stands for on this packet: the interface's own,
   * or the peer VPC across an active same-region peering (semantics.md 4.2); none once a NAT or a
   * middlebox has hidden the sender.
   */
  private refVpcFor(eni: CEni, egress: boolean, pkt: Packet): CVpc | undefined {
    if (!this.refsPreserved) return undefined;
    if (!(egress ? eni.outboundRefs : eni.inboundRefs)) return eni.vpc;
    const peerAddr = egress ? pkt.dst : pkt.src;
    if (vpcContains(eni.vpc, peerAddr)) return eni.vpc;
    if (egress) {
      // Before routing: the peer lives where this subnet's route for it leads.
      const route = this.lk.lookupRoute(this.lk.routeTableOf(eni.subnet), peerAddr);
      if (route?.state === 'active' && route.targetType === 'vpc-peering-connection') {
        const pcx = this.lk.routeTarget(route) as CPeering;
        if (pcx.sameRegion && pcx.status === 'active') return pcx.requester === eni.vpc ? pcx.accepter : pcx.requester;
      }
      return undefined;
    }
    const crossed = this.lastPeering;
    if (crossed && crossed.to === eni.vpc && crossed.pcx.sameRegion) return crossed.from;
    // Over a transit gateway, inbound references work only with its referencing support on (semantics.md 9.5).
    const viaTgw = this.lastTgw;
    if (viaTgw && viaTgw.to === eni.vpc && viaTgw.tgw.sgRefSupport && !viaTgw.crossedPeering) return viaTgw.from;
    return undefined;
  }

  // ---------------------------------------------------------------- state

  /** Pops the reply's expected stateful hop; a different one means the reply took another way back. */
  private popExpected(id: string, comp: PathComponent, required = true): boolean {
    const top = this.stack[this.stack.length - 1];
    if (top && top.id === id) {
      this.stack.pop();
      return true;
    }
    if (!required && (!top || top.kind !== 'igw')) return true;
    comp.action = 'drop';
    const skipped = top;
    if (skipped?.viaGatewayRouteTable) {
      this.block('INGRESS_RTB_TRAFFIC_REDIRECTION', comp, {
        message: `The request came in through ${skipped.id} (the internet gateway route table redirects inbound traffic to it), but the reply reaches ${id} without passing ${skipped.id}: the reply must return through the appliance.`,
      });
      return false;
    }
    this.asymmetric(
      comp,
      skipped
        ? `The reply reaches ${id}, but the request went through ${skipped.id}; the reply must come back the same way to be matched to the connection.`
        : `The reply reaches ${id}, which the request did not pass; the reply is not matched to the connection.`,
    );
    return false;
  }

  /** Called when the reply arrives at the client: every stateful hop must have been met again. */
  finishReturnAt(eni: CEni | undefined, pkt: Packet): void {
    const top = this.stack[this.stack.length - 1];
    const last = this.comps[this.comps.length - 1];
    if (top && last) {
      // Blame the route that sent the reply around the stateful hop, when there is one.
      const router = [...this.comps].reverse().find((c) => c.component.type === 'route-table') ?? last;
      router.action = 'drop';
      this.asymmetric(
        router,
        `The reply is routed back without passing ${top.id}, which the request went through; ${top.id} never sees it, so it is not matched to the connection. Route the reply through ${top.id}.`,
      );
      return;
    }
    const exp = this.expectation;
    if (exp && last && (!ipEquals(pkt.src, exp.serverAddress) || (eni && exp.clientEni !== eni))) {
      last.action = 'drop';
      this.asymmetric(
        last,
        `The reply arrives from ${formatIp(pkt.src)}, but the client sent its request to ${formatIp(exp.serverAddress)}; it is not matched to the connection.`,
      );
    }
  }

  // ---------------------------------------------------------------- helpers

  private asymmetric(comp: PathComponent, message: string): WalkEnd {
    const shift = this.azShift;
    if (shift) {
      // The reply met another stateful hop because the transit gateway let it in through another zone.
      comp.additionalDetails = [...(comp.additionalDetails ?? []), 'TRANSIT_GATEWAY_APPLIANCE_MODE_RECOMMENDED'];
      this.block('SIM_APPLIANCE_MODE_ASYMMETRY', comp, {
        message: `${message} The request entered ${shift.attachment.vpc?.id ?? shift.attachment.id} through ${shift.forward.id} (${shift.forward.az}) but the reply through ${shift.reply.id} (${shift.reply.az}): ${shift.attachment.id} has appliance mode off. Enable it to keep both directions in one zone.`,
      });
      return { kind: 'stopped' };
    }
    this.block('SIM_ASYMMETRIC_RETURN', comp, { message });
    return { kind: 'stopped' };
  }

  private loop(id: string): WalkEnd {
    const c = this.push({ id, type: 'network-interface' }, 'drop');
    this.block('SIM_ROUTING_LOOP', c, { message: `The packet keeps coming back to ${id}: the routes form a loop.` });
    return { kind: 'stopped' };
  }

  private publicAddressOf(vpc: CVpc, src: IpAddress): number | undefined {
    if (src.family !== 4) return undefined;
    const d = this.lk.deviceAt(vpc, src);
    if (!d) return undefined;
    if (d.kind === 'eni') return d.ips4[0] === src.value ? d.publicIp4 : undefined;
    return d.connectivity === 'public' ? d.publicIp4 : undefined;
  }

  private emitEndpoint(eni: CEni, action: 'send' | 'deliver'): void {
    this.touch(eni.id);
    this.touch(eni.subnet.id);
    this.touch(eni.vpc.id);
    if (action === 'send' && eni.instance) this.push(this.instanceRef(eni), action);
    this.push(this.interfaceRef(eni), action);
    if (action === 'deliver' && eni.instance) this.push(this.instanceRef(eni), action);
  }

  private instanceRef(eni: CEni): PathComponent['component'] {
    return eni.instance!.ref;
  }

  private interfaceRef(eni: CEni): PathComponent['component'] {
    return eni.ref;
  }

  private deviceRef(d: CDevice): PathComponent['component'] {
    return d.ref;
  }

  private routeTableRef(rt: CRouteTable): PathComponent['component'] {
    return rt.ref;
  }

  private push(component: PathComponent['component'], action: PathComponent['action']): PathComponent {
    // One numbering across both paths: the reply continues where the request ended.
    const seq = this.forward.length + (this.dir === 'return' ? this.ret.length : 0) + 1;
    const c: PathComponent = this.blocked
      ? { seq, direction: this.dir, component, action, whatIf: true }
      : { seq, direction: this.dir, component, action };
    this.comps.push(c);
    return c;
  }

  private touch(id: string): void {
    // Only needed to attach configuration diagnostics; skipped for clean topologies (the hot path).
    if (this.trackTouched) this.touched.add(id);
  }

  private block(code: ExplanationCode, comp: PathComponent, extra: ExplanationExtra): Explanation {
    return this.explain(code, comp, extra, true);
  }

  private note(code: ExplanationCode, comp: PathComponent, extra: ExplanationExtra): Explanation {
    return this.explain(code, comp, extra, false);
  }

  private explain(code: ExplanationCode, comp: PathComponent, extra: ExplanationExtra, blocking: boolean): Explanation {
    const { componentId, componentType, ...rest } = extra;
    const e: Explanation = {
      code,
      pathDirection: this.dir,
      componentId: componentId ?? comp.component.id,
      componentType: componentType ?? comp.component.type,
      blocking,
      ...rest,
    };
    this.explanations.push(e);
    (comp.explanationCodes ??= []).push(code);
    if (blocking) this.blocked = true;
    return e;
  }
}

interface ExplanationExtra {
  message: string;
  direction?: TrafficDirection;
  componentId?: string;
  componentType?: ComponentType;
  securityGroups?: string[];
  aclRule?: AclRuleRef;
  routeTableRoute?: RouteRef;
  address?: string;
}

function holds(eni: CEni, ip: IpAddress): boolean {
  return ip.family === 4 ? eni.ips4.includes(ip.value) : eni.ips6.includes(ip.value);
}

function ruleLabel(n: number): string {
  return n === 32767 ? 'rule * (32767)' : `rule ${n}`;
}

function portsText(ports: PortSet): string {
  return formatPortSet(ports);
}

/** "tcp 443 to 10.0.2.10" / "tcp 32768-60999 from 10.0.1.10" for messages. */
export function describeTraffic(pkt: Packet, towardsDst: boolean): string {
  const peer = towardsDst ? `to ${formatIp(pkt.dst)}` : `from ${formatIp(pkt.src)}`;
  if (pkt.proto === PROTO_ALL) return `all traffic ${peer}`;
  if (hasPorts(pkt.proto)) return `${protocolName(pkt.proto)} ${portsText(pkt.dport)} ${peer}`;
  if (pkt.icmpType !== undefined) return `${protocolName(pkt.proto)} type ${pkt.icmpType} ${peer}`;
  return `${protocolName(pkt.proto)} ${peer}`;
}

export function header(pkt: Packet): PacketHeader {
  const ported = hasPorts(pkt.proto);
  return {
    family: pkt.family,
    proto: pkt.proto,
    src: [formatIp(pkt.src)],
    dst: [formatIp(pkt.dst)],
    sport: ported ? pkt.sport.map(copyRange) : [],
    dport: ported ? pkt.dport.map(copyRange) : [],
    ...(pkt.icmpType !== undefined ? { icmp: { type: pkt.icmpType, code: pkt.icmpCode ?? 0 } } : {}),
  };
}

function copyRange(r: PortRange): PortRange {
  return { from: r.from, to: r.to };
}

function blackholeReason(net: Network, r: CRoute): string {
  const nat = net.natGateways.get(r.target);
  if (nat) return nat.available ? 'belongs to another VPC' : `is ${nat.state}`;
  const igw = net.internetGateways.get(r.target);
  if (igw) return igw.vpc ? 'is attached to another VPC' : 'is detached';
  const eigw = net.egressOnlyInternetGateways.get(r.target);
  if (eigw) return 'belongs to another VPC';
  const inst = net.instances.get(r.target);
  if (inst) return inst.running ? 'is in another VPC' : `is ${inst.state}`;
  if (net.enis.has(r.target)) return 'is not usable from this VPC';
  if (net.otherResources.has(r.target)) return 'is not active';
  return 'does not exist (deleted)';
}
