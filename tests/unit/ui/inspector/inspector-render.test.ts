// Server-renders the inspector for every resource of every scenario (no DOM needed): each form
// renders without throwing, shows the resource's diagnostics, and labels its fields.
import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TOPOLOGY_FIELDS } from '../../../../src/model/fields.ts';
import type { Diagnostic, Document } from '../../../../src/model/index.ts';
import { Inspector, type InspectorProps } from '../../../../src/ui/inspector/index.ts';

const dir = new URL('../../../../scenarios/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.json'));

function render(document: Document, selection: string[], diagnostics: Diagnostic[] = []): string {
  const props: InspectorProps = { document, selection, diagnostics, onEdit: () => {}, onSelect: () => {} };
  return renderToStaticMarkup(createElement(Inspector, props));
}

describe.each(names)('%s', (name) => {
  const doc = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Document;
  const ids = TOPOLOGY_FIELDS.flatMap((kind) => (doc.topology[kind] ?? []).map((r: { id: string }) => r.id));

  it('renders a form for every resource', () => {
    for (const id of ids) {
      const html = render(doc, [id]);
      expect(html).toContain('data-testid="inspector"');
      expect(html).toContain('<label');
      expect(html).not.toContain('data-testid="field-error"');
    }
  });

  it('renders the meta form, a summary and derived containers', () => {
    expect(render(doc, [])).toContain('Title');
    expect(render(doc, ids.slice(0, 3))).toContain('data-testid="inspector-summary"');
    const vpc = doc.topology.vpcs?.[0];
    const subnet = doc.topology.subnets?.[0];
    for (const key of [
      'internet',
      'region/us-east-1',
      vpc && `${vpc.id}/rtb-main`,
      subnet && `${subnet.vpcId}/${subnet.availabilityZone}`,
    ]) {
      if (key !== undefined) expect(render(doc, [key])).toContain('insp-title');
    }
  });
});

describe('diagnostics', () => {
  it('shows only the selected resource’s diagnostics above its form', () => {
    const doc = JSON.parse(readFileSync(new URL('public-private-nat.json', dir), 'utf8')) as Document;
    const diagnostics: Diagnostic[] = [
      { code: 'CFG_IP_IN_USE', severity: 'error', resourceId: 'i-web', message: 'in use' },
      { code: 'CFG_SUBNET_OVERLAP', severity: 'error', resourceId: 'subnet-app-a', message: 'overlap' },
    ];
    const html = render(doc, ['i-web'], diagnostics);
    expect(html).toContain('data-testid="inspector-diagnostics"');
    expect(html).toContain('data-code="CFG_IP_IN_USE"');
    expect(html).not.toContain('CFG_SUBNET_OVERLAP');
    expect(render(doc, ['nat-a'], diagnostics)).not.toContain('inspector-diagnostics');
  });

  it('marks a route whose target names nothing as a blackhole', () => {
    const doc = JSON.parse(readFileSync(new URL('public-private-nat.json', dir), 'utf8')) as Document;
    doc.topology.routeTables![2]!.routes[0]!.target = 'nat-deleted';
    expect(render(doc, ['rtb-private'])).toContain('data-testid="route-blackhole"');
    expect(render(doc, ['rtb-public'])).not.toContain('data-testid="route-blackhole"');
  });
});
