// Shared helpers for the browser specs. They speak only the public contract
// of issue 3 point 6: `data-kpi`/`data-value` on the headline figures, slider
// labels, URL parameters, the tab hashes and `window.__kundenwert`.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export type Tab = 'kunde' | 'portfolio' | 'bereinigung' | 'fokus';
export const TABS: readonly Tab[] = ['kunde', 'portfolio', 'bereinigung', 'fokus'];

/** The tab whose headline row shows a figure, if it is not shown everywhere. */
const KPI_TAB: Readonly<Record<string, Tab>> = {
  annualMargin: 'kunde',
  clv: 'kunde',
  lifetimeProfit: 'kunde',
  paybackYears: 'kunde',
  simpleLifetimeProfit: 'kunde',
  top20RevenueShare: 'portfolio',
  whalePeak: 'portfolio',
  dropRealisticGain: 'bereinigung',
  bestFocus: 'fokus',
};

/** MODEL.md section 1 defaults: m = 4 x (250 x 0.30 - 20) - 120 = 100 per year. */
export const DEFAULT_ANNUAL_MARGIN = 100;
export const DEFAULT_DISCOUNT_RATE = 0.08;
export const DEFAULT_HORIZON = 10;

/**
 * CLV from MODEL.md section 1 with growth u = 0:
 * q = (1 - c) / (1 + d); CLV = m / (1 + d) * (1 - q^H) / (1 - q). An
 * unlimited horizon counts 100 years (README, model notes), which is
 * m / (d + c) wherever q^100 is negligible.
 */
export function expectedClv(churnRate: number, horizon: number | null = DEFAULT_HORIZON): number {
  const m = DEFAULT_ANNUAL_MARGIN;
  const d = DEFAULT_DISCOUNT_RATE;
  const years = horizon ?? 100;
  const q = (1 - churnRate) / (1 + d);
  if (q === 1) return (m / (1 + d)) * years;
  return ((m / (1 + d)) * (1 - q ** years)) / (1 - q);
}

/** Rounds to 4 decimals, the precision the contract states its figures in. */
export function round4(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e4) / 1e4;
}

/** The headline figure element; switches to the tab that shows it when it is not on the current one. */
export async function kpi(page: Page, name: string): Promise<Locator> {
  const locator = page.locator(`[data-kpi="${name}"]`).first();
  // The app is mounted once any headline figure is in the DOM.
  await expect(page.locator('[data-kpi]').first()).toBeAttached();
  if ((await locator.count()) === 0) {
    const tab = KPI_TAB[name];
    if (tab) await showTab(page, tab);
  }
  await expect(locator, `no element with data-kpi="${name}"`).toBeAttached();
  return locator;
}

/** The figure's raw `data-value`: a number, or null when empty (not a number, e.g. payback never) or absent. */
export async function readKpi(page: Page, name: string): Promise<number | null> {
  const raw = await page.locator(`[data-kpi="${name}"]`).first().getAttribute('data-value', { timeout: 1_000 }).catch(() => null);
  if (raw === null || raw.trim() === '') return null;
  const value = Number.parseFloat(raw);
  return Number.isFinite(value) ? value : null;
}

/** Waits until the figure's data-value, rounded to 4 decimals, equals `expected`. */
export async function expectKpi4(page: Page, name: string, expected: number): Promise<void> {
  await kpi(page, name);
  await expect.poll(async () => round4(await readKpi(page, name)), { message: `data-kpi="${name}" data-value` }).toBe(expected);
}

/** Waits until the figure is within `digits` decimals of `expected` (toBeCloseTo). */
export async function expectKpiClose(page: Page, name: string, expected: number, digits = 4): Promise<void> {
  await kpi(page, name);
  await expect.poll(async () => (await readKpi(page, name)) ?? Number.NaN, { message: `data-kpi="${name}" data-value` }).toBeCloseTo(expected, digits);
}

/** Waits until the figure has a numeric value, and returns it. */
export async function kpiNumber(page: Page, name: string): Promise<number> {
  await kpi(page, name);
  await expect.poll(async () => readKpi(page, name), { message: `data-kpi="${name}" has a number` }).not.toBeNull();
  return (await readKpi(page, name)) ?? Number.NaN;
}

/** Shows a tab through its URL hash, the stable address of each view. */
export async function showTab(page: Page, tab: Tab): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${tab}`);
  await expect(page).toHaveURL(new RegExp(`#${tab}$`));
}

/** Waits until the first worker answer has been drawn (the default tab's CLV has a value). */
export async function waitForFigures(page: Page): Promise<void> {
  await expect(page.locator('[data-kpi]').first()).toBeAttached();
  await expect
    .poll(() => page.locator('[data-kpi][data-value]:not([data-value=""])').count(), { message: 'a headline figure with a value' })
    .toBeGreaterThan(0);
}

/**
 * The range input of one slider, found by its visible label as a user would.
 * Only range inputs count: the slider's exact-value field ("Churn rate: exact
 * value") and a chart's drag handle carry the parameter's name too.
 */
export function slider(page: Page, label: string): Locator {
  return page.getByLabel(label).and(page.locator('input[type="range"]'));
}

/** The exact-value field that belongs to a slider: the number input in the slider's own group. */
export function exactField(range: Locator): Locator {
  return range.locator('xpath=ancestor::*[.//input[@type="number"]][1]').locator('input[type="number"]').first();
}

/** Text of every console error and uncaught page error, for the fixture below. */
export interface BrowserErrors {
  messages: string[];
}

/**
 * `test` with an automatic check: a console error or an uncaught exception in
 * the page fails the test that caused it. Specs that provoke errors on
 * purpose opt out with `test.use({ allowBrowserErrors: true })`.
 */
export const test = base.extend<{ browserErrors: BrowserErrors; allowBrowserErrors: boolean }>({
  allowBrowserErrors: [false, { option: true }],
  browserErrors: [
    async ({ page, allowBrowserErrors }, use) => {
      const errors: BrowserErrors = { messages: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') errors.messages.push(`console.error: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.messages.push(`page error: ${error.message}`));
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await use(errors);
      if (!allowBrowserErrors) expect(errors.messages, 'console errors or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** Distinct colours in a PNG (up to 64, sampling every 7th pixel), counted by the page's own canvas. */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) return 0;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length && seen.size < 64; i += 4 * 7) {
      seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    return seen.size;
  }, png.toString('base64'));
}

/**
 * Checks that a screenshot shows a real page: a blank 1280x720 page
 * compresses to a few kB and has one or two colours; text and charts do not.
 */
export async function expectNonBlank(page: Page, png: Buffer, name: string): Promise<void> {
  expect(png.byteLength, `${name}: screenshot size in bytes`).toBeGreaterThan(20_000);
  expect(await distinctColours(page, png), `${name}: distinct colours`).toBeGreaterThan(8);
}
