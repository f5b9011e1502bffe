// "Simulate, fit, compare" (issue 16, item 8) in Chromium: it needs no file,
// runs in a worker of its own with progress and shows one row per N, the
// interval for r narrowing as N grows; axe on the opened section.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('without a file: open the section, run it, four N rows with intervals that narrow; no serious axe violations', async ({ page }) => {
  // 100,000 customers fitted twice over on a shared, loaded machine: more than the default minute.
  test.setTimeout(120_000);
  await page.goto('./?lang=en#daten');
  await page.getByText('Simulate, fit, compare').click();
  await page.getByRole('button', { name: 'Simulate and fit' }).click();
  await expect(page.locator('#data-simfit-progress')).toBeVisible();
  await expect(page.getByText('Fitted 4 sample sizes.')).toBeVisible({ timeout: 90_000 });
  const rows = page.locator('tr[data-simfit-row]:not([data-simfit-row="true"])');
  await expect(rows).toHaveCount(4);
  const bounds = await rows.evaluateAll((list) => list.map((row) => [row.getAttribute('data-simfit-row'), Number(row.getAttribute('data-lower')), Number(row.getAttribute('data-upper'))] as const));
  expect(bounds.map(([n]) => n)).toEqual(['100', '1000', '10000', '100000']);
  const widths = bounds.map(([, lower, upper]) => Math.log(upper / lower));
  for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1] as number);
  const [, lower, upper] = bounds[3] ?? [null, 0, 0];
  expect(lower).toBeLessThan(0.243);
  expect(upper).toBeGreaterThan(0.243);
  await expect(page.locator('[data-chart="simulate-fit"] [data-simfit-bar]')).toHaveCount(4);
  await expect(page.locator('[data-chart="simulate-fit"] .reading')).toHaveText(/^With 100 customers the 95 % interval for r spans .+; with 100,000 it spans .+/);
  const results = await new AxeBuilder({ page }).include('.data-simfit').analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
});

test('keyboard: a slider step after the run runs again and the newest setting wins', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./?lang=en#daten');
  await page.getByText('Simulate, fit, compare').click();
  await page.getByLabel('Up to').selectOption('1000');
  await page.getByRole('button', { name: 'Simulate and fit' }).click();
  await expect(page.getByText('Fitted 2 sample sizes.')).toBeVisible({ timeout: 60_000 });
  const slider = page.getByRole('slider', { name: 'r (shape of the purchase rate)' });
  await slider.focus();
  for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
  const exact = page.getByLabel('True r, exact value');
  const shownR = Number(await exact.inputValue());
  expect(shownR).toBeGreaterThan(0.243);
  await expect(page.locator('[data-chart="simulate-fit"] .reading')).toContainText(`(true value ${shownR})`, { timeout: 60_000 });
  await expect(page.getByText('Fitted 2 sample sizes.')).toBeVisible({ timeout: 60_000 });
});
