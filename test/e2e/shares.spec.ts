// Issue 14 item 2: Home on the three full-focus budget shares A, B and C
// used to fill the Fokus tab with "NaN €" and came back with every reload.
import { kpiNumber, showTab, slider, test, expect } from './helpers.ts';

test('Home on budget shares A, B and C: C stays above 0 with a message, the Fokus tab shows numbers, also after a reload', async ({ page }) => {
  await page.goto('/?lang=en#fokus');
  await kpiNumber(page, 'valueAtBestFocus');
  for (const segment of ['A', 'B', 'C']) {
    const share = slider(page, `Target budget share ${segment} at full concentration`);
    // The shares are advanced settings, folded away until opened.
    if (!(await share.isVisible())) {
      await page.locator('details', { has: share }).locator('summary').click();
    }
    await share.focus();
    await page.keyboard.press('Home');
  }
  const c = slider(page, 'Target budget share C at full concentration');
  await expect(c).toHaveValue('10');
  await expect(page.getByRole('alert').filter({ hasText: 'At least one of the three budget shares A, B and C must stay above 0' })).toBeVisible();
  await expect(slider(page, 'Target budget share A at full concentration')).toHaveValue('0');
  await expect(slider(page, 'Target budget share B at full concentration')).toHaveValue('0');

  await showTab(page, 'fokus');
  await kpiNumber(page, 'valueAtBestFocus');
  await expect(page.locator('main')).not.toContainText('NaN');
  // The autosave (debounced) then a reload: the same shares come back, still no NaN.
  await expect.poll(() => page.evaluate(() => window.location.search)).toContain('focusShareB=0');
  await page.waitForTimeout(1500);
  await page.reload();
  await kpiNumber(page, 'valueAtBestFocus');
  await expect(page.locator('main')).not.toContainText('NaN');
  await expect(page.locator('main')).not.toContainText('Infinity');
});
