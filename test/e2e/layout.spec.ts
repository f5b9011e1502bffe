// Layout at the sizes the users have (issue 11): a 1280x720 projector and a
// 390x844 phone, German and English, every tab, presenter mode and each embed
// view. The page never scrolls sideways; no two visible texts in a chart
// overlap; on the projector each simulator tab's main chart starts above the
// fold with its key sliders in view; chart text is at least 12 px on the phone
// and 20 px when presenting. One page per language and size, tabs by hash.
import type { Page, TestInfo } from '@playwright/test';
import { expect, test, waitForFigures } from './helpers.ts';

const ALL_TABS = ['kunde', 'portfolio', 'bereinigung', 'fokus', 'szenarien', 'daten', 'segmente', 'konzern', 'lektionen'] as const;
/** Each simulator tab's main chart (data-chart). */
const MAIN_CHART: Readonly<Record<string, string>> = { kunde: 'jcurve', portfolio: 'pareto', bereinigung: 'dropGain', fokus: 'focus' };
/** Lazily loaded tabs with charts: the checks wait until the last of them is drawn. */
const LAST_CHART: Readonly<Record<string, string>> = { konzern: 'salesHours' };
const SIZES = [
  { name: 'projector', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const LANGS = ['de', 'en'] as const;

interface TextBox {
  chart: string;
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Font size times the SVG's scale: the size on the screen. */
  px: number;
}

/** Every visible text of every visible chart inside `scope`, with its box on the screen. */
async function chartTexts(page: Page, scope: string): Promise<TextBox[]> {
  return page.evaluate((selector) => {
    const boxes: TextBox[] = [];
    for (const figure of document.querySelectorAll<HTMLElement>(`${selector} [data-chart]`)) {
      const svg = figure.querySelector('svg');
      if (!svg || svg.getClientRects().length === 0) continue;
      const viewBox = svg.viewBox.baseVal;
      const scale = viewBox.width > 0 ? svg.getBoundingClientRect().width / viewBox.width : 1;
      for (const text of svg.querySelectorAll('text')) {
        const content = text.textContent?.trim() ?? '';
        const rect = text.getBoundingClientRect();
        if (content === '' || rect.width === 0 || rect.height === 0) continue;
        boxes.push({
          chart: figure.dataset.chart ?? '?',
          text: content,
          left: rect.left,
          top: rect.top,
          right: rect.right,
          bottom: rect.bottom,
          px: Number.parseFloat(getComputedStyle(text).fontSize) * scale,
        });
      }
    }
    return boxes;
  }, scope);
}

/** Pairs of texts in one chart whose boxes overlap by more than a pixel each way. */
function overlaps(boxes: readonly TextBox[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (!a || !b || a.chart !== b.chart) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) found.push(`${a.chart}: "${a.text}" overlaps "${b.text}"`);
    }
  }
  return found;
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(widths.scroll, `${where}: document scrollWidth`).toBeLessThanOrEqual(widths.viewport);
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

async function showHash(page: Page, tab: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, tab);
  await expect(page.locator(`#panel-${tab}`)).toBeVisible();
}

for (const lang of LANGS) {
  for (const size of SIZES) {
    test(`every tab at ${size.width}x${size.height} (${lang}): no sideways scroll, no overlapping chart text`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`/?lang=${lang}#kunde`);
      await waitForFigures(page);
      if (size.name === 'phone') {
        // Header and tabs together take at most 160 px.
        const tabsBottom = await page.getByRole('tablist').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
        expect(tabsBottom, 'header + tabs height').toBeLessThanOrEqual(160);
      } else {
        // The tab bar is one row.
        const tops = await page.getByRole('tab').evaluateAll((tabs) => new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top))).size);
        expect(tops, 'rows of tabs').toBe(1);
      }
      for (const tab of ALL_TABS) {
        await showHash(page, tab);
        const main = MAIN_CHART[tab];
        if (main) await expect(page.locator(`#panel-${tab} [data-chart="${main}"] svg`)).toBeVisible();
        const last = LAST_CHART[tab];
        if (last) await expect(page.locator(`#panel-${tab} [data-chart="${last}"] svg`)).toBeVisible();
        await page.evaluate(() => window.scrollTo(0, 0));
        await expectNoSidewaysScroll(page, `#${tab}`);
        const texts = await chartTexts(page, `#panel-${tab}`);
        expect(overlaps(texts), `#${tab}: overlapping chart text`).toEqual([]);
        if (size.name === 'phone') {
          const small = texts.filter((box) => box.px < 12).map((box) => `${box.chart}: "${box.text}" ${box.px.toFixed(1)} px`);
          expect(small, `#${tab}: chart text under 12 px`).toEqual([]);
        }
        if (main && size.name === 'projector') {
          const top = await page.locator(`#panel-${tab} [data-chart="${main}"] svg`).evaluate((svg) => svg.getBoundingClientRect().top);
          expect(top, `#${tab}: top of the ${main} chart`).toBeLessThan(720);
          const sliders = page.locator(`#panel-${tab} .key-controls input[type="range"]`);
          expect(await sliders.count(), `#${tab}: key sliders beside the chart`).toBeGreaterThan(0);
          for (const box of await sliders.evaluateAll((inputs) => inputs.map((input) => input.getBoundingClientRect().toJSON() as DOMRect))) {
            expect(box.top, `#${tab}: key slider top`).toBeGreaterThanOrEqual(0);
            expect(box.bottom, `#${tab}: key slider bottom`).toBeLessThanOrEqual(720);
            expect(box.right, `#${tab}: key slider right`).toBeLessThanOrEqual(1280);
          }
        }
        await shoot(page, testInfo, `${tab}-${lang}-${size.width}`);
      }
    });
  }

  test(`presenter mode at 1280x720 (${lang}): chart text of at least 20 px, no export or how-to, no overlap`, async ({ page }, testInfo) => {
    await page.goto(`/?lang=${lang}#lektionen`);
    await waitForFigures(page);
    await page.locator('.lesson-card button.primary').first().click();
    const guide = page.locator('.lesson-guide');
    await expect(guide).toBeVisible();
    const count = await page.locator('.step-dot').count();
    for (let step = 1; step <= count; step++) {
      await expect(guide).toHaveAttribute('data-step', String(step));
      // A step that asks the audience first hides its chart until the next key press reveals it.
      if ((await guide.getAttribute('data-asking')) === 'true') {
        await expectNoSidewaysScroll(page, `step ${step}, question`);
        await page.keyboard.press('ArrowRight');
        await expect(guide).toHaveAttribute('data-asking', 'false');
      }
      await expectNoSidewaysScroll(page, `step ${step}`);
      await expect(page.locator('.chart .export-buttons:visible, .chart details.how-to:visible')).toHaveCount(0);
      const texts = await chartTexts(page, '.views');
      const small = texts.filter((box) => box.px < 20).map((box) => `${box.chart}: "${box.text}" ${box.px.toFixed(1)} px`);
      expect(small, `step ${step}: chart text under 20 px`).toEqual([]);
      expect(overlaps(texts), `step ${step}: overlapping chart text`).toEqual([]);
      const board = page.locator('.formula-board:visible');
      if ((await board.count()) > 0) {
        expect((await board.first().boundingBox())?.height ?? 0, `step ${step}: formula board height`).toBeLessThanOrEqual(720);
      }
      await shoot(page, testInfo, `present-step${step}-${lang}`);
      if (step < count) await page.keyboard.press('ArrowRight');
    }
  });
}

for (const view of ['kunde', 'portfolio', 'bereinigung', 'fokus']) {
  test(`embed ${view} at 390 px and 1280 px: no sideways scroll, readable, no overlap`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?embed=${view}&lang=de`);
    await expect(page.locator('[data-embed]')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('[data-chart] svg')).toBeVisible();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 720 });
      // The chart lays itself out again for the new width.
      await expect
        .poll(() =>
          page.locator('[data-chart] svg').evaluate((svg) => Math.abs(svg.getBoundingClientRect().width - (svg as SVGSVGElement).viewBox.baseVal.width)),
        )
        .toBeLessThan(2);
      await expectNoSidewaysScroll(page, `embed ${view} ${width}`);
      const texts = await chartTexts(page, 'body');
      expect(overlaps(texts), `embed ${view}: overlapping chart text`).toEqual([]);
      expect(texts.filter((box) => box.px < 12).map((box) => box.text), `embed ${view}: chart text under 12 px`).toEqual([]);
      await shoot(page, testInfo, `embed-${view}-${width}`);
    }
  });
}

// Issue 15, defect 2: the Daten tab with the CDNOW sample loaded was 1311 px wide at 1280 px and 971 px on a phone.
for (const lang of LANGS) {
  for (const size of SIZES) {
    test(`Daten tab with the sample data at ${size.width}x${size.height} (${lang}): no sideways scroll, the panel inside the screen`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`/?lang=${lang}#daten`);
      await page.getByRole('button', { name: lang === 'de' ? 'Mit Beispieldaten testen' : 'Try with sample data' }).click();
      await expect(page.locator('#panel-daten [data-kpi="data.bgnbdR"]')).not.toHaveAttribute('data-value', '');
      await expect(page.locator('#panel-daten [data-chart="holdout"] svg')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectNoSidewaysScroll(page, '#daten with the sample');
      const panelRight = await page.locator('#panel-daten').evaluate((el) => el.getBoundingClientRect().right);
      expect(panelRight, '#daten panel right edge').toBeLessThanOrEqual(size.width);
      // The whale curve no longer marks "Gipfel 100 % bei 100 %" (defect 4); on the phone the Pareto chart's
      // "alle gleich" moves along the diagonal out of the top-20 % label's way (issue 15, item 4).
      const texts = await chartTexts(page, '#panel-daten');
      for (const chart of ['whale', 'pareto']) {
        const boxes = texts.filter((box) => box.chart === chart);
        expect(boxes.length, `#daten ${chart} text`).toBeGreaterThan(0);
        expect(overlaps(boxes), `#daten ${chart}: overlapping chart text`).toEqual([]);
      }
      // Every value view names its assumptions, the sample's 30 % example among them.
      await expect(page.locator('#panel-daten [data-assumptions]')).toHaveCount(6);
      await expect(page.locator('#panel-daten [data-assumptions="portfolio"]')).toHaveAttribute('data-margin-rate', '0.3');
      await shoot(page, testInfo, `daten-sample-${lang}-${size.width}`);

      // A cost to serve of 5 a year gives the whale curve a real peak; its marks stay apart.
      const serviceCost = page.locator('#panel-daten [data-field="serviceCost"]');
      await serviceCost.fill('5');
      await serviceCost.press('Tab');
      await expect(page.locator('#panel-daten [data-assumptions="portfolio"]')).toHaveAttribute('data-service-cost', '5');
      await expect(page.locator('#panel-daten [data-forecast="serviceCost"]')).toBeVisible();
      const whale = page.locator('#panel-daten [data-chart="whale"]').first();
      await expect(whale).toContainText(lang === 'de' ? 'Gipfel' : 'peak');
      await whale.scrollIntoViewIfNeeded();
      const after = (await chartTexts(page, '#panel-daten')).filter((box) => box.chart === 'whale');
      expect(after.length, '#daten whale text with a cost to serve').toBeGreaterThan(0);
      expect(overlaps(after), '#daten whale with a cost to serve: overlapping chart text').toEqual([]);
      await expectNoSidewaysScroll(page, '#daten with a cost to serve');
      await shoot(page, testInfo, `daten-service-${lang}-${size.width}`);
    });
  }
}

for (const size of SIZES) {
  test(`#portfolio after a decision at ${size.width}x${size.height}: the switch, no sideways scroll, no overlapping chart text`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/?applyDrop=1&focus=0.6#portfolio');
    await waitForFigures(page);
    await expect(page.getByRole('radio', { name: 'Nach der Entscheidung' })).toBeVisible();
    await expect(page.locator('#panel-portfolio [data-chart="whale"] .reading')).toHaveText(/^Nach der Entscheidung: /);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectNoSidewaysScroll(page, '#portfolio after a decision');
    expect(overlaps(await chartTexts(page, '#panel-portfolio')), '#portfolio after a decision: overlapping chart text').toEqual([]);
    if (size.name === 'projector') {
      // The decision and its result share the switch's line, so the main chart still starts on the first screen (with the link banner above).
      const top = await page.locator('#panel-portfolio [data-chart="pareto"] svg').evaluate((svg) => svg.getBoundingClientRect().top);
      expect(top, '#portfolio after a decision: top of the pareto chart').toBeLessThan(720);
    }
    await shoot(page, testInfo, `portfolio-after-de-${size.width}`);
  });
}
