// Journey: build "public + private subnets with a NAT gateway" from an empty canvas with the palette,
// drag and drop and the inspector only; save it, and prove with the engine that the saved file works.
import { compile, trace, type TraceQuery, type TraceResult } from '../../src/engine/index.ts';
import { loadDocument } from '../../src/model/index.ts';
import { expect, test, type EditorPage } from './fixtures/editor-page.ts';

/** Drops `item` and returns the id of what it created (the new resource is selected at once). */
async function create(editor: EditorPage, item: string, nodeId: string, at = { fx: 0.5, fy: 0.5 }): Promise<string> {
  const before = await editor.canvas.nodeIds();
  await editor.palette.dropOnNode(item, nodeId, at);
  await expect(editor.toast).toHaveCount(0);
  const id = await editor.inspector.selectedId();
  expect(before).not.toContain(id);
  return id;
}

function run(text: string, query: TraceQuery): TraceResult {
  const loaded = loadDocument(text);
  expect(loaded.document, 'the saved file loads').toBeDefined();
  const result = trace(compile(loaded.document!.topology), query);
  if (!result.ok) throw new Error(`trace ${query.from} -> ${query.to} failed: ${result.error.code}`);
  return result.value;
}

const through = (result: TraceResult) => result.forward.map((c) => c.component.id);

test('builds a public + private network with a NAT gateway from the palette, and the saved file works', async ({
  editor,
}) => {
  test.setTimeout(60_000);
  const { canvas, palette, inspector, toolbar, panel } = editor;
  await editor.open();
  await editor.newDocument();
  // An empty canvas says how to start.
  await expect(editor.page.getByTestId('canvas-empty')).toBeVisible();

  // A VPC on the empty canvas; it gets the first free /16 and its default security group.
  await palette.dropOnCanvas('vpc', { fx: 0.25, fy: 0.25 });
  await expect(editor.page.getByTestId('canvas-empty')).toBeHidden();
  const vpc = await inspector.selectedId();
  await expect(canvas.node(vpc)).toBeVisible();
  await expect(canvas.node(vpc)).toContainText('10.0.0.0/16');
  await inspector.fill('Name', 'Main VPC');
  await expect(canvas.node(vpc)).toContainText('Main VPC');

  // Two subnets in the VPC; the private one moves to the second zone, then auto-layout tidies up.
  const pub = await create(editor, 'subnet', vpc, { fx: 0.2, fy: 0.5 });
  await inspector.fill('Name', 'public');
  const priv = await create(editor, 'subnet', vpc, { fx: 0.1, fy: 0.9 });
  await inspector.fill('Name', 'private');
  await inspector.fill('Availability zone', 'us-east-1b');
  await expect(canvas.node(`${vpc}/us-east-1b`)).toBeVisible();
  await toolbar.autoLayout.click();
  await toolbar.zoomToFit();
  await expect(canvas.node(pub)).toContainText('10.0.0.0/24');
  await expect(canvas.node(priv)).toContainText('10.0.1.0/24');

  // The internet gateway attaches to the VPC; the NAT gateway needs it.
  const igw = await create(editor, 'internetGateway', vpc, { fx: 0.5, fy: 0.05 });
  await expect(canvas.node('internet')).toBeVisible();
  const nat = await create(editor, 'natGateway', pub, { fx: 0.1, fy: 0.5 });
  await toolbar.zoomToFit();
  const web = await create(editor, 'instance', pub, { fx: 0.6, fy: 0.5 });
  await inspector.fill('Name', 'web');
  const app = await create(editor, 'instance', priv, { fx: 0.3, fy: 0.5 });
  await inspector.fill('Name', 'app');
  await toolbar.zoomToFit();
  for (const id of [igw, nat, web, app]) await expect(canvas.node(id)).toBeVisible();
  // Both subnets use the implicit main table (local routes only): both are private so far.
  await expect(canvas.node(pub)).toHaveClass(/vpcsim-subnet--private/);

  // A route table for the public subnet: 0.0.0.0/0 -> IGW, associated with it.
  const rtbPublic = await create(editor, 'routeTable', vpc, { fx: 0.02, fy: 0.5 });
  await inspector.fill('Name', 'public routes');
  await inspector.field('New route destination').fill('0.0.0.0/0');
  await inspector.field('New route target').selectOption(igw);
  await inspector.button('Add route').click();
  await expect(inspector.field('Route 1 destination')).toHaveValue('0.0.0.0/0');
  await expect(inspector.field('Route 1 target')).toHaveValue(igw);
  await inspector
    .group('Subnet associations')
    .getByLabel(new RegExp(`\\(${pub}\\)`))
    .check();
  await expect(canvas.node(pub)).toHaveClass(/vpcsim-subnet--public/);
  await expect(canvas.node(pub)).toContainText('Public');
  await expect(canvas.root.locator(`.react-flow__edge[data-id="route:${pub}->${igw}"]`)).toHaveCount(1);

  // The web instance sits in a public subnet without a public IP: the lint says so until it has one.
  await panel.show('diagnostics');
  await expect(panel.diagnostic('LINT_PUBLIC_SUBNET_NO_PUBLIC_IP', web)).toHaveCount(1);
  await canvas.select(web);
  await inspector.fill('Public IP', '203.0.113.10');
  await expect(canvas.node(web)).toContainText('203.0.113.10');
  await expect(panel.diagnostic('LINT_PUBLIC_SUBNET_NO_PUBLIC_IP')).toHaveCount(0);

  // The private subnet's own table: 0.0.0.0/0 -> NAT gateway.
  const rtbPrivate = await create(editor, 'routeTable', vpc, { fx: 0.02, fy: 0.5 });
  await inspector.fill('Name', 'private routes');
  await inspector.field('New route destination').fill('0.0.0.0/0');
  await inspector.field('New route target').selectOption(nat);
  await inspector.button('Add route').click();
  await expect(inspector.field('Route 1 target')).toHaveValue(nat);
  await inspector
    .group('Subnet associations')
    .getByLabel(new RegExp(`\\(${priv}\\)`))
    .check();
  await expect(canvas.root.locator(`.react-flow__edge[data-id="route:${priv}->${nat}"]`)).toHaveCount(1);
  await expect(canvas.node(priv)).toHaveClass(/vpcsim-subnet--private/);

  // A security group letting HTTPS in from anywhere, attached to the web instance.
  const sg = await create(editor, 'securityGroup', vpc, { fx: 0.02, fy: 0.5 });
  await inspector.fill('Name', 'web-https');
  await inspector.section('Inbound rules').getByRole('button', { name: 'Add inbound rule' }).click();
  await expect(inspector.field('Inbound rule 1 protocol')).toHaveValue('tcp');
  await expect(inspector.field('Inbound rule 1 ports')).toHaveValue('443');
  await expect(inspector.field('Inbound rule 1 source')).toHaveValue('0.0.0.0/0');
  await inspector
    .group('Attached to')
    .getByLabel(new RegExp(`\\(${web}\\)`))
    .check();

  // The network is clean: no errors (warnings such as a single-AZ NAT are advice).
  await expect(panel.tab('diagnostics').locator('.count-error')).toHaveCount(0);

  // Save, and check the file with the engine in this process.
  const saved = await toolbar.saveFile();
  expect(saved.name).toMatch(/\.json$/);
  await expect(toolbar.dirty).toHaveCount(0);
  const loaded = loadDocument(saved.text);
  expect(loaded.diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
  const topology = loaded.document!.topology;
  expect(topology.routeTables?.find((r) => r.id === rtbPublic)).toMatchObject({
    subnetIds: [pub],
    routes: [{ destination: '0.0.0.0/0', target: igw }],
  });
  expect(topology.routeTables?.find((r) => r.id === rtbPrivate)).toMatchObject({
    subnetIds: [priv],
    routes: [{ destination: '0.0.0.0/0', target: nat }],
  });
  expect(topology.instances?.find((i) => i.id === web)).toMatchObject({ publicIp: '203.0.113.10' });
  expect(topology.instances?.find((i) => i.id === web)?.securityGroupIds).toContain(sg);

  const https = { protocol: 'tcp', port: 443 };
  const appOut = run(saved.text, { from: app, to: 'internet', ...https });
  expect(appOut.verdict).toBe('REACHABLE');
  expect(through(appOut)).toContain(nat);
  expect(through(appOut)).toContain(igw);

  const webOut = run(saved.text, { from: web, to: 'internet', ...https });
  expect(webOut.verdict).toBe('REACHABLE');
  expect(through(webOut)).toContain(igw);
  expect(through(webOut)).not.toContain(nat);

  const webIn = run(saved.text, { from: 'internet', to: web, ...https });
  expect(webIn.verdict).toBe('REACHABLE');
  // The private instance stays unreachable from the internet.
  expect(run(saved.text, { from: 'internet', to: app, ...https }).verdict).toBe('BLOCKED');

  expect(editor.consoleErrors).toEqual([]);
});
