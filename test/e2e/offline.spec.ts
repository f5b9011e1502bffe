// Offline (issue 6 point 2): after one visit the service worker has cached
// the app shell, every JS chunk (the engine worker too), CSS and icons; with
// the network off a reload shows the app and the worker computes figures.
import { expectKpi4, expect, test } from './helpers.ts';

test.describe('offline', () => {
  test('after one visit, the app and its engine worker work with the network off', async ({ page, context }) => {
    await page.goto('/');
    await expectKpi4(page, 'clv', 339.3803);
    // The service worker is installed (precache complete) and controls the page (clientsClaim).
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return registration?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
        }),
      )
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Kundenwert/);
    await expectKpi4(page, 'clv', 339.3803);
    // The figures come from the engine worker, loaded from the cache.
    expect(await page.evaluate(() => window.__kundenwert?.workerRequests ?? 0)).toBeGreaterThan(0);

    // Another view and a changed scenario work offline too.
    await page.goto('/?churnRate=0.25#portfolio');
    await expect.poll(() => page.locator('[data-kpi="top20RevenueShare"]').getAttribute('data-value')).not.toBe('');
    await context.setOffline(false);
  });

  test('the parts that load after the first chart come from the cache too: formulas, lessons, saved scenarios, embed dialog', async ({ page, context }) => {
    await page.goto('/?lang=en');
    await expectKpi4(page, 'clv', 339.3803);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated')).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expectKpi4(page, 'clv', 339.3803);
    // The formula board (loaded once the page is idle) writes the chain with today's numbers.
    await expect(page.locator('.formula-board').first()).toContainText('339.38');
    // The lessons (scripts, guide and texts) load with their tab, and a lesson starts.
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: 'Start' }).first().click();
    await expect(page.getByRole('button', { name: 'Leave lesson' })).toBeVisible();
    // Storage and the saved-scenario list (idb, valibot) load offline as well.
    await page.goto('/?lang=en#szenarien');
    await expect(page.getByRole('button', { name: 'Save as new scenario' })).toBeVisible();
    await expect(page.getByText('No scenarios saved yet.', { exact: false })).toBeVisible();
    // The embed dialog opens from its button.
    await page.getByRole('button', { name: 'Embed' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await context.setOffline(false);
  });

  test('the sample data ("Try with sample data") loads and fits with the network off', async ({ page, context }) => {
    await page.goto('/?lang=en');
    await expectKpi4(page, 'clv', 339.3803);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return registration?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
        }),
      )
      .toBe(true);

    await context.setOffline(true);
    await page.goto('/?lang=en#daten');
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    // The CDNOW sample's 2,357 customers, read from the precache and fitted in the data worker.
    await expect(page.locator('[data-kpi="data.customers"]')).toHaveAttribute('data-value', '2357');
    await expect(page.locator('[data-kpi="data.bgnbdR"]')).toHaveAttribute('data-value', /^\d/);
    await expect(page.getByText('The sample data could not be loaded')).toHaveCount(0);
    await context.setOffline(false);
  });

  test('the web manifest makes the app installable', async ({ page, request }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = (await (await request.get(new URL(href ?? '', page.url()).href)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; type: string }[];
    };
    expect(manifest.name).toBe('Kundenwert-Simulator');
    expect(manifest.start_url).toBe('./');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((icon) => icon.type)).toEqual(expect.arrayContaining(['image/svg+xml', 'image/png']));
    for (const icon of manifest.icons) {
      expect((await request.get(new URL(icon.src, page.url()).href)).ok(), icon.src).toBe(true);
    }
  });
});
