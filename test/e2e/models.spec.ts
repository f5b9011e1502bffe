// The model views of the Daten tab (issue 16) in Chromium on the CDNOW
// sample: the tracking chart's calibration end dragged by pointer and moved
// by keyboard refits in the data worker, and the fitted parameters change.
import { expect, test, type Page } from '@playwright/test';

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
