// (a) Load: title, German by default, the MODEL.md default figures; and a
// non-blank screenshot at the projector size.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expectKpi4, expectNonBlank, kpiNumber, test, expect, waitForFigures } from './helpers.ts';

test.describe('load', () => {
  test('shows the title and the default figures, in German', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Kundenwert/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Kundenwert/);

    // MODEL.md section 1: m = 4 x (250 x 0.30 - 20) - 120 = 100; q = 0.8 / 1.08;
    // CLV(10 years) = 100 / 1.08 x (1 - q^10) / (1 - q) = 339.3803;
    // lifetime profit = 339.3803 - 300; textbook figure 100 x min(1/0.2, 10) - 300 = 200.
    await expectKpi4(page, 'annualMargin', 100);
    await expectKpi4(page, 'clv', 339.3803);
    await expectKpi4(page, 'lifetimeProfit', 39.3803);
    await expectKpi4(page, 'paybackYears', 6.1213);
    await expectKpi4(page, 'simpleLifetimeProfit', 200);

    // MODEL.md section 2 calibration band: the top 20 % bring 70-80 % of revenue.
    const top20 = await kpiNumber(page, 'top20RevenueShare');
    expect(top20).toBeGreaterThanOrEqual(0.7);
    expect(top20).toBeLessThanOrEqual(0.8);
  });

  // The Daten, Segmente and Konzernkunde texts load with their tabs; the tab bar must not wait for them.
  for (const [lang, names] of [
    ['de', ['Einzelkunde', 'Portfolio', 'Bereinigung', 'Fokussierung', 'Szenarien', 'Daten', 'Segmente', 'Konzernkunde', 'Lektionen']],
    ['en', ['One customer', 'Portfolio', 'Clean-up', 'Targeting', 'Scenarios', 'Data', 'Segments', 'Key account', 'Lessons']],
  ] as const) {
    test(`names every tab in words on the first screen (${lang})`, async ({ page }) => {
      await page.goto(`/?lang=${lang}`);
      await expect(page.getByRole('tab')).toHaveText([...names]);
      // One row beside the controls at 1280 px: no tab hides behind the strip's edge.
      if ((page.viewportSize()?.width ?? 0) >= 1280) {
        const fits = await page.getByRole('tablist').evaluate((list) => list.scrollWidth <= list.clientWidth);
        expect(fits, 'every tab visible without scrolling the tab bar').toBe(true);
      }
    });
  }

  test('on a phone the selected tab is in view in the sideways tab bar, also when a click elsewhere selects it', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const selectedInBar = () =>
      page.getByRole('tablist').evaluate((list) => {
        const tab = list.querySelector('[aria-selected="true"]');
        if (!tab) return false;
        const bar = list.getBoundingClientRect();
        const box = tab.getBoundingClientRect();
        return box.left >= bar.left - 1 && box.right <= bar.right + 1;
      });
    for (const hash of ['konzern', 'lektionen', 'kunde']) {
      await page.goto(`/#${hash}`);
      await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('id', `tab-${hash}`);
      await expect.poll(selectedInBar, `#${hash}: selected tab inside the tab bar`).toBe(true);
    }
    // The page itself stays where it is: only the bar scrolls.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('English with ?lang=en', async ({ page }) => {
    await page.goto('/?lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectKpi4(page, 'clv', 339.3803);
  });

  test('a full-page screenshot at 1280x720 is not blank', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/');
    await waitForFigures(page);
    await expectKpi4(page, 'clv', 339.3803);
    // Let the charts finish their first paint before the picture is taken.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const png = await page.screenshot({ fullPage: true });
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/kundenwert-1280x720.png', png);
    await testInfo.attach('screenshot 1280x720', { body: png, contentType: 'image/png' });

    await expectNonBlank(page, png, 'screenshot 1280x720');
  });

  test('a first visit draws its first chart before it loads storage, lessons, formula boards or the embed dialog', async ({ page }) => {
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('figure.chart svg path')) return;
        observer.disconnect();
        // The JS files loaded when the first chart is inserted.
        (window as unknown as { __jsAtChart: string[] }).__jsAtChart = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.endsWith('.js'));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto('/#kunde');
    await expectKpi4(page, 'clv', 339.3803);
    const atChart = await page.evaluate(() => (window as unknown as { __jsAtChart: string[] }).__jsAtChart);
    expect(atChart.some((path) => /\/index-[\w-]+\.js$/.test(path))).toBe(true);
    // Chunk names come from the modules they hold (vite's output names).
    expect(atChart.filter((path) => /scenarioStorage|library|accountLinkRead|lessons\.svelte|LessonGuide|Formulas|EmbedDialog/.test(path))).toEqual([]);
    // Once the page is idle the formula board follows, below the chart.
    await expect(page.locator('.formula-board').first()).toContainText('339,38');
  });
});
