// Issue 12 in a real browser: a manager saves three decisions through the UI
// (the watering can, focus on A, drop the worst 10 %), reloads, compares them,
// reads three different results, opens one and lands on its tab; the tornado
// table agrees with the kpis CLI run on the moved scenarios.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { runKpis } from '../../src/cli/kpis.ts';
import { DEFAULTS, MONEY_KEYS, PARAMETERS, type ParameterKey } from '../../src/engine/parameters.ts';
import { exactField, expect, showTab, slider, test, waitForFigures } from './helpers.ts';

test.use({ actionTimeout: 20_000 });

const CUSTOMERS = 2000;
const DECISIONS = [
  { name: 'Gießkanne', input: { focus: 0 } },
  { name: 'Fokus auf A', input: { focus: 0.6 } },
  { name: 'Schlechteste 10 % entfernen', input: { applyDrop: 1 } },
] as const;

/** decisionValue of a scenario by the kpis CLI's own code (the same function `npm run kpis` runs). */
function cliDecisionValue(input: Record<string, number>): number {
  const outcome = runKpis([JSON.stringify({ customers: CUSTOMERS, ...input })]);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return outcome.output.decisionValue as number;
}

const entry = (page: Page, name: string) => page.locator(`[data-scenario="${name}"]`);

async function saveAs(page: Page, name: string): Promise<void> {
  await showTab(page, 'szenarien' as never);
  await page.getByLabel('Scenario name').fill(name);
  await page.getByRole('button', { name: 'Save as new scenario' }).click();
  await expect(entry(page, name)).toBeVisible();
}

async function setFocus(page: Page, f: number): Promise<void> {
  const field = exactField(slider(page, 'Focus (f)'));
  // Shares are typed in percent (60 for f = 0.6); the URL keeps the fraction.
  await field.fill(String(Math.round(f * 100)));
  await field.press('Enter');
  await expect(page).toHaveURL(f === 0 ? /^(?!.*focus=)/ : new RegExp(`focus=${f}`));
}

test('three decisions saved, compared after a reload, opened on their tab; the tornado agrees with the CLI', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/?lang=en&customers=${CUSTOMERS}#szenarien`);
  await waitForFigures(page);
  await expect(page.getByRole('heading', { name: 'Saved scenarios' })).toBeVisible();

  await saveAs(page, 'Gießkanne');
  await setFocus(page, 0.6);
  await saveAs(page, 'Fokus auf A');
  await setFocus(page, 0);
  await showTab(page, 'bereinigung');
  const dropSwitch = page.getByRole('switch', { name: /^Apply the decision: remove the worst 10\s?%$/ });
  await dropSwitch.check();
  await expect(page).toHaveURL(/applyDrop=1/);
  await expect(page.locator('#bereinigung, [role="tabpanel"]:visible').getByText(/customers removed, .* stay/)).toBeVisible();
  await saveAs(page, 'Schlechteste 10 % entfernen');

  // The list says each decision in words.
  await expect(entry(page, 'Fokus auf A').locator('[data-decision-text]')).toContainText('f = 0.6');
  await expect(entry(page, 'Schlechteste 10 % entfernen').locator('[data-decision-text]')).toContainText(/f = 0 · 10\s?% removed/);

  await page.reload();
  await waitForFigures(page);
  for (const { name } of DECISIONS) await entry(page, name).getByRole('checkbox').check();

  const cells = page.locator('table.compare-table td[data-compare="decisionValue"]');
  await expect(cells).toHaveCount(3);
  const shown = (await cells.evaluateAll((list) => list.map((cell) => (cell as HTMLElement).dataset.value ?? ''))).map(Number);
  // Columns follow the order the scenarios were ticked in.
  const expected = DECISIONS.map(({ input }) => cliDecisionValue(input));
  expect(new Set(shown).size).toBe(3);
  shown.forEach((value, index) => expect(value).toBeCloseTo(expected[index] as number, 4));

  // Each scenario's chosen point is marked on the overlaid curves.
  await expect(page.locator('.chosen-mark')).toHaveCount(4);

  // The tornado of the focus scenario: each row is the CLI's decisionValue of the moved scenario.
  const tornado = page.locator('[data-tornado-for="Fokus auf A"]');
  await expect(tornado.locator('tr[data-tornado]')).toHaveCount(MONEY_KEYS.length);
  for (const key of MONEY_KEYS) {
    const row = tornado.locator(`tr[data-tornado="${key}"]`);
    const base = DEFAULTS[key] as number;
    for (const [cell, factor] of [
      ['low', 0.9],
      ['high', 1.1],
    ] as const) {
      const moved = Math.min(PARAMETERS[key as ParameterKey].max, base * factor);
      const value = Number(await row.locator(`td[data-tornado-cell="${cell}"]`).getAttribute('data-value'));
      expect(value, `${key} ${cell}`).toBeCloseTo(cliDecisionValue({ focus: 0.6, [key]: moved }), 2);
    }
  }
  // Sorted by effect: order value moves the result most.
  await expect(tornado.locator('tr[data-tornado]').first()).toHaveAttribute('data-tornado', 'orderValue');
  // And once through the real command line, as a check outside the app would run it.
  const stdout = execFileSync('npm', ['run', '--silent', 'kpis', '--', JSON.stringify({ customers: CUSTOMERS, focus: 0.6, orderValue: 225 })], {
    encoding: 'utf8',
  });
  const lowOrderValue = Number(await tornado.locator('tr[data-tornado="orderValue"] td[data-tornado-cell="low"]').getAttribute('data-value'));
  expect(lowOrderValue).toBeCloseTo(JSON.parse(stdout).decisionValue, 2);

  // Opening a scenario lands on the tab its decision lives on, from the top.
  await entry(page, 'Fokus auf A').getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/#fokus$/);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator('[data-kpi="decisionValue"]')).toHaveAttribute('data-value', String(shown[1]));
  await showTab(page, 'szenarien' as never);
  await entry(page, 'Schlechteste 10 % entfernen').getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/#bereinigung$/);
});
