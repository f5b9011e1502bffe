// Issue 14, storage faults in a real browser: a reload right after a slider
// move keeps the move (item 5), IndexedDB denied by a throwing getter (item 4),
// a database upgrade blocked by an older tab (item 7).
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

  test('a slider move followed at once by closing the tab is there when the app is opened again', async ({ page, context }) => {
    await openScenarios(page);
    await raiseChurn(page, 3);
    await page.close();
    const again = await context.newPage();
    await again.goto('/?lang=en');
    await expectKpiClose(again, 'clv', expectedClv(0.23));
    await expect(again.getByText('Your last working state was restored.')).toBeVisible();
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

const ALL_TABS = ['kunde', 'portfolio', 'bereinigung', 'fokus', 'szenarien', 'daten', 'segmente', 'konzern', 'lektionen'] as const;

/** True when two boxes share any area. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test.describe('IndexedDB denied by a getter that throws (privacy modes)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
  });

  test('no error reaches the page, and every tab says that nothing is kept, beside the charts, not over them', async ({ page, browserErrors }) => {
    await page.goto('/?lang=en#kunde');
    await waitForFigures(page);
    const notice = page.locator('[data-storage-notice]');
    for (const tab of ALL_TABS) {
      await page.goto(`/?lang=en#${tab}`);
      await expect(notice, `storage notice on #${tab}`).toBeVisible();
      await expect(notice).toContainText('Browser storage (IndexedDB) is not available');
      await expect(notice).toHaveCount(1);
      const box = await notice.boundingBox();
      expect(box).not.toBeNull();
      for (const chart of await page.locator('#panel-' + tab + ' svg[role="img"], #panel-' + tab + ' figure').all()) {
        if (!(await chart.isVisible())) continue;
        const chartBox = await chart.boundingBox();
        if (box && chartBox) expect(overlaps(box, chartBox), `the notice covers a chart on #${tab}`).toBe(false);
      }
    }
    // Work goes on in memory.
    await raiseChurn(page, 2);
    await expectKpiClose(page, 'clv', expectedClv(0.22));
    expect(browserErrors.messages).toEqual([]);
  });
});

test.describe('another tab blocks the database upgrade', () => {
  test('"save as new scenario" says at once that it waits, and the scenario is saved when that tab lets go', async ({ page, context }) => {
    // The older tab: it holds the database open at schema version 1 and ignores versionchange.
    const older = await context.newPage();
    // Any page of this origin without the app will do.
    await older.goto('/favicon.svg');
    await older.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('kundenwert-simulator', 1);
          request.onupgradeneeded = () => request.result.createObjectStore('scenarios', { keyPath: 'id' });
          request.onsuccess = () => {
            (window as unknown as { olderDb: IDBDatabase }).olderDb = request.result;
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.goto('/?lang=en#szenarien');
    await waitForFigures(page);
    await expect(page.locator('[data-storage-notice]')).toContainText('Another tab with an older version blocks the storage');
    await page.getByLabel('Scenario name').fill('Waiting');
    await page.getByRole('button', { name: 'Save as new scenario' }).click();
    await expect(page.getByText('“Waiting” is kept and will be saved as soon as the other tab releases the storage.')).toBeVisible();
    await expect(page.locator('[data-scenario="Waiting"]')).toBeVisible();

    await older.evaluate(() => (window as unknown as { olderDb: IDBDatabase }).olderDb.close());
    await expect(page.getByText('Saved: “Waiting”.')).toBeVisible();
    await expect(page.locator('[data-storage-notice]')).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-scenario="Waiting"]')).toBeVisible();
  });
});
