// Journeys of the Trace tab: live answers from the panel or from clicks on the canvas, path rows that
// select resources, pinned checks that follow edits, and the form kept per document across reloads.
import { expect, test } from './fixtures/editor-page.ts';

test('the trace tab answers at once, follows edits of the document and keeps its form', async ({ editor }) => {
  const { canvas, panel } = editor;
  await editor.open('public-private-nat.json');

  // The pinned checks of the scenario are listed with their verdicts.
  await panel.show('checks');
  await expect(editor.page.getByTestId('check-row')).toHaveCount(6);
  await expect(editor.page.getByTestId('check-row').first().getByTestId('check-verdict')).toBeVisible();

  await panel.show('trace');
  await panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  await expect(panel.traceVerdict).toContainText('REACHABLE');
  const request = editor.page.getByRole('region', { name: 'Request path' });
  await expect(request).toBeVisible();
  await expect(request).toContainText('nat-a');
  await expect(editor.page.getByRole('region', { name: 'Reply path' })).toBeVisible();
  // The NAT gateway rewrites the source address; the row shows it as before → after.
  await expect(
    panel.pathRows('Request path').filter({ hasText: 'nat-a' }).getByTestId('trace-rewrite').first(),
  ).toContainText('→');

  // A one-way trace shows the request only.
  await panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443, oneWay: true });
  await expect(editor.page.getByRole('region', { name: 'Reply path' })).toHaveCount(0);
  await panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443, oneWay: false });

  await panel.trace({ from: 'internet', to: 'i-app', protocol: 'tcp', port: 8080 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');
  await expect(editor.page.getByTestId('trace-blocker').first().locator('code').first()).toHaveText(
    'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
  );

  // Without the NAT gateway the app server has no way out: the answer follows the edit by itself.
  await panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  await canvas.select('nat-a');
  await editor.page.keyboard.press('Delete');
  await expect(canvas.node('nat-a')).toHaveCount(0);
  await panel.show('trace');
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');

  // The form keeps its values across a reload.
  await editor.page.reload();
  await panel.show('trace');
  await expect(panel.traceForm.getByLabel('From', { exact: true })).toHaveValue('i-app');
  await expect(panel.traceForm.getByLabel('To', { exact: true })).toHaveValue('internet');
  await expect(panel.traceForm.getByLabel('Port', { exact: true })).toHaveValue('443');
  await expect(panel.traceForm.getByLabel('Common ports', { exact: true })).toHaveValue('443');

  // A query the engine cannot resolve is reported, not thrown: no interface holds this address.
  await panel.trace({ from: '10.0.1.250', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(editor.page.getByTestId('trace-error')).toBeVisible();
  expect(editor.consoleErrors).toEqual([]);
});

test('trace ends are picked by clicking nodes, and a path row selects its resource', async ({ editor }) => {
  const { canvas, panel, inspector } = editor;
  await editor.open('public-private-nat.json');
  await panel.show('trace');

  await panel.pickButton('from').click();
  await expect(panel.pickButton('from')).toHaveAttribute('aria-pressed', 'true');
  await canvas.select('i-web');
  await expect(panel.traceForm.getByLabel('From', { exact: true })).toHaveValue('i-web');
  await expect(panel.pickButton('from')).toHaveAttribute('aria-pressed', 'false');

  await panel.pickButton('to').click();
  await canvas.select('i-db');
  await expect(panel.traceForm.getByLabel('To', { exact: true })).toHaveValue('i-db');
  await panel.traceForm.getByLabel('Common ports', { exact: true }).selectOption('5432');
  await expect(panel.traceForm.getByLabel('Port', { exact: true })).toHaveValue('5432');

  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');
  const rows = panel.pathRows('Request path');
  await expect(rows.first()).toHaveAttribute('data-component', 'i-web');

  // The security group that refused the packet: clicking its row opens it in the inspector.
  await rows.filter({ hasText: 'ENI_SG_RULES_MISMATCH' }).first().click();
  await expect(inspector.title.locator('code')).toHaveText('sg-db');
  expect(editor.consoleErrors).toEqual([]);
});

test('pinning a trace adds a check that fails once the network changes', async ({ editor }) => {
  const { canvas, panel } = editor;
  await editor.open('public-private-nat.json');
  await panel.show('trace');
  await panel.trace({ from: 'i-web', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');

  await editor.page.getByTestId('trace-pin').click();
  await expect(editor.page.getByTestId('trace-pin')).toBeDisabled();
  await panel.show('checks');
  const rows = editor.page.getByTestId('check-row');
  await expect(rows).toHaveCount(7);
  const pinned = rows.filter({ hasText: 'i-web → internet tcp 443' });
  await expect(pinned.locator('.pass')).toBeVisible();

  // Without the internet gateway the web server is cut off, and the pinned check says so.
  await canvas.select('igw-main');
  await editor.page.keyboard.press('Delete');
  await expect(canvas.node('igw-main')).toHaveCount(0);
  await expect(pinned.locator('.fail')).toBeVisible();

  // Undo brings the gateway back and the check passes again; once more takes the check away.
  await editor.toolbar.undo.click();
  await expect(pinned.locator('.pass')).toBeVisible();
  await editor.toolbar.undo.click();
  await expect(rows).toHaveCount(6);
  expect(editor.consoleErrors).toEqual([]);
});

test('the canvas highlights the path in order and the player narrates it step by step', async ({ editor }) => {
  const { canvas, panel } = editor;
  await editor.open('public-private-nat.json');
  await panel.show('trace');
  await panel.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');

  const request = await panel.pathComponents('Request path');
  const reply = await panel.pathComponents('Reply path');
  expect(request[0]).toBe('i-app');
  expect(request).toContain('nat-a');
  // Every request component that is a node of its own is highlighted as part of the request.
  const nodeIds = new Set(await canvas.nodeIds());
  for (const id of request.filter((c) => nodeIds.has(c))) {
    await expect(canvas.node(id)).toHaveClass(/\bis-trace-request\b/);
  }

  // Stepping walks the engine's components in order: the current row and the current canvas node agree.
  const narration = editor.page.getByTestId('player-narration');
  const forward = editor.page.getByTestId('player-forward');
  const current = editor.page.locator('[data-testid="trace-row"][aria-current="step"]');
  const seen: string[] = [];
  for (let i = 0; i < request.length + reply.length; i += 1) {
    const before = await narration.textContent();
    await forward.click();
    await expect(editor.page.getByTestId('player-progress')).toHaveText(`${i + 1} / ${request.length + reply.length}`);
    await expect(current).toHaveCount(1);
    const id = (await current.getAttribute('data-component')) ?? '';
    seen.push(id);
    if (nodeIds.has(id)) await expect(canvas.node(id)).toHaveClass(/\bis-trace-current\b/);
    if (i > 0) expect(await narration.textContent()).not.toBe(before);
  }
  expect(seen).toEqual([...request, ...reply]);

  // Stepping back changes the narration back.
  const atEnd = await narration.textContent();
  await editor.page.getByTestId('player-back').click();
  await expect(narration).not.toHaveText(atEnd ?? '');
  await expect(current).toHaveAttribute('data-component', reply[reply.length - 2] ?? '');
  expect(editor.consoleErrors).toEqual([]);
});

test('a suggested fix turns the verdict reachable, and undo brings the block back', async ({ editor }) => {
  const { panel } = editor;
  await editor.open('public-private-nat.json');
  await panel.show('trace');
  await panel.trace({ from: 'i-web', to: 'i-db', protocol: 'tcp', port: 5432 });
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');

  const fixes = panel.fixes();
  await expect(fixes.first()).toBeVisible();
  const reachable = fixes.filter({ has: editor.page.locator('[data-verdict="REACHABLE"]') }).first();
  await reachable.getByTestId('trace-fix-apply').click();
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  await expect(editor.toolbar.undo).toBeEnabled();

  await editor.toolbar.undo.click();
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');
  await editor.toolbar.redo.click();
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  expect(editor.consoleErrors).toEqual([]);
});

test('the matrix colours cells by verdict and a cell opens its trace', async ({ editor }) => {
  const { panel } = editor;
  await editor.open('public-private-nat.json');
  await panel.show('matrix');
  const cells = editor.page.getByTestId('matrix-cell');
  const cell = (from: string, to: string) => cells.and(editor.page.locator(`[data-from="${from}"][data-to="${to}"]`));
  await expect(cell('i-app', 'internet')).toHaveAttribute('data-verdict', 'REACHABLE');
  await expect(cell('i-web', 'i-db')).toHaveAttribute('data-verdict', 'BLOCKED');
  const colour = async (from: string, to: string) =>
    cell(from, to).evaluate((el) => getComputedStyle(el.closest('td') ?? el).backgroundColor);
  expect(await colour('i-app', 'internet')).not.toBe(await colour('i-web', 'i-db'));

  await cell('i-web', 'i-db').click();
  await expect(panel.tab('trace')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.traceForm.getByLabel('From', { exact: true })).toHaveValue('i-web');
  await expect(panel.traceForm.getByLabel('To', { exact: true })).toHaveValue('i-db');
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'BLOCKED');
  expect(editor.consoleErrors).toEqual([]);
});

test('a path row of a NACL marks the rule that decided in the inspector', async ({ editor }) => {
  const { panel, inspector } = editor;
  await editor.open('nacl-missing-ephemeral.json');
  await panel.show('trace');
  await panel.traceForm.getByLabel('From', { exact: true }).selectOption('i-web');
  await panel.traceForm.getByLabel('To', { exact: true }).selectOption('i-app');
  await panel.traceForm.getByLabel('Port', { exact: true }).fill('8080');
  // The request enters the private subnet through acl-private's inbound rule 100.
  await panel.pathRows('Request path').filter({ hasText: 'acl-private' }).first().click();
  await expect(inspector.title.locator('code')).toHaveText('acl-private');
  const marked = inspector.root.locator('.insp-rule.is-highlighted');
  await expect(marked).toHaveCount(1);
  await expect(marked.getByLabel('Inbound rule 100 number')).toHaveValue('100');
  expect(editor.consoleErrors).toEqual([]);
});
