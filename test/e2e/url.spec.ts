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

test.describe('URL input a hostile link may carry', () => {
  test('hex numbers, __proto__, a very long key and a bidi override each get a short, visible notice', async ({ page }) => {
    // 8,000 characters: the preview server refuses request lines past about 16 kB (431).
    const longKey = 'k'.repeat(8_000);
    const query = [
      'horizon=0x10',
      'seed=0b101',
      '__proto__=1',
      'constructor=1',
      `${longKey}=1`,
      `orderValue=${encodeURIComponent('12\u202E34')}`,
      'lang=en',
    ].join('&');
    await page.goto(`/?${query}`);
    // The defaults stay: a horizon of 0x10 (16) would give another CLV.
    await expectKpi4(page, 'clv', 339.3803);
    const notices = page.locator('.notice-infos .notice');
    await expect(notices.filter({ hasText: /horizon.*“0x10”/ })).toHaveCount(1);
    await expect(notices.filter({ hasText: /seed.*“0b101”/ })).toHaveCount(1);
    await expect(notices.filter({ hasText: /__proto__ is unknown/ })).toHaveCount(1);
    await expect(notices.filter({ hasText: /constructor is unknown/ })).toHaveCount(1);
    await expect(notices.filter({ hasText: '“12\\u202E34”' })).toHaveCount(1);
    const texts = await notices.allTextContents();
    expect(texts.some((text) => text.includes('\u202E')), 'a raw bidi override in a notice').toBe(false);
    expect(Math.max(...texts.map((text) => text.length)), 'longest notice in characters').toBeLessThan(200);
    // The page does not grow sideways for a long key.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
