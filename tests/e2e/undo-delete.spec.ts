// Journey: delete a NAT gateway from the canvas, see what AWS would leave behind (blackhole routes in
// the private subnets), then undo and redo the deletion from the keyboard and from the toolbar.
import { expect, test, type EditorPage } from './fixtures/editor-page.ts';

const SCENARIO = 'public-private-nat.json';
const NAT = 'nat-a';
/** Subnets whose route table sends 0.0.0.0/0 to the NAT gateway. */
const PRIVATE_SUBNETS = ['subnet-app-a', 'subnet-db-b'];

/** The canvas's route edges from the private subnets to the NAT gateway. */
function routeEdges(editor: EditorPage) {
  const ids = PRIVATE_SUBNETS.map((s) => `.react-flow__edge[data-id="route:${s}->${NAT}"]`);
  return editor.canvas.root.locator(ids.join(', '));
}

async function expectDeleted(editor: EditorPage): Promise<void> {
  await expect(editor.canvas.node(NAT)).toHaveCount(0);
  for (const subnet of PRIVATE_SUBNETS) {
    await expect(editor.canvas.blackholeBadge(subnet)).toBeVisible();
    await expect(editor.canvas.blackholeBadge(subnet)).toContainText('0.0.0.0/0');
  }
  // No edge can point at a node that is gone: the badge is what shows the blackhole.
  await expect(routeEdges(editor)).toHaveCount(0);
  await expect(editor.toolbar.undo).toBeEnabled();
}

async function expectRestored(editor: EditorPage): Promise<void> {
  await expect(editor.canvas.node(NAT)).toBeVisible();
  for (const subnet of PRIVATE_SUBNETS) await expect(editor.canvas.blackholeBadge(subnet)).toHaveCount(0);
  await expect(routeEdges(editor)).toHaveCount(PRIVATE_SUBNETS.length);
}

test('deleting a NAT gateway blackholes its routes; undo and redo work from keys and toolbar', async ({ editor }) => {
  const { canvas, toolbar, inspector, panel } = editor;
  await editor.open(SCENARIO);
  await expectRestored(editor);
  await expect(toolbar.undo).toBeDisabled();
  await expect(toolbar.redo).toBeDisabled();
  const nodesBefore = (await canvas.nodeIds()).sort();

  await canvas.select(NAT);
  expect(await inspector.selectedId()).toBe(NAT);
  await editor.page.keyboard.press('Delete');
  await expectDeleted(editor);
  await expect(toolbar.dirty).toBeVisible();
  // The route tables keep their routes, now pointing at nothing (format.md: a blackhole).
  const stored = (await editor.storedDocument()) as {
    topology: { natGateways?: unknown[]; routeTables: { id: string; routes: { target: string }[] }[] };
  };
  expect(stored.topology.natGateways ?? []).toEqual([]);
  expect(stored.topology.routeTables.find((r) => r.id === 'rtb-private')?.routes).toEqual([
    { destination: '0.0.0.0/0', target: NAT },
  ]);
  // The lint that was about the NAT gateway goes with it.
  await panel.show('diagnostics');
  await expect(panel.diagnostic('LINT_NAT_SINGLE_AZ')).toHaveCount(0);

  await editor.page.keyboard.press('Control+z');
  await expectRestored(editor);
  await expect(panel.diagnostic('LINT_NAT_SINGLE_AZ')).toHaveCount(1);
  const restored = await editor.storedDocument();
  expect(restored).toMatchObject({ topology: { natGateways: [{ id: NAT }] } });
  await expect(toolbar.redo).toBeEnabled();
  expect((await canvas.nodeIds()).sort()).toEqual(nodesBefore);

  await editor.page.keyboard.press('Control+Shift+Z');
  await expectDeleted(editor);

  await toolbar.undo.click();
  await expectRestored(editor);
  await toolbar.redo.click();
  await expectDeleted(editor);
  await expect(toolbar.redo).toBeDisabled();

  // Back to the start: nothing left to undo, and the document is the one the first undo restored.
  await toolbar.undo.click();
  await expectRestored(editor);
  await expect(toolbar.undo).toBeDisabled();
  expect(await editor.storedDocument()).toEqual(restored);

  expect(editor.consoleErrors).toEqual([]);
});
