// Issue 11, defect 2: the "works offline now" note goes by itself after a few
// seconds and never covers a chart or the lesson guide, on the phone too, in
// the first seconds after the first visit (when the service worker has cached
// the app) and after scrolling down.
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForFigures } from './helpers.ts';

const TOAST = '.pwa-prompt .pwa-toast';

type Box = { x: number; y: number; width: number; height: number };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The boxes (in the viewport) of every visible chart and of the lesson guide the toast covers. */
async function covered(page: Page, toast: Locator): Promise<string[]> {
  const box = await toast.boundingBox();
  expect(box, 'the toast is shown').not.toBeNull();
  const hits: string[] = [];
  for (const target of await page.locator('[data-chart], .lesson-guide').all()) {
    if (!(await target.isVisible())) continue;
    const other = await target.boundingBox();
    if (box && other && overlaps(box, other)) {
      hits.push((await target.getAttribute('data-chart')) ?? 'lesson guide');
    }
  }
  return hits;
}

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
]) {
  test.describe(`offline note at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    for (const lang of ['de', 'en'] as const) {
      test(`covers no chart, also scrolled down, and goes by itself (${lang})`, async ({ page }) => {
        await page.goto(`/?lang=${lang}#kunde`);
        await waitForFigures(page);
        const toast = page.locator(TOAST);
        await expect(toast).toBeVisible({ timeout: 15_000 });
        expect(await covered(page, toast)).toEqual([]);
        await page.mouse.wheel(0, 700);
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
        if (await toast.isVisible()) expect(await covered(page, toast)).toEqual([]);
        // Gone within ten seconds without a click.
        await expect(toast).toBeHidden({ timeout: 10_000 });
      });
    }

    test('covers neither the lesson guide nor its chart in guided mode', async ({ page }) => {
      await page.goto('/?lang=en#lektionen');
      await waitForFigures(page);
      await page.getByRole('button', { name: 'Start', exact: true }).first().click();
      await expect(page.locator('.lesson-guide')).toBeVisible();
      const toast = page.locator(TOAST);
      await expect(toast).toBeVisible({ timeout: 15_000 });
      expect(await covered(page, toast)).toEqual([]);
    });
  });
}
