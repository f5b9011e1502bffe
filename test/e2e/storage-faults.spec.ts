// Issue 14, storage faults in a real browser: a reload right after a slider
// move keeps the move (items 5), IndexedDB denied by a throwing getter (item 4).
import type { Page } from '@playwright/test';
import { expect, expectKpiClose, expectedClv, slider, test, waitForFigures } from './helpers.ts';

async function openScenarios(page: Page, query = '?lang=en'): Promise<void> {
  await page.goto(`/${query}#szenarien`);
  await waitForFigures(page);
  // Storage is open once the list section is there.
  await expect(page.getByRole('heading', { name: 'Saved scenarios' })).toBeVisible();
}

async function raiseChurn(page: Page, steps: number): Promise<void> {
  const churn = slider(page, 'Churn');
  await churn.focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
}

test.describe('a reload right after a change', () => {
  test('a slider move followed at once by a reload survives it', async ({ page }) => {
    await openScenarios(page);
    await raiseChurn(page, 2);
    // No wait: the debounced autosave (and the address bar) have not caught up yet.
    await page.reload();
    await expectKpiClose(page, 'clv', expectedClv(0.22));
  });

  test('a move after the address bar caught up survives a reload, and is not called a foreign link', async ({ page }) => {
    await openScenarios(page);
    await raiseChurn(page, 2);
    await expect(page).toHaveURL(/churnRate=0\.22/);
    await raiseChurn(page, 1);
    await page.reload();
    await expectKpiClose(page, 'clv', expectedClv(0.23));
    await expect(page.getByText('This scenario comes from a link')).toHaveCount(0);
  });
});
