// (e) No console errors and no uncaught errors while loading and using sliders.
// (Every spec also fails on browser errors through the fixture in helpers.ts;
// this one drives a typical session on purpose and lists what it saw.)
import { expectKpi4, expectKpiClose, expectedClv, showTab, slider, TABS, test, expect, waitForFigures } from './helpers.ts';

for (const lang of ['de', 'en'] as const) {
  test(`no console or page errors: load, every tab, slider use (${lang})`, async ({ page, browserErrors }) => {
    await page.goto(`/?lang=${lang}`);
    await expectKpi4(page, 'clv', 339.3803);
    for (const tab of TABS) {
      await showTab(page, tab);
      await waitForFigures(page);
    }
    await showTab(page, 'kunde');
    const churn = page.locator('input[type="range"]').first();
    await churn.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    if (lang === 'en') {
      const churnSlider = slider(page, 'Churn');
      await churnSlider.focus();
      await page.keyboard.press('ArrowRight');
      await expectKpiClose(page, 'clv', expectedClv(0.21));
    }
    expect(browserErrors.messages).toEqual([]);
  });
}
