// Issue 15, "Keep the data set", in Chromium against the built app: the CDNOW
// file chosen through the file input gets the proposed split; after a reload
// the Daten tab shows it again at once, without the file, with the same fit
// (shared/data/README.md: BG/NBD r = 0.2425945 on the 39-week calibration).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function severeAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#panel-daten').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

const CDNOW = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/cdnow_sample_transactions.csv'));

test('the imported CDNOW file is kept: after a reload it is listed and shown without the file, and opens from the list', async ({ page }) => {
  await page.goto('./?lang=en#daten');
  await expect(page.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('The imported data set is kept only in this browser (IndexedDB) until you delete it.')).toBeVisible();
  const kept = page.getByRole('region', { name: 'Data sets kept in this browser' });
  await expect(kept.getByText(/None yet/)).toBeVisible();

  await page.getByLabel('Transaction file (CSV)').setInputFiles({ name: 'cdnow.csv', mimeType: 'text/csv', buffer: CDNOW });
  await page.getByRole('form', { name: /Map the columns/ }).getByRole('button', { name: 'Import' }).click();
  const summary = page.getByRole('region', { name: 'Import: cdnow.csv' });
  await expect(summary.locator('[data-note="split-proposed"]')).toContainText('30 Sept 1997', { timeout: 30_000 });
  const r = Number(await page.locator('[data-kpi="data.bgnbdR"]').getAttribute('data-value'));
  expect(r).toBeCloseTo(0.2425945, 3);
  await expect(kept.getByText('“cdnow.csv” is kept in this browser; your next visit shows it without the file.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
  await expect(kept.getByText('cdnow.csv', { exact: true })).toBeVisible();
  await expect(kept.getByText(/2,357 customers ·/)).toBeVisible();
  // Shown at once: no file chosen, no import run.
  await expect(summary.locator('[data-note="split-proposed"]')).toContainText('30 Sept 1997');
  await expect(page.locator('[data-kpi="data.bgnbdR"]')).toHaveAttribute('data-value', String(r));

  expect(await severeAxe(page), 'axe on the kept list').toEqual([]);
  await kept.getByRole('button', { name: 'Open “cdnow.csv”' }).click();
  await expect(page.locator('[data-kpi="data.bgnbdR"]')).toHaveAttribute('data-value', String(r));
  await expect(kept.locator('li[aria-current="true"]')).toContainText('cdnow.csv');

  // Without the file, the kept transactions are fitted again on every purchase, in a fresh data worker.
  await summary.getByRole('button', { name: 'Fit without a holdout' }).click();
  await expect(summary).toContainText('no holdout', { timeout: 30_000 });
  await expect(page.locator('[data-kpi="data.bgnbdR"]')).not.toHaveAttribute('data-value', String(r));
  await expect(kept.locator('li')).toHaveCount(1);
});

test('a customer summary chosen through the file input is fitted in the data worker once the time unit is stated', async ({ page }) => {
  const summary = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/cdnow_calibration_summary.csv'));
  await page.goto('./?lang=en#daten');
  await page.getByLabel('Transaction file (CSV)').setInputFiles({ name: 'cdnow_summary.csv', mimeType: 'text/csv', buffer: summary });
  const step = page.getByRole('form', { name: 'Customer summary: cdnow_summary.csv' });
  await expect(step.getByRole('button', { name: 'Import' })).toBeDisabled();
  expect(await severeAxe(page), 'axe on the summary step').toEqual([]);
  await step.getByRole('radio', { name: 'Weeks' }).check();
  await step.getByRole('button', { name: 'Import' }).click();
  const result = page.getByRole('region', { name: 'Import: cdnow_summary.csv' });
  await expect(result.locator('[data-note="split-summary"]')).toBeVisible({ timeout: 30_000 });
  // FHL 2005 on the 39-week calibration summary (values rounded to 2 decimals in the file): r = 0.243.
  const r = Number(await page.locator('[data-kpi="data.bgnbdR"]').getAttribute('data-value'));
  expect(r).toBeCloseTo(0.243, 2);
  await expect(page.locator('[data-note="summary-shown-limits"]')).toBeVisible();
  await expect(page.locator('[data-chart="holdout"]')).toHaveCount(0);
});
