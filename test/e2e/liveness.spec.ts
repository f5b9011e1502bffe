// Issue 13: while a slider is dragged at 100,000 customers, the figures follow
// during the drag (not only after it), and nothing on screen ever pairs a
// figure with another scenario than the one it was computed for.
import { expectedClv, kpi, slider, test, expect, waitForFigures } from './helpers.ts';

interface Sample {
  /** data-scenario-id of the view root: the scenario the figures answer. */
  id: string;
  clv: string | null;
  /** The formula line "= 1 − c = r" of the retention step. */
  retention: string;
}

test('a drag at 100k customers updates the figures as it goes, and every frame shows one scenario', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?customers=100000&lang=en#kunde');
  await waitForFigures(page);
  await kpi(page, 'clv');
  const churn = slider(page, 'Churn rate');
  await churn.scrollIntoViewIfNeeded();
  const box = await churn.boundingBox();
  if (!box) throw new Error('churn slider has no box');

  // Record what is on screen in every frame, as the audience sees it.
  await page.evaluate(() => {
    const samples: Sample[] = [];
    const root = document.querySelector('main.views') as HTMLElement;
    const read = (): void => {
      const clv = document.querySelector('[data-kpi="clv"]');
      const line = [...document.querySelectorAll('.formula-board .eq')].find((el) => el.textContent?.includes('r = 1 − c'));
      const numbers = line?.querySelector('.num')?.textContent ?? '';
      samples.push({ id: root.dataset.scenarioId ?? '', clv: clv?.getAttribute('data-value') ?? null, retention: numbers });
    };
    const frame = (): void => {
      read();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    (window as unknown as { __samples: Sample[] }).__samples = samples;
  });

  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  const steps = 60;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(box.x + 4 + ((box.width - 8) * i) / steps / 2, y);
    await page.waitForTimeout(40);
  }
  const duringDrag = await page.evaluate(() => new Set((window as unknown as { __samples: Sample[] }).__samples.map((s) => s.clv)).size);
  await page.mouse.up();
  await expect(page.locator('main.views')).toHaveAttribute('aria-busy', 'false');
  const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);

  // Progressive: several different figures were shown while the mouse was still down.
  expect(duringDrag).toBeGreaterThanOrEqual(3);
  for (const sample of samples) {
    const churnRate = Number(new URLSearchParams(sample.id).get('churnRate') ?? 0.2);
    // The figure is the CLV of the scenario the view root names (MODEL section 1).
    if (sample.clv !== null && sample.clv !== '') expect(Number(sample.clv)).toBeCloseTo(expectedClv(churnRate), 4);
    // The formula's churn and its retention come from the same answer: c + r = 100 %.
    const percents = [...sample.retention.matchAll(/(\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]));
    expect(percents, sample.retention).toHaveLength(2);
    expect((percents[0] as number) + (percents[1] as number)).toBeCloseTo(100, 5);
    expect(percents[0]).toBeCloseTo(churnRate * 100, 1);
  }
  // The last frame answers the slider's final value (the range input counts in percent).
  const final = Number(await churn.inputValue()) / 100;
  expect(final).toBeGreaterThan(0.2);
  expect(Number(new URLSearchParams(samples[samples.length - 1]?.id ?? '').get('churnRate'))).toBeCloseTo(final, 10);
});
