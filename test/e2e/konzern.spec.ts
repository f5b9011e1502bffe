// The Konzernkunde / Key account tab in the browser (issue 17): it opens in
// both languages with the example group's figures, an edit in the entity
// table changes them (the worker answers), the charts are there, and axe
// finds no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, kpiNumber, readKpi, test } from './helpers.ts';

const NAMES = { de: { tab: 'Konzernkunde', revenue: 'Umsatz von Nordstahl Polska' }, en: { tab: 'Key account', revenue: 'Revenue of Nordstahl Polska' } } as const;

for (const lang of ['de', 'en'] as const) {
  test(`#konzern (${lang}): the example group's figures, an edit moves them`, async ({ page }) => {
    await page.goto(`/?lang=${lang}#konzern`);
    await expect(page.getByRole('tab', { name: NAMES[lang].tab })).toHaveAttribute('aria-selected', 'true');
    // 900 + 420 + 300 + 250 + 120 + 600 thousand potential, 700 thousand revenue.
    expect(await kpiNumber(page, 'keyAccountPotential')).toBe(2_590_000);
    expect(await kpiNumber(page, 'keyAccountRevenue')).toBe(700_000);
    const value = await kpiNumber(page, 'keyAccountValue');
    const average = await kpiNumber(page, 'keyAccountValueAsAverage');
    expect(value).toBeGreaterThan(average);
    for (const chart of ['whitespace', 'shareOfWallet', 'programme', 'salesHours']) await expect(page.locator(`[data-chart="${chart}"] svg`)).toBeVisible();

    await page.getByRole('spinbutton', { name: NAMES[lang].revenue }).fill('120000');
    await page.getByRole('spinbutton', { name: NAMES[lang].revenue }).press('Tab');
    // 700,000 − 60,000 + 120,000; more revenue at a positive margin adds value.
    await expect.poll(() => readKpi(page, 'keyAccountRevenue')).toBe(760_000);
    await expect.poll(async () => (await readKpi(page, 'keyAccountValue')) ?? 0).toBeGreaterThan(value);
    expect(await readKpi(page, 'keyAccountShareOfWallet')).toBeCloseTo(760 / 2590, 10);
  });

  test(`axe: #konzern (${lang}) has no serious or critical violations`, async ({ page }) => {
    await page.goto(`/?lang=${lang}#konzern`);
    await kpiNumber(page, 'keyAccountValue');
    await expect(page.locator('[data-chart="programme"] svg')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
    expect(severe).toEqual([]);
  });
}
