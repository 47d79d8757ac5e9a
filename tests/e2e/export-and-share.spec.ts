// Journeys: the Export menu (keyboard, click outside) and its downloads (Terraform, SVG, PNG, checked as
// files), and share links: copied, opened read-only over the user's own work (which stays as it was),
// Back to my network, Edit (then persisted), a damaged link, and the copy-by-hand fallback.
import { parse } from '@cdktf/hcl2json';
import { EditorPage, expect, test } from './fixtures/editor-page.ts';
import { dragNode, ExportMenu, pngSize, Share, storedEntry } from './fixtures/share-page.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the Export menu works from the keyboard and closes on a click outside', async ({ editor }) => {
  const menu = new ExportMenu(editor.page);
  await editor.open('public-private-nat.json');
  const { page } = editor;

  await menu.button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.menu).toBeVisible();
  await expect(menu.button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.item('terraform')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.item('svg')).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.item('share-link')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.item('terraform')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.item('share-link')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu.menu).toBeHidden();
  await expect(menu.button).toBeFocused();
  await expect(menu.button).toHaveAttribute('aria-expanded', 'false');

  await menu.show();
  await editor.toolbar.title.click();
  await expect(menu.menu).toBeHidden();
  expect(editor.consoleErrors).toEqual([]);
});

test('Terraform, SVG and PNG exports download files named after the network', async ({ editor }) => {
  const menu = new ExportMenu(editor.page);
  await editor.open('tgw-centralized-egress.json');

  const tf = await menu.download('terraform');
  expect(tf.name).toBe('tgw-centralized-egress.tf');
  const hcl = tf.bytes.toString('utf8');
  expect(hcl).toContain('resource "aws_vpc"');
  expect(hcl).toContain('resource "aws_subnet"');
  // It is HCL Terraform reads: hcl2json (Terraform's own parser, compiled to wasm) parses it.
  const config = (await parse('main.tf', hcl)) as { resource?: Record<string, unknown> };
  expect(Object.keys(config.resource ?? {})).toEqual(expect.arrayContaining(['aws_vpc', 'aws_ec2_transit_gateway']));
  // Everything in this network has a Terraform form: no notes, a short confirmation.
  await expect(editor.toast).toContainText('tgw-centralized-egress.tf');
  await expect(menu.notes).toHaveCount(0);

  const svg = await menu.download('svg');
  expect(svg.name).toBe('tgw-centralized-egress.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^(<\?xml[^>]*>\s*)?<svg\b/);
  const parsed = await editor.page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return { root: doc.documentElement.localName, errors: doc.getElementsByTagName('parsererror').length };
  }, text);
  expect(parsed).toEqual({ root: 'svg', errors: 0 });
  expect(text).toContain('vpc-egress');

  const png = await menu.download('png');
  expect(png.name).toBe('tgw-centralized-egress.png');
  const size = pngSize(png.bytes);
  expect(size.width).toBeGreaterThan(400);
  expect(size.height).toBeGreaterThan(200);
  expect(size.width).toBeLessThanOrEqual(16384);
  expect(png.bytes.length).toBeGreaterThan(5000);

  // What Terraform cannot express (a deleted NAT gateway, an external host) is listed, never dropped
  // silently; the list closes with Escape.
  await editor.open('blackhole-deleted-nat.json');
  const partial = await menu.download('terraform');
  expect(partial.name).toBe('blackhole-deleted-nat.tf');
  expect(partial.bytes.toString('utf8')).toContain('resource "aws_vpc"');
  await expect(menu.notes).toBeVisible();
  await expect(menu.notes.getByTestId('export-note')).toHaveCount(2);
  await editor.page.keyboard.press('Escape');
  await expect(menu.notes).toBeHidden();
  expect(editor.consoleErrors).toEqual([]);
});

test('a share link opens read-only over the own work, which Back to my network restores', async ({ editor }) => {
  const menu = new ExportMenu(editor.page);
  const share = new Share(editor.page, menu);
  const { canvas, inspector, toolbar } = editor;

  // The network to share, with an edit of its own.
  await editor.open('public-private-nat.json');
  await canvas.select('i-web');
  await inspector.fill('Name', 'Shared web');
  const url = await share.copyLink();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#doc=1\.\d+\.[A-Za-z0-9_-]+$/);
  await expect(editor.toast).toBeVisible();

  // The user's own work, unsaved, kept in this browser.
  await editor.open('tgw-centralized-egress.json');
  await canvas.select('i-spoke-a-app');
  await inspector.fill('Name', 'Mine');
  await expect(toolbar.dirty).toBeVisible();
  const own = await storedEntry(editor.page);
  expect(own).toContain('Mine');

  // The link in another tab: the shared network, read-only, and the stored work untouched.
  const viewer = new EditorPage(await editor.page.context().newPage());
  const viewerShare = new Share(viewer.page, new ExportMenu(viewer.page));
  await viewer.page.goto(url);
  await viewerShare.expectViewing();
  await expect(viewer.canvas.node('i-web')).toContainText('Shared web');
  await expect(viewer.canvas.node('i-spoke-a-app')).toHaveCount(0);
  await expect(viewer.toolbar.dirty).toHaveCount(0);
  expect(await storedEntry(viewer.page)).toBe(own);

  // A drag does not move anything (measured once the view has been fitted).
  await viewer.page.waitForTimeout(400);
  const moved = await dragNode(viewer.canvas, 'i-web', 'vpc-main', { dx: 60, dy: 40 });
  expect(Math.abs(moved.dx) + Math.abs(moved.dy)).toBeLessThan(1);

  // An inspector edit and a Delete are refused with a notice; the palette is disabled.
  await viewer.canvas.select('i-web');
  await viewer.inspector.fill('Name', 'Changed by the viewer');
  await expect(viewer.toast).toBeVisible();
  await expect(viewer.page.getByRole('alert')).toBeVisible();
  await expect(viewer.canvas.node('i-web')).toContainText('Shared web');
  await expect(viewer.canvas.node('i-web')).not.toContainText('Changed by the viewer');
  await viewer.canvas.select('i-web');
  await viewer.page.keyboard.press('Delete');
  await expect(viewer.canvas.node('i-web')).toBeVisible();
  await expect(viewer.palette.item('vpc')).toBeDisabled();
  await expect(viewer.toolbar.undo).toBeDisabled();

  // Tracing still works on the shared network.
  await viewer.panel.show('trace');
  await viewer.panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(viewer.panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  expect(await storedEntry(viewer.page)).toBe(own);

  // Reloading the link shows the shared network again.
  await viewer.page.reload();
  await viewerShare.expectViewing();
  await expect(viewer.canvas.node('i-web')).toContainText('Shared web');

  // Back to my network: the own work as it was, unsaved marker included, and no #doc in the address.
  await viewerShare.back.click();
  await expect(viewerShare.banner).toBeHidden();
  await expect(viewer.canvas.node('i-spoke-a-app')).toContainText('Mine');
  await expect(viewer.toolbar.dirty).toBeVisible();
  expect(viewer.page.url()).not.toContain('#doc');
  await expect(viewer.palette.item('vpc')).toBeEnabled();
  expect(viewer.dialogs).toEqual([]);
  expect(viewer.consoleErrors).toEqual([]);
  expect(editor.consoleErrors).toEqual([]);
});

test('Edit makes the shared network the working one, kept across a reload', async ({ editor }) => {
  const share = new Share(editor.page, new ExportMenu(editor.page));
  const { canvas, inspector, toolbar } = editor;
  await editor.open('public-private-nat.json');
  await canvas.select('i-web');
  await inspector.fill('Name', 'Shared web');
  const url = await share.copyLink();

  await editor.open('tgw-centralized-egress.json');
  await canvas.select('i-spoke-a-app');
  await inspector.fill('Name', 'Mine');
  await expect(toolbar.dirty).toBeVisible();
  const dialogsBefore = editor.dialogs.length;

  // The link pasted into the same tab (only the fragment changes): the shared network, read-only.
  await editor.page.goto('/');
  await editor.page.goto(url);
  await share.expectViewing();
  await expect(canvas.node('i-web')).toContainText('Shared web');

  // Edit asks first (it replaces unsaved work kept in this browser), then the network is editable.
  await share.edit.click();
  expect(editor.dialogs.length).toBe(dialogsBefore + 1);
  await expect(share.banner).toBeHidden();
  expect(editor.page.url()).not.toContain('#doc');
  // The same drag that a shared network refuses now moves the instance.
  await editor.page.waitForTimeout(400);
  const moved = await dragNode(canvas, 'i-web', 'vpc-main', { dx: 60, dy: 40 });
  expect(Math.abs(moved.dx) + Math.abs(moved.dy)).toBeGreaterThan(20);
  await canvas.select('i-web');
  await inspector.fill('Name', 'Edited after sharing');
  await expect(canvas.node('i-web')).toContainText('Edited after sharing');
  await expect(toolbar.dirty).toBeVisible();

  await editor.page.reload();
  await expect(share.banner).toHaveCount(0);
  await expect(canvas.node('i-web')).toContainText('Edited after sharing');
  await expect(canvas.node('i-spoke-a-app')).toHaveCount(0);
  expect(editor.consoleErrors).toEqual([]);
});

test('Back in the browser, or opening another network, leaves a shared network', async ({ editor }) => {
  const share = new Share(editor.page, new ExportMenu(editor.page));
  const { canvas, inspector } = editor;
  await editor.open('public-private-nat.json');
  const url = await share.copyLink();
  await editor.open('tgw-centralized-egress.json');
  await canvas.select('i-spoke-a-app');
  await inspector.fill('Name', 'Mine');

  await editor.page.goto('/');
  await editor.page.goto(url);
  await share.expectViewing();
  await expect(canvas.node('i-web')).toBeVisible();
  await editor.page.goBack();
  await expect(share.banner).toHaveCount(0);
  await expect(canvas.node('i-spoke-a-app')).toContainText('Mine');
  await expect(editor.toolbar.dirty).toBeVisible();
  await expect(editor.palette.item('vpc')).toBeEnabled();

  // Forward shows it again; opening a scenario from there leaves it, asking first about the unsaved work.
  await editor.page.goForward();
  await share.expectViewing();
  const asked = editor.dialogs.length;
  await editor.gallery.choose('default-vpc.json');
  expect(editor.dialogs.length).toBe(asked + 1);
  await expect(share.banner).toHaveCount(0);
  await expect(editor.palette.item('vpc')).toBeEnabled();
  expect(editor.page.url()).not.toContain('#doc');
  await editor.page.reload();
  await expect(share.banner).toHaveCount(0);
  await expect(canvas.node('i-web')).toHaveCount(0);
  await expect(canvas.node('i-spoke-a-app')).toHaveCount(0);
  expect(editor.consoleErrors).toEqual([]);
});

test('a damaged link opens the own work with an error, never a blank page', async ({ editor }) => {
  const share = new Share(editor.page, new ExportMenu(editor.page));
  const { canvas, inspector } = editor;
  await editor.open('public-private-nat.json');
  const url = await share.copyLink();
  await canvas.select('i-web');
  await inspector.fill('Name', 'Mine');

  for (const damaged of [
    url.slice(0, url.length - 20),
    url.replace('#doc=1.', '#doc=7.'),
    '/#doc=1.12.not-a-network',
  ]) {
    await editor.page.goto('about:blank');
    await editor.page.goto(damaged);
    await expect(editor.page.getByRole('alert')).toBeVisible();
    await expect(share.banner).toHaveCount(0);
    await expect(canvas.node('i-web')).toContainText('Mine');
    expect(editor.page.url()).not.toContain('#doc');
    await expect(editor.palette.item('vpc')).toBeEnabled();
  }
  // The own work is still editable after a damaged link.
  await canvas.select('i-web');
  await inspector.fill('Name', 'Still mine');
  await expect(canvas.node('i-web')).toContainText('Still mine');
  expect(editor.consoleErrors).toEqual([]);
});

test('when the clipboard is refused, the link is shown in a dialog to copy by hand', async ({ editor }) => {
  await editor.page.addInitScript(() => {
    Object.defineProperty(Clipboard.prototype, 'writeText', {
      value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  });
  const menu = new ExportMenu(editor.page);
  const share = new Share(editor.page, menu);
  await editor.open('public-private-nat.json');
  await menu.show();
  await menu.item('share-link').click();
  await expect(share.dialog).toBeVisible();
  await expect(share.field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#doc=1\.\d+\.[A-Za-z0-9_-]+$/);
  await expect(share.field).toBeFocused();
  await editor.page.keyboard.press('Escape');
  await expect(share.dialog).toBeHidden();
  expect(editor.consoleErrors).toEqual([]);
});
