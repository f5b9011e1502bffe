// The model views of the Daten tab (issue 16) in Chromium on the CDNOW
// sample: the tracking chart's calibration end dragged by pointer and moved
// by keyboard refits in the data worker, and the fitted parameters change.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoSevereAxeViolations(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

async function loadSample(page: Page): Promise<void> {
  await page.goto('./?lang=en#daten');
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await expect(page.locator('[data-kpi="data.bgnbdR"]')).not.toHaveAttribute('data-value', '');
}

async function bgnbdR(page: Page): Promise<number> {
  return Number(await page.locator('[data-kpi="data.bgnbdR"]').getAttribute('data-value'));
}

test('dragging the calibration end on the tracking chart refits: the BG/NBD parameters change', async ({ page }) => {
  await loadSample(page);
  const handle = page.getByRole('slider', { name: 'End of the calibration period' });
  await expect(handle).toHaveAttribute('aria-valuenow', '39');
  const before = await bgnbdR(page);
  const box = await handle.boundingBox();
  const chart = await page.locator('[data-chart="tracking"] svg').boundingBox();
  if (box === null || chart === null) throw new Error('no handle');
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox()) ?? box;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 - chart.width * 0.2, from.y + from.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => bgnbdR(page)).not.toBe(before);
  const weeks = Number(await handle.getAttribute('aria-valuenow'));
  expect(weeks).toBeLessThan(39);
  await expect(page.locator('.data-tracking')).toHaveAttribute('data-pending', 'false');
  // The keyboard moves it by one week a step and refits again.
  const afterDrag = await bgnbdR(page);
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(weeks + 1));
  await expect.poll(() => bgnbdR(page)).not.toBe(afterDrag);
  // Back to 39 weeks: the published fit again (FHL 2005, README: r = 0.2425945).
  for (let k = weeks + 1; k < 39; k++) await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', '39');
  await expect.poll(async () => Math.abs((await bgnbdR(page)) - 0.2425945) / 0.2425945).toBeLessThan(1e-3);
});

test('a customer in the win-back list opens her view by click and by Enter; Escape closes it', async ({ page }) => {
  await loadSample(page);
  const list = page.getByRole('region', { name: 'Buyers at risk: win-back list' });
  const open = list.locator('tr[data-customer]').first().getByRole('button', { name: /^Show customer / });
  const id = (await open.textContent())?.trim() ?? '';
  await open.click();
  const dialog = page.getByRole('dialog', { name: /^Customer / });
  await expect(dialog).toBeVisible();
  const shown = ((await dialog.getByRole('heading', { level: 2 }).textContent()) ?? '').replace('Customer ', '').trim();
  expect(shown).toBe(id);
  await expect(dialog.getByRole('img', { name: /How many purchases in/ })).toBeVisible();
  await expect(dialog.getByRole('img', { name: /P\(alive\) over her history/ })).toBeVisible();
  // Eleven bars (0 ... 9, 10+); P(no purchase) includes the chance she has left; P(alive) is the one of her row in the list.
  await expect(dialog.locator('[data-bar]')).toHaveCount(11);
  await expectNoSevereAxeViolations(page, '.customer-dialog');
  const none = Number(await dialog.locator('[data-customer-fact="none"]').getAttribute('data-value'));
  const alive = Number(await dialog.locator('[data-customer-fact="alive"]').getAttribute('data-value'));
  expect(none).toBeGreaterThanOrEqual(1 - alive - 1e-9);
  const row = list.locator(`tr[data-customer="${shown}"]`);
  await expect(row.locator('td').nth(1)).toHaveText(((await dialog.locator('[data-customer-fact="alive"]').textContent()) ?? '').trim());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const again = row.getByRole('button');
  await again.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(`Customer ${shown}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(again).toBeFocused();
  // From the forecast list the view speaks of the calibration end, as that list does.
  const top = page.getByRole('region', { name: /Forecast per buyer/ }).locator('tr[data-customer]').first();
  await top.getByRole('button', { name: /^Show customer / }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('dd').first()).toHaveText('30 Sept 1997');
  await expect(dialog.locator('[data-customer-fact="alive"]')).toHaveText((await top.locator('td').nth(4).textContent())?.trim() ?? '');
  await page.keyboard.press('Escape');
});

test('the model comparison and the forecast matrices are computed when opened', async ({ page }) => {
  // Two further fits (or 200 of them) and axe on a shared, loaded machine: more than the default minute.
  test.setTimeout(120_000);
  await loadSample(page);
  await page.getByText('Compare models: BG/NBD, MBG/NBD, Pareto/NBD').click();
  await expect(page.locator('tr[data-model]')).toHaveCount(3);
  await expect(page.locator('[data-recommended]')).toHaveAttribute('data-recommended', /^(bgnbd|mbgnbd|pnbd)$/);
  await page.getByText('P(alive) and expected purchases by frequency and recency').click();
  await expect(page.locator('[data-matrix="alive"] tr[data-frequency]')).toHaveCount(13);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await expect(page.locator('tr[data-interval]')).toHaveCount(7);
  await expectNoSevereAxeViolations(page, '#panel-daten');
});

test('every fitted parameter has a Hessian interval; the bootstrap runs on request with progress', async ({ page }) => {
  // Two further fits (or 200 of them) and axe on a shared, loaded machine: more than the default minute.
  test.setTimeout(120_000);
  await loadSample(page);
  const rows = page.locator('tr[data-interval]');
  await expect(rows).toHaveCount(7);
  const r = page.locator('tr[data-interval="bgnbd.r"]');
  const estimate = await bgnbdR(page);
  expect(Number(await r.getAttribute('data-lower'))).toBeLessThan(estimate);
  expect(Number(await r.getAttribute('data-upper'))).toBeGreaterThan(estimate);
  await page.getByRole('button', { name: 'Bootstrap (200 resamples)' }).click();
  await expect(page.locator('#data-bootstrap-progress')).toBeVisible();
  await expect(page.getByText('Bootstrap of 200 resamples done.')).toBeVisible({ timeout: 60_000 });
  const [lower, upper] = ((await r.locator('[data-bootstrap]').getAttribute('data-bootstrap')) ?? '').split(',').map(Number);
  expect(lower).toBeLessThan(estimate);
  expect(upper).toBeGreaterThan(estimate);
});
