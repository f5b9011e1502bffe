// (d) The engine runs in a Web Worker, not on the main thread.
import type { Page } from '@playwright/test';
import { expectKpi4, expectKpiClose, expectedClv, readKpi, slider, test, expect } from './helpers.ts';

async function workerRequests(page: Page): Promise<number> {
  return page.evaluate(() => window.__kundenwert?.workerRequests ?? 0);
}

test.describe('engine worker', () => {
  test('a worker is created and every figure comes from it', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/?lang=en');
    await expectKpi4(page, 'clv', 339.3803);
    expect(workers.length, 'workers created').toBeGreaterThan(0);
    const first = await workerRequests(page);
    expect(first, 'window.__kundenwert.workerRequests').toBeGreaterThan(0);

    // A slider move is a new worker request.
    const churn = slider(page, 'Churn');
    await churn.focus();
    await page.keyboard.press('ArrowRight');
    await expectKpiClose(page, 'clv', expectedClv(0.21));
    expect(await workerRequests(page)).toBeGreaterThan(first);
  });

  test.describe('without the worker', () => {
    test.use({ allowBrowserErrors: true });

    test('the main thread computes nothing itself', async ({ page }) => {
      // Refuse every worker script: if figures appeared anyway, the main thread would be computing them.
      let refused = 0;
      await page.route(/worker/i, async (route) => {
        if (route.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(route.request().url())) {
          refused += 1;
          await route.abort();
        } else {
          await route.continue();
        }
      });
      await page.goto('/?lang=en');
      await expect(page.locator('[data-kpi="clv"]').first()).toBeAttached();
      await expect.poll(() => refused, { message: 'the worker script was requested' }).toBeGreaterThan(0);
      // The person is told that the engine failed (STYLE.md: a clear message for each failure) ...
      await expect(page.getByRole('alert').first()).toBeVisible();
      // ... and the main thread has had every chance to fill in figures itself: two more frames and a task.
      await page.evaluate(
        () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))),
      );
      expect(await readKpi(page, 'clv'), 'clv without a worker').toBeNull();
    });
  });

  test.describe('a worker that dies', () => {
    test('an engine worker that ends (as when terminated or out of memory) is replaced: figures follow the sliders again', async ({ page }) => {
      await page.goto('/?lang=en');
      await expectKpi4(page, 'clv', 339.3803);
      const engineWorker = page.workers().find((worker) => /engine\.worker/.test(worker.url()));
      expect(engineWorker, 'the engine worker').toBeDefined();
      // The worker ends itself: no error event, no message, exactly like a killed one.
      await engineWorker?.evaluate(() => (self as unknown as { close(): void }).close());
      const churn = slider(page, 'Churn');
      await churn.focus();
      await page.keyboard.press('ArrowRight');
      await expectKpiClose(page, 'clv', expectedClv(0.21));
      await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
      expect(await page.evaluate(() => window.__kundenwert?.workersStarted ?? 0)).toBe(2);
      await expect(page.locator('[data-worker-down]')).toHaveCount(0);
    });
  });

  test.describe('a worker that fails to start', () => {
    test.use({ allowBrowserErrors: true });

    test('once: the next worker computes the figures', async ({ page }) => {
      let refused = 0;
      await page.route(/engine\.worker/, async (route) => {
        if (refused === 0) {
          refused += 1;
          await route.abort();
        } else {
          await route.continue();
        }
      });
      await page.goto('/?lang=en');
      await expectKpi4(page, 'clv', 339.3803);
      expect(refused).toBe(1);
      await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
      await expect(page.locator('[data-worker-down]')).toHaveCount(0);
      await expect(page.getByText('The computation failed')).toHaveCount(0);
    });

    test('every time: a notice says so with a retry button, which brings the figures once the worker can start', async ({ page }) => {
      let blocked = true;
      await page.route(/engine\.worker/, async (route) => {
        if (blocked) await route.abort();
        else await route.continue();
      });
      await page.goto('/?lang=en');
      const notice = page.locator('[data-worker-down]');
      await expect(notice).toBeVisible();
      await expect(page.getByRole('alert').filter({ has: notice })).toHaveCount(1);
      await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
      blocked = false;
      await notice.getByRole('button', { name: 'Try again' }).click();
      await expectKpi4(page, 'clv', 339.3803);
      await expect(notice).toHaveCount(0);
    });
  });
});
