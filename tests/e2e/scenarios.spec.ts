// Journeys: every bundled scenario opens from the gallery without a console error, with its title and
// its nodes; `?scenario=` opens one directly; an unknown name gets an error toast and a usable editor.
import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures/editor-page.ts';

/** The files the app bundles (src/app/scenarios.ts globs scenarios/*.json). */
const FILES = readdirSync(new URL('../../scenarios/', import.meta.url))
  .filter((name) => name.endsWith('.json'))
  .sort();

test('the gallery lists every scenario and opens each one with its title and nodes', async ({ editor }) => {
  test.setTimeout(90_000);
  const { canvas, gallery, toolbar } = editor;
  await editor.open();
  const names = await gallery.names();
  expect(names).toEqual(FILES);

  for (const name of names) {
    await gallery.show();
    const item = gallery.dialog.locator(`[data-testid="gallery-item"][data-scenario="${name}"]`);
    await expect(item.locator('.gallery-broken')).toHaveCount(0);
    const title = ((await item.locator('strong').textContent()) ?? '').trim();
    expect(title, `${name} has a title`).not.toBe('');
    await item.click();
    await expect(gallery.dialog).toBeHidden();
    await expect(toolbar.title, name).toHaveText(title);
    await expect(editor.page).toHaveURL(new RegExp(`[?&]scenario=${name.replaceAll('.', '\\.')}`));
    await expect(canvas.nodes.first(), `${name} shows nodes`).toBeVisible();
    expect(await canvas.nodes.count()).toBeGreaterThan(0);
    // Opening a preset is not an edit.
    await expect(toolbar.dirty).toHaveCount(0);
    await expect(editor.toast, `${name} opens without an error`).toHaveCount(0);
    expect(editor.consoleErrors, `console errors after opening ${name}`).toEqual([]);
  }
});

test('?scenario= opens a scenario, and Back returns to the previous one', async ({ editor }) => {
  const { canvas, gallery, toolbar } = editor;
  await editor.open('tgw-hub-spoke-isolated.json');
  await expect(toolbar.title).not.toHaveText('');
  const hubTitle = (await toolbar.title.textContent()) ?? '';
  await expect(canvas.node('region/us-east-1')).toBeVisible();
  expect(await canvas.nodes.count()).toBeGreaterThan(0);

  await gallery.choose('bastion-host.json');
  await expect(toolbar.title).not.toHaveText(hubTitle);
  await editor.page.goBack();
  await expect(toolbar.title).toHaveText(hubTitle);
  await expect(editor.page).toHaveURL(/scenario=tgw-hub-spoke-isolated\.json/);
  expect(editor.consoleErrors).toEqual([]);
});

test('an unknown ?scenario= shows an error toast and still a usable editor', async ({ editor }) => {
  const { canvas, inspector, toolbar } = editor;
  await editor.open('no-such-scenario.json');
  // The editor falls back to the default scenario and lays out what its layout lacks (the internet
  // node); wait for that to land, so the toast is checked in the settled page, not in its first frames.
  await expect
    .poll(async () => Object.keys(((await editor.storedDocument()) as { layout?: object } | null)?.layout ?? {}))
    .toContain('internet');
  // An error toast (role alert) naming the scenario, which stays until dismissed.
  const toast = editor.toast.filter({ hasText: 'no-such-scenario.json' });
  await expect.soft(toast, 'the error toast is shown after start-up').toHaveAttribute('role', 'alert');

  // The editor works: a title, nodes, select and edit.
  await expect(toolbar.title).not.toHaveText('');
  expect(await canvas.nodes.count()).toBeGreaterThan(0);
  await canvas.select('i-web');
  await inspector.fill('Name', 'Still editable');
  await expect(canvas.node('i-web')).toContainText('Still editable');
  expect(editor.consoleErrors).toEqual([]);
});
