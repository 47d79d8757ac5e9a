// Journeys of importing: a folder of AWS describe output (two accounts, two Regions) through "Import
// folder…", AWS files dropped on the editor, a Terraform state through Open…; each opens as a network
// that traces, with a report of what came in. Bad input leaves the open network alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/editor-page.ts';

const fixtures = fileURLToPath(new URL('../fixtures', import.meta.url));
const MULTI_ACCOUNT = join(fixtures, 'aws', 'multi-account');

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}

/** Dispatches a drop of files on the canvas as the browser does for files dragged from the desktop. */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  const canvas = page.getByTestId('canvas');
  await canvas.dispatchEvent('dragenter', { dataTransfer: transfer });
  await canvas.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await canvas.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a folder of AWS describe output opens as a network that traces across accounts', async ({ editor }) => {
  const { canvas, panel, page } = { ...editor, page: editor.page };
  await editor.open();
  await page.getByTestId('open-folder-input').setInputFiles(MULTI_ACCOUNT);

  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('Imported from AWS');
  await expect(report.locator('[data-kind="vpcs"]')).toContainText('3');
  await expect(report.locator('[data-kind="instances"]')).toContainText('5');
  // What is present but not modelled is listed by name (the VPN attachment, the vgw route...).
  await expect(
    report.getByTestId('diagnostic-row').filter({ hasText: 'tgw-attach-0a1100000000000f1' }).first(),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(report).toHaveCount(0);

  await expect(editor.toolbar.title).toContainText('Imported from AWS');
  await expect(canvas.node('i-0a11000000000000b')).toBeVisible();
  await panel.show('trace');
  await panel.trace({ from: 'i-0a11000000000000b', to: 'i-0b22000000000000a', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  await panel.trace({ from: 'i-0a11000000000000b', to: 'i-0a11000000000000c', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');

  // The imported network is the work kept in the browser.
  await page.reload();
  await expect(canvas.node('i-0a11000000000000b')).toBeVisible();
  expect(editor.consoleErrors).toEqual([]);
});

test('AWS files dropped on the canvas are imported; a row of the report selects its resource', async ({ editor }) => {
  const { page } = editor;
  await editor.open();
  const dir = join(MULTI_ACCOUNT, 'accounts', '111122223333', 'us-east-1');
  const files = filesBelow(dir).map((full) => ({ name: relative(dir, full), text: readFileSync(full, 'utf8') }));
  await dropFiles(page, files);
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.locator('[data-kind="vpcs"]')).toHaveText('1 VPC');
  await report.getByRole('button', { name: 'rtb-0a110000000000002' }).first().click();
  await expect(report).toHaveCount(0);
  await expect(editor.inspector.root).toContainText('rtb-0a110000000000002');
  expect(editor.consoleErrors).toEqual([]);
});

test('a Terraform state opens through Open… and traces', async ({ editor }) => {
  const { canvas, panel, toolbar } = editor;
  await editor.open();
  const state = readFileSync(join(fixtures, 'terraform', 'multi-vpc-tgw.state.json'), 'utf8');
  await toolbar.openFile('terraform.json', state);
  await expect(editor.page.getByTestId('import-report')).toContainText('Imported from Terraform');
  await editor.page.keyboard.press('Escape');
  await expect(canvas.node('i-0svc00000000000001')).toBeVisible();
  await panel.show('trace');
  await panel.trace({ from: 'i-0app00000000000001', to: 'i-0svc00000000000001', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  expect(editor.consoleErrors).toEqual([]);
});

test('bad input is refused with a message naming it, and the open network stays', async ({ editor }) => {
  const { canvas, toolbar, page } = editor;
  await editor.open();
  const nodes = (await canvas.nodeIds()).sort();

  await toolbar.openFile('vpcs.json', '{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": ');
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Nothing imported');
  await expect(report.locator('[data-code="IMPORT_JSON_SYNTAX"]')).toHaveCount(1);
  await expect(report).toContainText('vpcs.json');
  await page.keyboard.press('Escape');

  await toolbar.openFile('mystery.json', JSON.stringify({ Buckets: [] }));
  await expect(report).toContainText('Nothing imported');
  await page.keyboard.press('Escape');

  // A vpcsim document among describe output is refused as a whole.
  await toolbar.openInput.setInputFiles([
    { name: 'doc.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"vpcsim/1","topology":{}}') },
    { name: 'vpcs.json', mimeType: 'application/json', buffer: Buffer.from('{"Vpcs":[]}') },
  ]);
  await expect(editor.toast).toContainText('doc.json');
  expect((await canvas.nodeIds()).sort()).toEqual(nodes);
  expect(editor.consoleErrors).toEqual([]);
});
