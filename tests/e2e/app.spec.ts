// User journeys on the scenario page: open a scenario, see its checks, switch scenarios, trace a flow.
import { expect, test } from './fixtures/app-page.ts';

const DEFAULT_SCENARIO = 'public-private-nat.json';

test('opens the default scenario with its title and checks', async ({ app }) => {
  await app.open();
  await expect(app.title).toBeVisible();
  await expect(app.title).not.toBeEmpty();
  await expect(app.picker).toHaveValue(DEFAULT_SCENARIO);
  await expect(app.checksTable).toBeVisible();
  expect(await app.checkRows.count()).toBeGreaterThan(0);
  // Every row has a verdict cell, whatever the engine answers.
  await expect(app.checkRows.first().getByTestId('check-verdict')).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('?scenario= opens another scenario, and the picker switches too', async ({ app }) => {
  await app.open();
  const names = await app.scenarioNames();
  const other = names.find((name) => name !== DEFAULT_SCENARIO);
  if (other === undefined) throw new Error('this test needs a second file in scenarios/');

  await app.open(DEFAULT_SCENARIO);
  const defaultTitle = await app.title.textContent();

  // The other file may be a valid scenario (its summary names the file) or a broken one (the error does).
  await app.open(other);
  await expect(app.picker).toHaveValue(other);
  await expect(app.page.getByRole('main')).toContainText(other);
  await expect(app.page.getByRole('main')).not.toContainText(DEFAULT_SCENARIO);

  await app.chooseScenario(DEFAULT_SCENARIO);
  await expect(app.page).toHaveURL(new RegExp(`scenario=${DEFAULT_SCENARIO.replace('.', '\\.')}`));
  await expect(app.title).toHaveText(defaultTitle ?? '');
});

test('the last chosen scenario survives a reload', async ({ app }) => {
  await app.open();
  const names = await app.scenarioNames();
  const other = names.find((name) => name !== DEFAULT_SCENARIO) ?? DEFAULT_SCENARIO;
  await app.chooseScenario(other);
  await app.page.goto('/');
  await expect(app.picker).toHaveValue(other);
});

test('an unknown scenario shows an error message, not a blank page', async ({ app }) => {
  await app.open('no-such-scenario.json');
  await expect(app.scenarioError).toBeVisible();
  await expect(app.scenarioError).toContainText('no-such-scenario.json');
  await expect(app.picker).toBeVisible();
});

test('the trace form produces a verdict and keeps its values after a reload', async ({ app }) => {
  await app.open(DEFAULT_SCENARIO);
  await app.trace({ from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 });
  await expect(app.traceOutput).toBeVisible();
  await expect(app.traceVerdict).toBeVisible();
  await expect(app.page.getByRole('region', { name: 'Forward path' })).toBeVisible();

  await app.page.reload();
  const form = app.page.getByRole('form', { name: 'Trace' });
  await expect(form.getByLabel('From', { exact: true })).toHaveValue('i-app');
  await expect(form.getByLabel('To', { exact: true })).toHaveValue('internet');
  await expect(form.getByLabel('Port', { exact: true })).toHaveValue('443');
});
