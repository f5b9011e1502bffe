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

type Lesson = (typeof LESSONS)[number];

/** Waits until the step's chart and figure are marked, visible, and the engine has answered. */
async function stepShown(page: Page, step: number, lesson?: Lesson): Promise<void> {
  await expect(page.locator('.lesson-guide')).toHaveAttribute('data-step', String(step));
  await expect(page.locator('main.views')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('[data-lesson-highlight="chart"]')).toBeVisible();
  await expect(page.locator('[data-lesson-highlight="figure"]')).toBeVisible();
  const spec = lesson?.steps[step - 1];
  if (spec) {
    // The step's own chart and figure (by their contract names), on the tab the step shows.
    const panel = page.locator('.tabpanel:not([hidden])');
    await expect(panel.locator(`[data-chart="${spec.chart}"][data-lesson-highlight="chart"]`)).toBeVisible();
    await expect(panel.locator(`[data-kpi="${spec.kpi}"][data-lesson-highlight="figure"]`)).toBeVisible();
  }
}

/** On a step with a question: the question is shown, the answer figure hidden; `reveal` presses the key that shows it. */
async function answerShown(page: Page, lesson: Lesson, step: number, reveal: string): Promise<void> {
  const spec = lesson.steps[step - 1];
  if (!spec?.question) return;
  await expect(page.locator('.lesson-guide')).toHaveAttribute('data-asking', 'true');
  await expect(page.locator('.step-question')).toContainText(/(Was glauben Sie|What do you think): .+\?/);
  await expect(page.locator(`[data-kpi="${spec.kpi}"] .kpi-value`)).toBeHidden();
  await page.keyboard.press(reveal);
  await expect(page.locator('.lesson-guide')).toHaveAttribute('data-asking', 'false');
  await expect(page.locator(`[data-kpi="${spec.kpi}"] .kpi-value`)).toBeVisible();
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
      await stepShown(page, step, ACQUISITION);
      await answerShown(page, ACQUISITION, step, forward[step % forward.length] ?? 'ArrowRight');
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

    // And back again: from an answer to its question first, then to the step before.
    for (let step = count; step > 1; step--) {
      if (ACQUISITION.steps[step - 1]?.question) {
        await page.keyboard.press('PageUp');
        await expect(page.locator('.lesson-guide')).toHaveAttribute('data-asking', 'true');
      }
      await page.keyboard.press(step % 2 === 0 ? 'ArrowLeft' : 'PageUp');
      await stepShown(page, step - 1, ACQUISITION);
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
      const lesson = LESSONS.find((candidate) => candidate.id === lessonId);
      for (let step = 1; step < steps; step++) {
        if (lesson?.steps[step - 1]?.question) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
      }
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
      await stepShown(page, step, lesson);
      if (lesson.steps[step - 1]?.question) await nonBlankScreenshot(page, testInfo, `${lesson.id}-${step}-question`);
      await answerShown(page, lesson, step, 'ArrowRight');
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

for (const lang of ['de', 'en'] as const) {
  test(`guided mode at 1280x720 (${lang}): script and chart in view together for every step, PageDown/PageUp step, leaving restores`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const start = lang === 'de' ? 'Starten' : 'Start';
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/?lang=${lang}&churnRate=0.3#lektionen`);
    await waitForFigures(page);
    const before = await page.evaluate(() => `${location.pathname}${location.search}${location.hash}`);
    for (const lesson of LESSONS) {
      await page.locator(`[data-lesson-card="${lesson.id}"]`).getByRole('button', { name: start, exact: true }).click();
      await page.locator('.lesson-guide').getByRole('button').first().focus();
      for (let step = 1; step <= lesson.steps.length; step++) {
        await stepShown(page, step, lesson);
        await answerShown(page, lesson, step, 'PageDown');
        // The script and the top of the chart, with its drawing, inside the window, the chart not under the script.
        await expect
          .poll(() =>
            page.evaluate(() => {
              const guide = document.querySelector('.lesson-guide')?.getBoundingClientRect();
              const chart = document.querySelector('[data-lesson-highlight="chart"]');
              const box = chart?.getBoundingClientRect();
              const drawing = (chart?.querySelector('svg, table, .equations, .figures') ?? chart)?.getBoundingClientRect();
              if (!guide || !box || !drawing) return 'missing';
              if (guide.top < 0 || guide.bottom > innerHeight) return `script ${guide.top}-${guide.bottom}`;
              if (box.top < guide.bottom - 1) return `chart top ${box.top} under the script (${guide.bottom})`;
              if (drawing.top > innerHeight - 100) return `chart drawing starts at ${drawing.top}`;
              return 'ok';
            }),
          )
          .toBe('ok');
        if (lesson.id === 'acquisition' && (step === 1 || step === 4)) {
          await page.screenshot({ path: testInfo.outputPath(`guided-${lang}-${lesson.id}-${step}.png`) });
        }
        if (step < lesson.steps.length) await page.keyboard.press('PageDown');
      }
      // PageUp goes back (to the question of a step that asks one).
      await page.keyboard.press('PageUp');
      if (lesson.steps.at(-1)?.question) await expect(page.locator('.lesson-guide')).toHaveAttribute('data-asking', 'true');
      else await expect(page.locator('.lesson-guide')).toHaveAttribute('data-step', String(lesson.steps.length - 1));
      await page.locator('.lesson-guide').getByRole('button', { name: lang === 'de' ? 'Lektion verlassen' : 'Leave lesson' }).click();
      await expect(page.locator('.lesson-guide')).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => `${location.pathname}${location.search}${location.hash}`)).toBe(before);
      await expect(page.locator('#panel-lektionen')).toBeVisible();
    }
  });
}

test('guided mode and presenter mode screenshots: 390x844 and presenting (de, en)', async ({ page }, testInfo) => {
  for (const lang of ['de', 'en'] as const) {
    const start = lang === 'de' ? 'Starten' : 'Start';
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?lang=${lang}#lektionen`);
    await waitForFigures(page);
    await page.locator('[data-lesson-card="acquisition"]').getByRole('button', { name: start, exact: true }).click();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await stepShown(page, 4);
    await page.screenshot({ path: testInfo.outputPath(`phone-${lang}-question.png`) });
    await page.keyboard.press('PageDown');
    await expect(page.locator('.lesson-guide')).toHaveAttribute('data-asking', 'false');
    await page.screenshot({ path: testInfo.outputPath(`phone-${lang}-answer.png`) });
    await page.setViewportSize({ width: 1280, height: 720 });
    await startPresenting(page, lang, 'acquisition');
    for (let press = 0; press < 3; press++) await page.keyboard.press('PageDown');
    await stepShown(page, 4);
    await nonBlankScreenshot(page, testInfo, `presenter-${lang}-question`);
    await page.keyboard.press('PageDown');
    await nonBlankScreenshot(page, testInfo, `presenter-${lang}-answer`);
  }
});
