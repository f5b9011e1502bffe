// (c) URL parameters: every scenario key in the query string, rates as
// fractions; an invalid value is named in a visible notice and ignored.
import { expectKpi4, expectKpiClose, expectedClv, slider, test, expect } from './helpers.ts';

test.describe('URL parameters', () => {
  test('?churnRate=0.25 sets churn to 25 %', async ({ page }) => {
    await page.goto('/?churnRate=0.25&lang=en');
    // q = 0.75 / 1.08; CLV = 100 / 1.08 x (1 - q^10) / (1 - q).
    const q = 0.75 / 1.08;
    const clv = ((100 / 1.08) * (1 - q ** 10)) / (1 - q);
    expect(clv).toBeCloseTo(expectedClv(0.25), 9);
    await expectKpiClose(page, 'clv', clv);
    await expectKpi4(page, 'annualMargin', 100);
  });

  test('?horizon=null counts an unlimited horizon', async ({ page }) => {
    await page.goto('/?horizon=null');
    // With u = 0 and H unlimited: CLV = m / (d + c) = 100 / (0.08 + 0.2).
    await expectKpiClose(page, 'clv', 100 / (0.08 + 0.2), 5);
    await expectKpiClose(page, 'clv', 357.142857, 5);
  });

  test('?churnRate=7 shows a notice naming churnRate; the defaults stay and the app works', async ({ page }) => {
    await page.goto('/?churnRate=7&lang=en');
    await expect(page.getByText(/churnRate/).filter({ visible: true }).first()).toBeVisible();
    await expectKpi4(page, 'clv', 339.3803);
    await expectKpi4(page, 'lifetimeProfit', 39.3803);
    // Still works: a slider still moves the figures.
    const churn = slider(page, 'Churn');
    await churn.focus();
    await page.keyboard.press('ArrowRight');
    await expectKpiClose(page, 'clv', expectedClv(0.21));
  });

  test('a malformed ?horizon=abc shows a notice naming horizon; the defaults stay', async ({ page }) => {
    // German page: its labels say "Betrachtungszeitraum", so "horizon" can only be the notice.
    await page.goto('/?horizon=abc');
    await expect(page.getByText(/\bhorizon\b/).filter({ visible: true }).first()).toBeVisible();
    await expectKpi4(page, 'clv', 339.3803);
    await expectKpi4(page, 'paybackYears', 6.1213);
  });

  test('valid parameters beside an invalid one still apply', async ({ page }) => {
    await page.goto('/?churnRate=0.25&horizon=abc&lang=en');
    await expect(page.getByText(/\bhorizon\b/).filter({ visible: true }).first()).toBeVisible();
    await expectKpiClose(page, 'clv', expectedClv(0.25));
  });
});

test.describe('URL parameters given more than once', () => {
  test('?lang=fr&lang=fr keeps the app running with one notice naming the value used', async ({ page }) => {
    await page.goto('/?lang=fr&lang=fr');
    // The app is there: the default figures are drawn.
    await expectKpi4(page, 'clv', 339.3803);
    await expect(page.getByText(/\blang\b.*2-mal.*„fr“/)).toHaveCount(1);
    await expect(page.getByText(/lang=fr/)).toHaveCount(1);
  });

  test('?churnRate=0.25&churnRate=0.3 uses the first value and says so once', async ({ page }) => {
    await page.goto('/?churnRate=0.25&churnRate=0.3&lang=en');
    await expectKpiClose(page, 'clv', expectedClv(0.25));
    await expect(page.getByText(/churnRate.*2 times.*“0\.25”/)).toHaveCount(1);
  });
});
