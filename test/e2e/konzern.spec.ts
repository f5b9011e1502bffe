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

// The account is part of the scenario (issue 17, step 6): saved with it, back after a reload,
// compared with another scenario, and shared by link into a fresh profile.
test('#konzern: an edited entity is saved with the scenario, comes back, is compared and shared by link', async ({ page, browser }) => {
  const revenue = () => page.getByRole('spinbutton', { name: NAMES.de.revenue });
  await page.goto('/?lang=de#konzern');
  const exampleValue = await kpiNumber(page, 'keyAccountValue');
  await revenue().fill('120000');
  await revenue().press('Tab');
  await expect.poll(() => readKpi(page, 'keyAccountRevenue')).toBe(760_000);
  const editedValue = await kpiNumber(page, 'keyAccountValue');
  expect(editedValue).toBeGreaterThan(exampleValue);

  // Save it on the Szenarien tab ("Speichern unter": a new scenario under a name).
  await page.getByRole('tab', { name: 'Szenarien' }).click();
  await page.getByLabel('Name des Szenarios').fill('Polska gewonnen');
  await page.getByRole('button', { name: 'Als neues Szenario speichern' }).click();
  await expect(page.locator('[data-scenario="Polska gewonnen"]')).toBeVisible();
  // The share link carries the account in one parameter.
  const shareUrl = await page.getByLabel('Link zum Teilen').inputValue();
  expect(new URL(shareUrl).searchParams.get('ka')).toBeTruthy();

  // A reload keeps the edit.
  await page.reload();
  await page.getByRole('tab', { name: NAMES.de.tab }).click();
  await expect(revenue()).toHaveValue('120000');
  await expect.poll(() => readKpi(page, 'keyAccountRevenue')).toBe(760_000);

  // A second scenario with the example group; then compare the two.
  await page.getByRole('button', { name: 'Beispielkonzern wiederherstellen' }).click();
  await expect.poll(() => readKpi(page, 'keyAccountRevenue')).toBe(700_000);
  await page.getByRole('tab', { name: 'Szenarien' }).click();
  await page.getByLabel('Name des Szenarios').fill('Beispielgruppe');
  await page.getByRole('button', { name: 'Als neues Szenario speichern' }).click();
  const entry = (name: string) => page.locator(`[data-scenario="${name}"]`);
  await entry('Beispielgruppe').getByRole('checkbox').check();
  await entry('Polska gewonnen').getByRole('checkbox').check();
  const cells = page.locator('[data-compare="keyAccountValue"]');
  await expect(cells).toHaveCount(2);
  const values = async () => Promise.all([0, 1].map(async (i) => Number(await cells.nth(i).getAttribute('data-value'))));
  // The compared portfolios are simulated apart from the live one, so the values are compared with each other.
  await expect.poll(async () => (await values()).every((value) => value > 0)).toBe(true);
  const [example, won] = await values();
  expect(won).toBeGreaterThan(example ?? Infinity);

  // Opening the saved scenario brings its table back.
  await entry('Polska gewonnen').getByRole('button', { name: 'Öffnen' }).click();
  await page.getByRole('tab', { name: NAMES.de.tab }).click();
  await expect(revenue()).toHaveValue('120000');

  // The link opens the account in a fresh profile (no saved state there).
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    const url = new URL(shareUrl);
    url.hash = 'konzern';
    await other.goto(url.href);
    await expect.poll(() => readKpi(other, 'keyAccountRevenue')).toBe(760_000);
    await expect(other.getByRole('spinbutton', { name: NAMES.de.revenue })).toHaveValue('120000');
  } finally {
    await fresh.close();
  }
});

test('#konzern: a malformed ka= link is named, and the example group stays', async ({ page }) => {
  await page.goto('/?lang=de&ka=kaputt!#konzern');
  await expect(page.getByText('URL-Parameter ka (Konzernkunde) ignoriert')).toBeVisible();
  expect(await kpiNumber(page, 'keyAccountRevenue')).toBe(700_000);
});

test('#konzern: "back to your previous working state" after a link also brings back the table the link replaced', async ({ page }) => {
  const revenue = () => page.getByRole('spinbutton', { name: NAMES.de.revenue });
  await page.goto('/?lang=de#konzern');
  await revenue().fill('120000');
  await revenue().press('Tab');
  await expect.poll(() => readKpi(page, 'keyAccountRevenue')).toBe(760_000);
  // A shared link with the example group (and another churn) replaces the working state.
  await page.goto('/?lang=de&churnRate=0.3#konzern');
  await expect.poll(() => readKpi(page, 'keyAccountRevenue')).toBe(700_000);
  await page.getByRole('button', { name: 'Zurück zu Ihrem vorigen Arbeitsstand' }).click();
  await expect.poll(() => readKpi(page, 'keyAccountRevenue')).toBe(760_000);
  await expect(revenue()).toHaveValue('120000');
});
