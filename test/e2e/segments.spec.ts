// The Segmente tab in the browser: computed in the worker, a weight slider
// moved by keyboard changes the figures, and axe finds no serious violations.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './helpers.ts';

test('#segmente: moving a weight slider by keyboard updates the figures; no serious axe violations', async ({ page }) => {
  await page.goto('/?lang=en#segmente');
  const potential = page.getByTestId('seg-mean-potential');
  await expect(potential).toBeVisible({ timeout: 30_000 });
  const correlation = page.locator('[data-kpi="segments.rankCorrelation"]');
  await expect(correlation).not.toHaveAttribute('data-value', '');
  const before = await potential.textContent();

  const weight = page.getByLabel('Weight: future potential');
  await expect(weight).toHaveCount(1);
  await weight.focus();
  // From 2 to 5: three steps up.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(weight).toHaveValue('5');
  await expect(potential).not.toHaveText(before ?? '');
  expect(await page.evaluate(() => window.__kundenwert?.workerRequests ?? 0)).toBeGreaterThan(1);

  const results = await new AxeBuilder({ page }).include('#panel-segmente').analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = severe.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  expect(report, 'serious or critical axe violations on #segmente').toEqual([]);
});
