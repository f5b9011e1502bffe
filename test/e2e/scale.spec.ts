// (g) 100,000 customers still load and show figures.
import { expectKpi4, kpiNumber, test, expect } from './helpers.ts';

test('?customers=100000 loads and shows the figures', async ({ page }) => {
  await page.goto('/?customers=100000&lang=en');
  // The single customer does not depend on the portfolio size.
  await expectKpi4(page, 'clv', 339.3803);
  // The portfolio figures do, and stay in the calibration band (MODEL.md section 2).
  const top20 = await kpiNumber(page, 'top20RevenueShare');
  expect(top20).toBeGreaterThanOrEqual(0.7);
  expect(top20).toBeLessThanOrEqual(0.8);
  // The customers slider says how many there are.
  await expect(page.getByRole('slider', { name: /Customers/ }).first()).toHaveAttribute('aria-valuetext', /100,000/);
});
