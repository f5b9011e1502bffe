// The Daten tab in Chromium against the built app: a German ERP export with
// one bad row, the CDNOW sample (BG/NBD r of FHL 2005 on the 39-week
// calibration, shared/data/README.md: 0.2425945 from the event log) and axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** FHL 2005 / lifetimes on the full-precision summary of the event log (shared/data/README.md). */
const CDNOW_BGNBD_R = 0.2425945;

function germanExport(): Buffer {
  const lines = ['Kundennummer;Datum;Umsatz', '1001;12.03.2025;1.234,56', '1002;14.03.2025;89,90', '1001;28.04.2025;310,00', '1003;31.02.2025;45,00'];
  for (let c = 1; c <= 30; c++) {
    for (let k = 0; k <= c % 4; k++) {
      const day = String(1 + ((c * 5 + k * 9) % 28)).padStart(2, '0');
      const month = String(1 + ((c + k * 4) % 12)).padStart(2, '0');
      lines.push(`${2000 + c};${day}.${month}.2025;${(15 + c * 2.75 + k * 30).toFixed(2).replace('.', ',')}`);
    }
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf-8');
}

async function openDataTab(page: Page): Promise<void> {
  await page.goto('./?lang=en#daten');
  await expect(page.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
}

test('a German CSV is mapped, imported and its rejected row reported with its line number', async ({ page }) => {
  await openDataTab(page);
  await expect(page.getByText('Your data never leaves the browser.')).toBeVisible();
  await page.getByLabel('Transaction file (CSV)').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: germanExport() });
  const form = page.getByRole('form', { name: /Map the columns/ });
  await expect(form.getByLabel('Customer id column')).toHaveValue('0');
  await expect(form.getByLabel('Date column')).toHaveValue('1');
  await expect(form.getByLabel('Revenue column')).toHaveValue('2');
  await form.getByRole('button', { name: 'Import' }).click();
  const summary = page.getByRole('region', { name: 'Import: export.csv' });
  await expect(summary.locator('[data-count="rejected"]')).toHaveText('1');
  await expect(page.locator('.data-rejected tr[data-line="5"]')).toContainText('invalid date');
  await expect(page.locator('[data-kpi="data.customers"]')).toHaveAttribute('data-value', '32');
});

test('"Try with sample data" loads CDNOW and fits BG/NBD as published', async ({ page }) => {
  await openDataTab(page);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  const r = page.locator('[data-kpi="data.bgnbdR"]');
  await expect(r).not.toHaveAttribute('data-value', '');
  const value = Number(await r.getAttribute('data-value'));
  expect(Math.abs(value - CDNOW_BGNBD_R) / CDNOW_BGNBD_R).toBeLessThan(1e-3);
  await expect(page.getByText(/Fader, Hardie & Lee \(2005\)/)).toBeVisible();
  await expect(page.locator('[data-kpi="data.customers"]')).toHaveAttribute('data-value', '2357');
  await expect(page.getByRole('img', { name: /Forecast against reality/ })).toBeVisible();
  // The forecast settings recompute from the cached fits.
  await page.getByLabel('Forecast period (years)').fill('2');
  await page.getByLabel('Forecast period (years)').press('Tab');
  await expect(page.locator('[data-kpi="data.totalClv"] .kpi-how')).toContainText('in 2 years');
  // The band of the new totals, computed in the worker, brackets the total CLV it stands under.
  const band = page.locator('[data-band="clv"]');
  await expect(band).toContainText('95 % band:', { timeout: 20_000 });
  const totalClv = Number(await page.locator('[data-kpi="data.totalClv"]').getAttribute('data-value'));
  expect(Number(await band.getAttribute('data-lower'))).toBeLessThan(totalClv);
  expect(Number(await band.getAttribute('data-upper'))).toBeGreaterThan(totalClv);
  await expect(page.getByText(/not the customers' own randomness/)).toBeVisible();
  // Clean-up and concentration for the real customers: the engine's drop and focus figures on the sample.
  for (const name of ['data.dropRealisticGain', 'data.dropValueAfter', 'data.bestFocus', 'data.valueAtBestFocus']) {
    const kpi = page.locator(`[data-kpi="${name}"]`);
    await expect(kpi).toHaveCount(1);
    await expect(kpi).toHaveAttribute('data-value', /^-?\d/);
    expect(Number.isFinite(Number(await kpi.getAttribute('data-value')))).toBe(true);
  }
  await expect(page.getByRole('img', { name: /Whale curve before and after removing/ })).toBeVisible();

  const results = await new AxeBuilder({ page }).include('#panel-daten').analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
});
