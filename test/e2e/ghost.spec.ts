// What moved (issue 11): after a slider move the J-curve keeps the earlier
// curve faint behind the new one until "Hide before"; the horizon handle on
// the J-curve is a keyboard slider; the curve glides to its new place, and
// under prefers-reduced-motion it is there in one step.
import type { Page } from '@playwright/test';
import { expect, expectKpi4, readKpi, slider, test } from './helpers.ts';

const LINE = '[data-chart="jcurve"] path.line.created';

/** Every value the J-curve's path takes from now on, in the page. */
async function recordPath(page: Page): Promise<void> {
  await page.locator(LINE).waitFor();
  await page.evaluate((selector) => {
    const path = document.querySelector(selector) as SVGPathElement;
    const seen: string[] = [path.getAttribute('d') ?? ''];
    (window as unknown as { seenPaths: string[] }).seenPaths = seen;
    new MutationObserver(() => seen.push(path.getAttribute('d') ?? '')).observe(path, { attributes: true, attributeFilter: ['d'] });
  }, LINE);
}

const seenPaths = (page: Page) => page.evaluate(() => (window as unknown as { seenPaths: string[] }).seenPaths);

async function moveChurn(page: Page): Promise<void> {
  const churn = slider(page, 'Churn');
  await churn.focus();
  await churn.press('PageUp');
  await expect.poll(() => readKpi(page, 'clv')).not.toBe(339.3803);
}

test.describe('ghost and motion on the J-curve', () => {
  test('a slider move leaves the earlier curve behind until "Hide before"', async ({ page }) => {
    await page.goto('/?lang=en#kunde');
    await expectKpi4(page, 'clv', 339.3803);
    const before = await page.locator(LINE).getAttribute('d');
    await expect(page.locator('[data-chart="jcurve"] path.ghost')).toHaveCount(0);
    await moveChurn(page);
    const ghost = page.locator('[data-chart="jcurve"] path.ghost');
    await expect(ghost).toHaveAttribute('d', before ?? '');
    await expect(ghost).toHaveAttribute('aria-hidden', 'true');
    await page.getByRole('button', { name: 'Hide before' }).click();
    await expect(ghost).toHaveCount(0);
  });

  test('the horizon handle on the J-curve sets the horizon from the keyboard', async ({ page }) => {
    await page.goto('/?lang=en#kunde');
    await expectKpi4(page, 'clv', 339.3803);
    const handle = page.locator('[data-chart="jcurve"]').getByRole('slider', { name: 'Horizon' });
    await expect(handle).toHaveAttribute('aria-valuenow', '10');
    await handle.focus();
    await handle.press('ArrowLeft');
    // H = 9: CLV = 100/1.08 x (1 - q^9)/(1 - q), q = 0.8/1.08.
    const q = 0.8 / 1.08;
    await expect.poll(async () => readKpi(page, 'clv')).toBeCloseTo(((100 / 1.08) * (1 - q ** 9)) / (1 - q), 4);
    await expect(handle).toHaveAttribute('aria-valuenow', '9');
    await expect(slider(page, 'Horizon')).toHaveValue('9');
  });

  test('the curve glides to its new place through frames in between and is there within 400 ms', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/?lang=en#kunde');
    await expectKpi4(page, 'clv', 339.3803);
    await recordPath(page);
    await moveChurn(page);
    await page.waitForTimeout(400);
    const seen = await seenPaths(page);
    // Frames in between, and the last one is the new curve (a glide that ends).
    expect(new Set(seen).size).toBeGreaterThan(2);
    await expect(page.locator(LINE)).toHaveAttribute('d', seen[seen.length - 1] ?? '');
  });

  test('under prefers-reduced-motion it is at its new place in one step', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/?lang=en#kunde');
    await expectKpi4(page, 'clv', 339.3803);
    await recordPath(page);
    await moveChurn(page);
    await page.waitForTimeout(400);
    expect(new Set(await seenPaths(page)).size).toBe(2);
  });

  test('lesson (a) step 5 ("before: 1") keeps step 1\'s J-curve faint behind the new one, past the pause', async ({ page }) => {
    await page.goto('/?lang=en#lektionen');
    await expectKpi4(page, 'clv', 339.3803);
    await page.locator('[data-lesson-card="acquisition"]').getByRole('button', { name: 'Start', exact: true }).click();
    const guide = page.locator('.lesson-guide');
    await expect(guide).toHaveAttribute('data-step', '1');
    await expect(page.locator(LINE)).toBeVisible();
    // PageDown steps on (and reveals asked answers) until step 5 is shown answered.
    for (let press = 0; press < 12; press++) {
      if ((await guide.getAttribute('data-step')) === '5' && (await guide.getAttribute('data-asking')) === 'false') break;
      await page.keyboard.press('PageDown');
      await expect(page.locator('main.views')).toHaveAttribute('aria-busy', 'false');
    }
    await expect(guide).toHaveAttribute('data-step', '5');
    const ghost = page.locator('[data-chart="jcurve"] path.ghost');
    await expect(ghost).toHaveCount(1);
    await page.waitForTimeout(4_500);
    await expect(ghost).toHaveCount(1);
    expect(await ghost.getAttribute('d')).not.toBe(await page.locator(LINE).getAttribute('d'));
  });
});
