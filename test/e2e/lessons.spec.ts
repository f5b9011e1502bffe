// Issue 5: guided lessons in presenter mode. One whole lesson walked by
// keyboard (arrow keys, Space, PageDown/PageUp as a presenter remote sends
// them, Escape) in German and English; axe in presenter mode; and a
// non-blank screenshot of every step of every lesson.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { loadLessons } from '../../src/lessons/load.ts';
import { expect, expectNonBlank, test, waitForFigures } from './helpers.ts';

const TEXT = {
  de: { present: 'Präsentieren', counter: (step: number, count: number) => `Schritt ${step} von ${count}` },
  en: { present: 'Present', counter: (step: number, count: number) => `Step ${step} of ${count}` },
} as const;

/** The lesson files, read as the app reads them (Vite's import.meta.glob does not exist here). */
const LESSON_DIR = 'src/lessons';
const LESSONS = loadLessons(
  Object.fromEntries(
    readdirSync(LESSON_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [name, JSON.parse(readFileSync(`${LESSON_DIR}/${name}`, 'utf8')) as unknown]),
  ),
);

const ACQUISITION = LESSONS.find((lesson) => lesson.id === 'acquisition');

async function startPresenting(page: Page, lang: 'de' | 'en', lessonId: string): Promise<void> {
  await page.goto(`/?lang=${lang}#lektionen`);
  await waitForFigures(page);
  await page.locator(`[data-lesson-card="${lessonId}"]`).getByRole('button', { name: TEXT[lang].present, exact: true }).click();
  await expect(page.locator('.app.presenter')).toBeVisible();
}

/** Waits until the step's chart and figure are marked, visible, and the engine has answered. */
async function stepShown(page: Page, step: number): Promise<void> {
  await expect(page.locator('.lesson-guide')).toHaveAttribute('data-step', String(step));
  await expect(page.locator('main.views')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('[data-lesson-highlight="chart"]')).toBeVisible();
  await expect(page.locator('[data-lesson-highlight="figure"]')).toBeVisible();
}

/** A non-blank screenshot: big enough and with more than a handful of colours. */
async function nonBlankScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const png = await page.screenshot();
  writeFileSync(testInfo.outputPath(`${name}.png`), png);
  await testInfo.attach(name, { body: png, contentType: 'image/png' });
  await expectNonBlank(page, png, name);
}

for (const lang of ['de', 'en'] as const) {
  test(`lesson (a) walked by keyboard in presenter mode (${lang})`, async ({ page }) => {
    if (!ACQUISITION) throw new Error('lesson acquisition is missing');
    const count = ACQUISITION.steps.length;
    await startPresenting(page, lang, 'acquisition');

    // Large type and one chart at a time.
    const sizes = await page.evaluate(() => {
      const text = document.querySelector('.step-text');
      return {
        body: Number.parseFloat(getComputedStyle(document.body).fontSize),
        text: text ? Number.parseFloat(getComputedStyle(text).fontSize) : 0,
      };
    });
    expect(sizes.body).toBeGreaterThanOrEqual(24);
    expect(sizes.text).toBeGreaterThanOrEqual(24);
    await expect(page.getByRole('tablist')).toBeHidden();
    await expect(page.locator('#controls')).toBeHidden();

    // Forward through every step with the keys a laptop and a presenter remote send.
    const forward = ['ArrowRight', 'Space', 'PageDown'];
    for (let step = 1; step <= count; step++) {
      await stepShown(page, step);
      await expect(page.getByText(TEXT[lang].counter(step, count), { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: ACQUISITION.steps[step - 1]?.title[lang] })).toBeVisible();
      await expect(page.locator('.charts > :visible')).toHaveCount(1);
      await expect(page.locator('.kpi:visible')).toHaveCount(1);
      if (step === 4) {
        // What becomes of 100 customers you win: the share who ever pay back, 51.2 % with the defaults.
        const share = page.locator('[data-kpi="paybackProbability"]');
        await expect(share).toHaveCount(1);
        await expect(share).toBeVisible();
        await expect.poll(async () => Number(await share.getAttribute('data-value'))).toBeCloseTo(0.512, 10);
        await expect(page.locator('[data-lesson-highlight="chart"] h3')).toHaveText(lang === 'de' ? 'Was aus 100 gewonnenen Kunden wird' : /100 customers/);
      }
      if (step < count) await page.keyboard.press(forward[(step - 1) % forward.length] ?? 'ArrowRight');
    }
    // At the end, forward stays on the last step.
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.lesson-guide')).toHaveAttribute('data-step', String(count));

    // And back again.
    for (let step = count; step > 1; step--) {
      await page.keyboard.press(step % 2 === 0 ? 'ArrowLeft' : 'PageUp');
      await stepShown(page, step - 1);
    }
    await expect(page.getByText(TEXT[lang].counter(1, count), { exact: true })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(page.locator('.app.presenter')).toHaveCount(0);
    await expect(page.getByRole('tablist')).toBeVisible();
    await expect(page.locator('.lesson-guide')).toBeVisible();
  });

  test(`axe: presenter mode (${lang}) has no serious or critical violations`, async ({ page }, testInfo) => {
    const report: unknown[] = [];
    for (const [lessonId, steps] of [
      ['acquisition', 4],
      ['focus', 2],
      ['drop', 2],
    ] as const) {
      await startPresenting(page, lang, lessonId);
      for (let step = 1; step < steps; step++) await page.keyboard.press('ArrowRight');
      await stepShown(page, steps);
      const results = await new AxeBuilder({ page }).analyze();
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      report.push(
        ...severe.map((v) => ({
          lesson: lessonId,
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
        })),
      );
    }
    if (report.length > 0) {
      await testInfo.attach(`axe-presenter-${lang}.json`, { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
    }
    expect(report, `serious or critical axe violations in presenter mode (${lang})`).toEqual([]);
  });
}

test('a non-blank screenshot of every step of every lesson in presenter mode', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  for (const lesson of LESSONS) {
    await startPresenting(page, 'de', lesson.id);
    for (let step = 1; step <= lesson.steps.length; step++) {
      await stepShown(page, step);
      await nonBlankScreenshot(page, testInfo, `${lesson.id}-${step}`);
      if (step < lesson.steps.length) await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
  }
});

test('axe: the lesson list and a running lesson outside presenter mode have no serious or critical violations', async ({ page }) => {
  await page.goto('/?lang=en#lektionen');
  await waitForFigures(page);
  const severe = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
  expect(await severe(), 'lesson list').toEqual([]);
  await page.locator('[data-lesson-card="drop"]').getByRole('button', { name: 'Start', exact: true }).click();
  await stepShown(page, 1);
  await expect(page).toHaveURL(/#bereinigung$/);
  expect(await severe(), 'running lesson').toEqual([]);
});
