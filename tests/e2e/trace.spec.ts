// Journey: the Trace tab answers reachability questions about the open document, including after an edit.
import { expect, test } from './fixtures/editor-page.ts';

test('the trace tab gives verdicts and paths, and follows edits of the document', async ({ editor }) => {
  const { canvas, panel } = editor;
  await editor.open('public-private-nat.json');

  // The pinned checks of the scenario are listed with their verdicts.
  await panel.show('checks');
  await expect(editor.page.getByTestId('check-row')).toHaveCount(6);
  await expect(editor.page.getByTestId('check-row').first().getByTestId('check-verdict')).toBeVisible();

  await panel.show('trace');
  await panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  const forward = editor.page.getByRole('region', { name: 'Forward path' });
  await expect(forward).toBeVisible();
  await expect(forward).toContainText('nat-a');
  await expect(editor.page.getByRole('region', { name: 'Return path' })).toBeVisible();

  await panel.trace({ from: 'internet', to: 'i-app', protocol: 'tcp', port: 8080 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');
  await expect(panel.traceOutput.locator('.explanations code').first()).toHaveText(
    'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
  );

  // Without the NAT gateway the app server has no way out.
  await canvas.select('nat-a');
  await editor.page.keyboard.press('Delete');
  await expect(canvas.node('nat-a')).toHaveCount(0);
  await panel.show('trace');
  await panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');

  // The form keeps its values across a reload.
  await editor.page.reload();
  await panel.show('trace');
  await expect(panel.traceForm.getByLabel('From', { exact: true })).toHaveValue('i-app');
  await expect(panel.traceForm.getByLabel('To', { exact: true })).toHaveValue('internet');
  await expect(panel.traceForm.getByLabel('Port', { exact: true })).toHaveValue('443');

  // A query the engine cannot resolve is reported, not thrown.
  await panel.trace({ from: 'i-nowhere', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(editor.page.getByTestId('trace-error')).toBeVisible();
  expect(editor.consoleErrors).toEqual([]);
});
