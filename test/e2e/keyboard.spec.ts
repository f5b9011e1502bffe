// (b) Keyboard: the Churn slider is a labelled range input a keyboard user can
// move with the arrow keys, End and Home, and whose exact value can be typed.
import { expectClvForChurn } from './churn.ts';
import { exactField, expectKpi4, kpiNumber, slider, test, expect } from './helpers.ts';

test.describe('keyboard slider use', () => {
  test('the Churn label names exactly one range input', async ({ page }) => {
    await page.goto('/?lang=en');
    const churn = slider(page, 'Churn');
    await expect(churn).toHaveCount(1);
    await expect(churn).toHaveAttribute('type', 'range');
  });

  test('ArrowRight, End and Home move churn and every figure follows', async ({ page }) => {
    await page.goto('/?lang=en');
    await expectKpi4(page, 'clv', 339.3803);
    const churn = slider(page, 'Churn');
    await expect(churn).toHaveCount(1);
    await churn.focus();
    await expect(churn).toBeFocused();

    // One step up: churn 0.20 -> 0.21, CLV = 100/1.08 x (1 - q^10)/(1 - q), q = 0.79/1.08.
    await page.keyboard.press('ArrowRight');
    const afterRight = await expectClvForChurn(page, churn);
    expect(afterRight.churnRate).toBeCloseTo(0.21, 6);
    expect(afterRight.clv).toBeLessThan(339.3803);

    // End: churn 100 %, every customer leaves after year 1: CLV = 100 / 1.08.
    await page.keyboard.press('End');
    const atEnd = await expectClvForChurn(page, churn);
    expect(atEnd.churnRate).toBe(1);
    expect(atEnd.clv).toBeCloseTo(100 / 1.08, 4);

    // Home: churn 0, q = 1/1.08: the largest CLV over 10 years.
    await page.keyboard.press('Home');
    const atHome = await expectClvForChurn(page, churn);
    expect(atHome.churnRate).toBe(0);
    expect(atHome.clv).toBeGreaterThan(afterRight.clv);
    // The single customer's other figures follow too: lifetime profit = CLV - 300.
    await expect.poll(async () => (await kpiNumber(page, 'lifetimeProfit')) - atHome.clv).toBeCloseTo(-300, 4);
  });

  test('an exact value can be typed', async ({ page }) => {
    await page.goto('/?lang=en');
    await expectKpi4(page, 'clv', 339.3803);
    const churn = slider(page, 'Churn');
    const exact = exactField(churn);
    await expect(exact).toBeVisible();
    // The field shows churn in percent (20) or as a fraction (0.2); type 25 % either way.
    const shown = Number((await exact.inputValue()).replace(',', '.'));
    const typed = shown > 1 ? '25' : '0.25';
    await exact.fill(typed);
    await exact.press('Enter');
    const q = 0.75 / 1.08;
    await expect
      .poll(async () => (await kpiNumber(page, 'clv')) - ((100 / 1.08) * (1 - q ** 10)) / (1 - q), { message: 'clv for churn 0.25' })
      .toBeCloseTo(0, 4);
    // The range input follows the typed value.
    const max = Number(await churn.getAttribute('max'));
    await expect.poll(async () => Number(await churn.inputValue()) / max).toBeCloseTo(0.25, 6);
  });
});
