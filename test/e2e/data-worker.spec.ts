// Imports and fits run in a data worker of their own (issue 14, item 9): while
// a long fit runs, its progress shows the likelihood evaluations (no bar stuck
// at 100 %), the simulator keeps answering slider moves, and Cancel ends the
// fit with the data loaded before unchanged.
import { expect, expectKpiClose, expectedClv, slider, test } from './helpers.ts';

/** Purchases on random days by random customers: no structure, so the fit runs long (it drifts to a boundary). */
function randomPurchases(rows: number, customers: number): Buffer {
  let state = 2463534242;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const lines = ['customer_id,date,revenue'];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`C${1 + Math.floor(next() * customers)},${day},${(5 + next() * 200).toFixed(2)}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf-8');
}

test('a long fit shows its evaluations, the simulator stays live, and Cancel ends it', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('./?lang=en#daten');
  await page.getByLabel('Transaction file (CSV)').setInputFiles({ name: 'random.csv', mimeType: 'text/csv', buffer: randomPurchases(100_000, 20_000) });
  await page.getByRole('form', { name: /Map the columns/ }).getByRole('button', { name: 'Import' }).click();
  const progress = page.locator('.data-progress[data-phase="fit"]');
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText(/likelihood evaluations/);
  // An indeterminate bar: no value, so never "100 %" while the fit runs.
  await expect(progress.locator('progress')).not.toHaveAttribute('value');
  expect(workers.some((url) => /data\.worker/.test(url)), `workers: ${workers.join(', ')}`).toBe(true);

  // The simulator answers while the fit runs.
  await page.getByRole('tab', { name: 'One customer' }).click();
  const churn = slider(page, 'Churn');
  await churn.focus();
  await page.keyboard.press('ArrowRight');
  await expectKpiClose(page, 'clv', expectedClv(0.21));

  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.locator('.data-progress[data-phase="fit"]')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.locator('[data-error="cancelled"]')).toBeVisible();
  await expect(page.locator('.data-progress')).toHaveCount(0);
});
