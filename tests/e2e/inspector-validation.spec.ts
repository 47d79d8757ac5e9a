// Journey: an invalid CIDR typed into the inspector stays in the field with its reason and never
// reaches the document; a valid one applies at once.
import { expect, test } from './fixtures/editor-page.ts';

const SUBNET = 'subnet-app-a';
const CIDR = '10.0.11.0/24';
const FIELD = 'CIDR block';

/** Each is wrong for its own reason: syntax, host bits, size, outside the VPC, overlapping a sibling. */
const INVALID = ['10.0.11.0/33', '10.0.11.5/24', '10.0.11.0/29', '192.168.0.0/24', '10.0.1.0/24', 'ten.zero'];

test('an invalid subnet CIDR shows its reason and leaves the document unchanged', async ({ editor }) => {
  const { canvas, inspector, toolbar } = editor;
  await editor.open();
  await canvas.select(SUBNET);
  await expect(inspector.field(FIELD)).toHaveValue(CIDR);
  await expect(canvas.node(SUBNET)).toContainText(CIDR);
  const before = await editor.storedDocument();

  const reasons = new Set<string>();
  for (const text of INVALID) {
    await inspector.field(FIELD).fill(text);
    await expect(inspector.fieldError(FIELD)).toBeVisible();
    await expect(inspector.field(FIELD)).toHaveAttribute('aria-invalid', 'true');
    await expect(inspector.field(FIELD)).toHaveValue(text);
    const reason = (await inspector.fieldError(FIELD).textContent())?.trim() ?? '';
    expect(reason, `a reason for ${text}`).not.toBe('');
    reasons.add(reason);
    // Nothing was written: the canvas label, the stored document and the history are as they were.
    await expect(canvas.node(SUBNET)).toContainText(CIDR);
    await expect(toolbar.undo).toBeDisabled();
    await expect(toolbar.dirty).toHaveCount(0);
    expect(await editor.storedDocument()).toEqual(before);
  }
  expect(reasons.size, 'each mistake has its own reason').toBe(INVALID.length);
  // Outside the VPC: the reason names the VPC's block.
  await inspector.field(FIELD).fill('192.168.0.0/24');
  await expect(inspector.fieldError(FIELD)).toContainText('10.0.0.0/16');

  // Leaving the field with invalid text commits nothing either.
  await inspector.field(FIELD).press('Tab');
  await expect(toolbar.dirty).toHaveCount(0);

  // A valid block (still holding the app server's 10.0.11.10) applies at once.
  await inspector.field(FIELD).fill('10.0.11.0/25');
  await expect(inspector.fieldError(FIELD)).toHaveCount(0);
  await expect(canvas.node(SUBNET)).toContainText('10.0.11.0/25');
  await expect(toolbar.dirty).toBeVisible();
  await expect(toolbar.undo).toBeEnabled();
  expect(await editor.storedDocument()).toMatchObject({
    topology: { subnets: expect.arrayContaining([expect.objectContaining({ id: SUBNET, cidrBlock: '10.0.11.0/25' })]) },
  });
  // The network stays valid: no errors in the Diagnostics tab.
  await expect(editor.panel.tab('diagnostics').locator('.count-error')).toHaveCount(0);

  const saved = await toolbar.saveFile();
  const doc = JSON.parse(saved.text) as { topology: { subnets: { id: string; cidrBlock?: string }[] } };
  expect(doc.topology.subnets.find((s) => s.id === SUBNET)?.cidrBlock).toBe('10.0.11.0/25');
  expect(editor.consoleErrors).toEqual([]);
});
