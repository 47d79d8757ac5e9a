// Journeys: work survives a reload (document and dirty marker), and a saved file reopened through
// Open… is the same document (a second save gives the same JSON).
import { expect, test } from './fixtures/editor-page.ts';

test('a reload restores the edited document and its unsaved marker', async ({ editor }) => {
  const { canvas, inspector, toolbar } = editor;
  await editor.open();
  const title = await toolbar.title.textContent();
  await expect(toolbar.dirty).toHaveCount(0);

  await canvas.select('i-web');
  await inspector.fill('Name', 'Frontend');
  await expect(canvas.node('i-web')).toContainText('Frontend');
  await expect(toolbar.dirty).toBeVisible();

  await editor.page.reload();
  await expect(canvas.node('i-web')).toContainText('Frontend');
  await expect(toolbar.title).toContainText(title?.replace(/\s*•\s*$/, '') ?? '');
  await expect(toolbar.dirty).toBeVisible();
  // Undo history is not kept across a reload; the document is.
  await expect(toolbar.undo).toBeDisabled();

  // A second edit after the reload, and a reload of an empty new network, keep working the same way.
  await editor.newDocument();
  await editor.palette.dropOnCanvas('vpc', { fx: 0.3, fy: 0.3 });
  const vpc = await inspector.selectedId();
  await editor.page.reload();
  await expect(canvas.node(vpc)).toBeVisible();
  await expect(toolbar.title).toContainText('Untitled network');
  await expect(toolbar.dirty).toBeVisible();
  expect(editor.dialogs).toHaveLength(1); // New asked before dropping the unsaved Frontend edit.
  expect(editor.consoleErrors).toEqual([]);
});

test('save, reopen with Open…, and save again gives the same document', async ({ editor }) => {
  const { canvas, inspector, toolbar } = editor;
  await editor.open('tgw-centralized-egress.json');
  const title = (await toolbar.title.textContent()) ?? '';
  const nodes = (await canvas.nodeIds()).sort();
  expect(nodes.length).toBeGreaterThan(5);

  // An edit, so the file is not just the scenario as bundled.
  const first = nodes.find((id) => id.startsWith('i-'));
  if (first === undefined) throw new Error('the scenario has no instance');
  await canvas.select(first);
  await inspector.fill('Name', 'Renamed before saving');

  const saved = await toolbar.saveFile();
  await expect(toolbar.dirty).toHaveCount(0);

  await editor.newDocument();
  expect(editor.dialogs).toEqual([]); // Saved work: New does not ask.
  await toolbar.openFile(saved.name, saved.text);
  await expect(toolbar.title).toHaveText(title);
  await expect(canvas.node(first)).toContainText('Renamed before saving');
  expect((await canvas.nodeIds()).sort()).toEqual(nodes);
  await expect(toolbar.dirty).toHaveCount(0);
  await expect(toolbar.undo).toBeDisabled();

  const again = await toolbar.saveFile();
  expect(again.name).toBe(saved.name);
  expect(JSON.parse(again.text)).toEqual(JSON.parse(saved.text));
  expect(again.text).toBe(saved.text);
  expect(editor.consoleErrors).toEqual([]);
});

test('Open… refuses a file that is not a network, and keeps the open document', async ({ editor }) => {
  const { canvas, toolbar } = editor;
  await editor.open();
  const nodes = (await canvas.nodeIds()).sort();
  await toolbar.openFile('broken.json', '{ "format": "vpcsim/1", "topology": ');
  await expect(editor.toast).toBeVisible();
  await expect(editor.toast).toContainText('broken.json');
  expect((await canvas.nodeIds()).sort()).toEqual(nodes);
  expect(editor.consoleErrors).toEqual([]);
});
