// Issue 12: with a decision applied by URL (?applyDrop=1#portfolio) the
// Portfolio tab shows the portfolio after it, says so in its captions and
// figures, and one click on "Vorher" shows the plain portfolio the kpis CLI
// reports.
import { runKpis } from '../../src/cli/kpis.ts';
import { expect, readKpi, test, waitForFigures } from './helpers.ts';

const CUSTOMERS = 2000;

/** The plain portfolio's figures by the kpis CLI's own code. */
function cliKpis(input: Record<string, number>): { whalePeak: number; negativeShare: number } {
  const outcome = runKpis([JSON.stringify({ customers: CUSTOMERS, ...input })]);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return { whalePeak: Number(outcome.output.whalePeak), negativeShare: Number(outcome.output.negativeShare) };
}

test('applyDrop=1 on the Portfolio tab: after the decision by default, the plain portfolio one click away', async ({ page }) => {
  await page.goto(`/?customers=${CUSTOMERS}&applyDrop=1#portfolio`);
  await waitForFigures(page);
  const before = cliKpis({});
  const reading = page.locator('[data-chart="whale"] .reading');

  await expect(page.getByRole('radio', { name: 'Nach der Entscheidung' })).toBeChecked();
  await expect(page.getByTestId('portfolio-state-line')).toHaveText(/^Angewandt: f = 0 · 10\s?% entfernt · Ergebnis [\d.]+\s€\. .*Betreuungsbudget von 30,00\s€ je Jahr/);
  await expect(reading).toHaveText(/^Nach der Entscheidung: Die besten Kunden/);
  await expect(page.locator('[data-chart="pareto"] .reading')).toHaveText(/^Nach der Entscheidung: /);
  await expect.poll(async () => readKpi(page, 'whalePeak')).not.toBeNull();
  const afterPeak = (await readKpi(page, 'whalePeak')) as number;
  expect(Math.abs(afterPeak - before.whalePeak)).toBeGreaterThan(1e-3);
  const afterNegative = (await readKpi(page, 'negativeShare')) as number;
  // The kept customers carry the care spend and the sticky overhead the dropped leave: a share other than before.
  expect(Math.abs(afterNegative - before.negativeShare)).toBeGreaterThan(1e-3);
  const afterReading = await reading.textContent();

  await page.getByRole('radio', { name: 'Vorher' }).check();
  await expect(reading).toHaveText(/^Vorher: Die besten Kunden/);
  expect(await reading.textContent()).not.toBe(afterReading);
  await expect.poll(async () => readKpi(page, 'whalePeak')).toBeCloseTo(before.whalePeak, 4);
  await expect.poll(async () => readKpi(page, 'negativeShare')).toBeCloseTo(before.negativeShare, 4);
  await expect(page.getByTestId('portfolio-state-line')).toHaveText(/^Zustand vor der Entscheidung/);
});
