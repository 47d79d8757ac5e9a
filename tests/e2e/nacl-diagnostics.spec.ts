// Journey: edit a custom network ACL's rules and watch the design lint follow: a missing ephemeral
// return rule and a shadowed rule appear in the Diagnostics tab, the inspector and the VPC's badge,
// and go away once the rules are fixed.
import { expect, test } from './fixtures/editor-page.ts';

const SCENARIO = 'public-private-nat.json';
const VPC = 'vpc-main';

test('a NACL rule edit raises a lint diagnostic, and fixing the rule clears it', async ({ editor }) => {
  const { canvas, palette, inspector, panel } = editor;
  await editor.open(SCENARIO);
  await panel.show('diagnostics');
  await expect(panel.diagnosticRows.first()).toBeVisible();
  const baseline = await panel.diagnosticCodes();
  expect(baseline.filter((code) => code.startsWith('LINT_NACL_'))).toEqual([]);
  // NACLs have no box of their own: their diagnostics count on the VPC's badge.
  await expect(canvas.warningBadge(VPC)).toHaveCount(0);

  // A custom NACL from the palette, for the app subnet; it starts with no rules at all.
  await palette.dropOnNode('networkAcl', VPC, { fx: 0.02, fy: 0.5 });
  const acl = await inspector.selectedId();
  await inspector
    .group('Subnet associations')
    .getByLabel(/\(subnet-app-a\)/)
    .check();
  await expect(inspector.section('Inbound rules').getByTestId('nacl-rule')).toHaveCount(0);

  // Inbound HTTPS allowed, but nothing outbound for the replies.
  await inspector.button('Add inbound rule').click();
  await expect(inspector.field('Inbound rule 100 ports')).toHaveValue('443');
  await expect(panel.diagnostic('LINT_NACL_NO_EPHEMERAL_RETURN', acl)).toHaveCount(1);
  await expect(inspector.diagnostics.locator('[data-code="LINT_NACL_NO_EPHEMERAL_RETURN"]')).toHaveCount(1);
  await expect(canvas.warningBadge(VPC)).toHaveText('1');

  // The reply rule: outbound TCP to the ephemeral ports.
  await inspector.button('Add outbound rule').click();
  await inspector.fill('Outbound rule 100 ports', '1024-65535');
  await expect(inspector.field('Outbound rule 100 ports')).toHaveValue('1024-65535');
  await expect(panel.diagnostic('LINT_NACL_NO_EPHEMERAL_RETURN')).toHaveCount(0);
  expect(await inspector.diagnosticCodes()).toEqual([]);
  await expect(canvas.warningBadge(VPC)).toHaveCount(0);

  // A second inbound rule identical to the first: rule 100 already decides everything it covers.
  await inspector.button('Add inbound rule').click();
  await expect(inspector.field('Inbound rule 200 ports')).toHaveValue('443');
  await expect(panel.diagnostic('LINT_NACL_RULE_SHADOWED', acl)).toHaveCount(1);
  expect(await inspector.diagnosticCodes()).toEqual(['LINT_NACL_RULE_SHADOWED']);
  await expect(canvas.warningBadge(VPC)).toHaveText('1');

  // Fix: rule 200 opens SSH instead, which rule 100 does not cover.
  await inspector.fill('Inbound rule 200 ports', '22');
  await expect(panel.diagnostic('LINT_NACL_RULE_SHADOWED')).toHaveCount(0);
  expect(await inspector.diagnosticCodes()).toEqual([]);
  await expect(canvas.warningBadge(VPC)).toHaveCount(0);
  expect(await panel.diagnosticCodes()).toEqual(baseline);

  // Undo brings the shadowed rule (and its diagnostic) back.
  await canvas.root.focus();
  await editor.page.keyboard.press('Control+z');
  await expect(panel.diagnostic('LINT_NACL_RULE_SHADOWED', acl)).toHaveCount(1);

  expect(editor.consoleErrors).toEqual([]);
});
