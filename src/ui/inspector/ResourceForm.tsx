// Picks the form of a resource by its kind.
import { assertNever } from '../../lib/index.ts';
import type { Document, LocatedResource } from '../../model/index.ts';
import { EndpointForm } from './EndpointForm.tsx';
import { ExternalHostForm } from './ExternalHostForm.tsx';
import type { EditFn } from './form-types.ts';
import { GatewayForm } from './GatewayForm.tsx';
import { InstanceForm } from './InstanceForm.tsx';
import { NatGatewayForm } from './NatGatewayForm.tsx';
import { NetworkAclForm } from './NetworkAclForm.tsx';
import { NetworkInterfaceForm } from './NetworkInterfaceForm.tsx';
import { PeeringForm } from './PeeringForm.tsx';
import { PrefixListForm } from './PrefixListForm.tsx';
import { RouteTableForm } from './RouteTableForm.tsx';
import { SecurityGroupForm } from './SecurityGroupForm.tsx';
import { SubnetForm } from './SubnetForm.tsx';
import { TgwAttachmentForm } from './TgwAttachmentForm.tsx';
import { TgwRouteTableForm } from './TgwRouteTableForm.tsx';
import { TransitGatewayForm } from './TransitGatewayForm.tsx';
import { VpcForm } from './VpcForm.tsx';

export interface ResourceFormProps {
  document: Document;
  located: LocatedResource;
  onEdit: EditFn;
  onSelect: (id: string) => void;
}

export function ResourceForm({ document, located, onEdit, onSelect }: ResourceFormProps) {
  const common = { document, onEdit, onSelect };
  switch (located.kind) {
    case 'vpcs':
      return <VpcForm {...common} resource={located.resource} />;
    case 'subnets':
      return <SubnetForm {...common} resource={located.resource} />;
    case 'routeTables':
      return <RouteTableForm {...common} resource={located.resource} />;
    case 'networkAcls':
      return <NetworkAclForm {...common} resource={located.resource} />;
    case 'securityGroups':
      return <SecurityGroupForm {...common} resource={located.resource} />;
    case 'instances':
      return <InstanceForm {...common} resource={located.resource} />;
    case 'networkInterfaces':
      return <NetworkInterfaceForm {...common} resource={located.resource} />;
    case 'internetGateways':
    case 'egressOnlyInternetGateways':
      return <GatewayForm {...common} resource={located.resource} kind={located.kind} />;
    case 'natGateways':
      return <NatGatewayForm {...common} resource={located.resource} />;
    case 'vpcPeeringConnections':
      return <PeeringForm {...common} resource={located.resource} />;
    case 'transitGateways':
      return <TransitGatewayForm {...common} resource={located.resource} />;
    case 'transitGatewayAttachments':
      return <TgwAttachmentForm {...common} resource={located.resource} />;
    case 'transitGatewayRouteTables':
      return <TgwRouteTableForm {...common} resource={located.resource} />;
    case 'vpcEndpoints':
      return <EndpointForm {...common} resource={located.resource} />;
    case 'prefixLists':
      return <PrefixListForm {...common} resource={located.resource} />;
    case 'externalHosts':
      return <ExternalHostForm {...common} resource={located.resource} />;
    default:
      return assertNever(located);
  }
}
