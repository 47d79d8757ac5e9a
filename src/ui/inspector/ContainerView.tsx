// Views of the canvas's derived containers: an availability-zone band, a region, the internet, and
// the implicit main route table / default NACL of a VPC. Read-only lists with links.
import type { Document } from '../../model/index.ts';
import { DEFAULT_REGION, subnetsOfVpc, type SelectedItem } from './inspector-model.ts';
import { ReadOnlyField } from './ReadOnlyField.tsx';
import { ResourceLink } from './ResourceLink.tsx';

type ContainerItem = Exclude<SelectedItem, { kind: 'resource' } | { kind: 'unknown' }>;

export interface ContainerViewProps {
  document: Document;
  item: ContainerItem;
  onSelect: (id: string) => void;
}

function Links({
  document,
  ids,
  onSelect,
  empty,
}: {
  document: Document;
  ids: readonly string[];
  onSelect: (id: string) => void;
  empty: string;
}) {
  if (ids.length === 0) return <p className="insp-muted">{empty}</p>;
  return (
    <ul>
      {ids.map((id) => (
        <li key={id}>
          <ResourceLink document={document} id={id} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

export function ContainerView({ document, item, onSelect }: ContainerViewProps) {
  const t = document.topology;
  switch (item.kind) {
    case 'az': {
      const subnets = subnetsOfVpc(document, item.vpc.id).filter((s) => s.availabilityZone === item.availabilityZone);
      return (
        <>
          <h3 className="insp-title">Availability zone {item.availabilityZone}</h3>
          <ReadOnlyField label="VPC">
            <ResourceLink document={document} id={item.vpc.id} onSelect={onSelect} />
          </ReadOnlyField>
          <section className="insp-section" aria-label="Subnets">
            <h4>Subnets</h4>
            <Links
              document={document}
              ids={subnets.map((s) => s.id)}
              onSelect={onSelect}
              empty="No subnets in this zone."
            />
          </section>
        </>
      );
    }
    case 'region': {
      const vpcs = (t.vpcs ?? []).filter((v) => (v.region ?? DEFAULT_REGION) === item.region);
      return (
        <>
          <h3 className="insp-title">Region {item.region}</h3>
          <section className="insp-section" aria-label="VPCs">
            <h4>VPCs</h4>
            <Links
              document={document}
              ids={vpcs.map((v) => v.id)}
              onSelect={onSelect}
              empty="No VPCs in this region."
            />
          </section>
        </>
      );
    }
    case 'internet':
      return (
        <>
          <h3 className="insp-title">Internet</h3>
          <p className="insp-muted">
            Any host outside the VPCs. Traces from or to <code>internet</code> use a generic public address.
          </p>
          <section className="insp-section" aria-label="Internet gateways">
            <h4>Internet gateways</h4>
            <Links
              document={document}
              ids={(t.internetGateways ?? []).map((g) => g.id)}
              onSelect={onSelect}
              empty="None."
            />
          </section>
          <section className="insp-section" aria-label="External hosts">
            <h4>External hosts</h4>
            <Links
              document={document}
              ids={(t.externalHosts ?? []).map((h) => h.id)}
              onSelect={onSelect}
              empty="None."
            />
          </section>
        </>
      );
    case 'implicit': {
      const main = item.what === 'main-route-table';
      const explicit = main ? (t.routeTables ?? []) : (t.networkAcls ?? []);
      const users = subnetsOfVpc(document, item.vpc.id)
        .filter((s) => !explicit.some((x) => (x.subnetIds ?? []).includes(s.id)))
        .map((s) => s.id);
      return (
        <>
          <h3 className="insp-title">{main ? 'Implicit main route table' : 'Implicit default network ACL'}</h3>
          <ReadOnlyField label="VPC">
            <ResourceLink document={document} id={item.vpc.id} onSelect={onSelect} />
          </ReadOnlyField>
          <p className="insp-muted">
            {main
              ? 'The VPC has no main route table in the document, so AWS\u2019s implicit one applies: local routes only. Create a route table and make it main to change it.'
              : 'The VPC has no default network ACL in the document, so AWS\u2019s implicit one applies: allow all traffic in both directions. Create a network ACL and make it the default to change it.'}
          </p>
          <section className="insp-section" aria-label="Subnets">
            <h4>Used by</h4>
            <Links document={document} ids={users} onSelect={onSelect} empty="No subnets." />
          </section>
        </>
      );
    }
  }
}
