// (f) axe-core on every tab, German and English: no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { TABS, test, expect, waitForFigures } from './helpers.ts';

for (const lang of ['de', 'en'] as const) {
  for (const tab of TABS) {
    test(`axe: #${tab} (${lang}) has no serious or critical violations`, async ({ page }, testInfo) => {
      await page.goto(`/?lang=${lang}#${tab}`);
      await waitForFigures(page);
      const results = await new AxeBuilder({ page }).analyze();
      const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const report = severe.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
        more: Math.max(0, v.nodes.length - 5),
      }));
      if (report.length > 0) {
        console.log(`axe #${tab} (${lang}):\n${JSON.stringify(report, null, 2)}`);
        await testInfo.attach(`axe-${tab}-${lang}.json`, { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
      }
      expect(report, `serious or critical axe violations on #${tab} (${lang})`).toEqual([]);
    });
  }
}

test('axe: #portfolio after a decision (the before/after switch) has no serious or critical violations', async ({ page }) => {
  await page.goto('/?applyDrop=1&focus=0.6#portfolio');
  await waitForFigures(page);
  await expect(page.getByRole('radio', { name: 'Nach der Entscheidung' })).toBeChecked();
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(severe).toEqual([]);
});
