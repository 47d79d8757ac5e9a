// The shapes the edit recipes take and return (docs/editor.md): what the palette can create, and
// where. Pure data, shared by the recipes, the store and the canvas.

/** Where a new node sits, relative to its parent container (docs/editor.md, layout convention). */
export interface Position {
  x: number;
  y: number;
}

/** One request per palette item; each names the container it is dropped into. */
export type CreateRequest =
  | { kind: 'vpc'; region?: string; position?: Position }
  | { kind: 'subnet'; vpcId: string; availabilityZone: string; position?: Position }
  | { kind: 'instance'; subnetId: string; position?: Position }
  | { kind: 'networkInterface'; subnetId: string; position?: Position }
  | { kind: 'natGateway'; subnetId: string; position?: Position }
  | { kind: 'internetGateway'; vpcId: string; position?: Position }
  | { kind: 'egressOnlyInternetGateway'; vpcId: string; position?: Position }
  | { kind: 'routeTable'; vpcId: string }
  | { kind: 'networkAcl'; vpcId: string }
  | { kind: 'securityGroup'; vpcId: string }
  | { kind: 'vpcPeeringConnection'; requesterVpcId: string; accepterVpcId: string; position?: Position }
  | { kind: 'transitGateway'; region?: string; position?: Position }
  | { kind: 'transitGatewayAttachment'; transitGatewayId: string; vpcId: string }
  | { kind: 'vpcEndpoint'; vpcId: string; type: 'gateway' | 'interface'; service: string; position?: Position }
  | { kind: 'prefixList' }
  | { kind: 'externalHost'; position?: Position };

export type CreateKind = CreateRequest['kind'];

export type CreateOutcome = { ok: true; id: string } | { ok: false; reason: string };
