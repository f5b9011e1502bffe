// Export (issue 6 point 3): every chart as SVG and PNG (2x), tables as CSV in
// the locale's dialect, and a print layout without controls.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, showTab, test, waitForFigures } from './helpers.ts';

async function download(page: Page, click: () => Promise<void>): Promise<{ download: Download; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { download: file, body: readFileSync(path) };
}

test.describe('export', () => {
  test('a chart as SVG with its styles inlined, and as PNG at twice its size', async ({ page }) => {
    await page.goto('/#portfolio');
    await waitForFigures(page);
    const chart = page.locator('#panel-portfolio figure.chart').first();
    await expect(chart.locator('svg[role="img"] path').first()).toBeAttached();
    const viewBox = (await chart.locator('svg[role="img"]').getAttribute('viewBox')) ?? '';
    const [, , width, height] = viewBox.split(' ').map(Number);

    const svg = await download(page, () => chart.getByRole('button', { name: 'Als SVG speichern' }).click());
    expect(svg.download.suggestedFilename()).toMatch(/^kundenwert-[a-z0-9-]+\.svg$/);
    const text = svg.body.toString('utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain(`width="${width}"`);
    // The page's CSS does not travel: colours and fonts are in style attributes.
    expect(text).toMatch(/<path[^>]*style="[^"]*stroke:rgb\(/);
    expect(text).toMatch(/<text[^>]*style="[^"]*font-family:/);
    expect(text).not.toContain('class=');

    const png = await download(page, () => chart.getByRole('button', { name: 'Als PNG speichern (doppelte Auflösung)' }).click());
    expect(png.download.suggestedFilename()).toMatch(/\.png$/);
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height at bytes 16-23.
    expect(png.body.readUInt32BE(16)).toBe(Math.ceil((width ?? 0) * 2));
    expect(png.body.readUInt32BE(20)).toBe(Math.ceil((height ?? 0) * 2));
    expect(png.body.byteLength).toBeGreaterThan(10_000);
  });

  test('every chart has the two export buttons, described by its title', async ({ page }) => {
    await page.goto('/');
    await waitForFigures(page);
    const charts = page.locator('figure.chart');
    const svg = page.getByRole('button', { name: 'Als SVG speichern', includeHidden: true });
    const png = page.getByRole('button', { name: 'Als PNG speichern (doppelte Auflösung)', includeHidden: true });
    // Some charts (the tornado) arrive a moment after the others: compare the counts at one moment.
    await expect
      .poll(async () => {
        const [c, s, p] = await Promise.all([charts.count(), svg.count(), png.count()]);
        return c > 5 && s === c && p === c;
      })
      .toBe(true);
    const first = page.getByRole('button', { name: 'Als SVG speichern' }).first();
    await expect(first).toHaveAccessibleDescription((await page.locator('figure.chart h3').first().textContent()) ?? '');
  });

  test('the decile table as CSV: German Excel dialect in German, comma and point in English', async ({ page }) => {
    await page.goto('/#portfolio');
    await waitForFigures(page);
    const german = await download(page, () => page.locator('#panel-portfolio').getByRole('button', { name: 'Als CSV speichern' }).click());
    expect(german.download.suggestedFilename()).toMatch(/\.csv$/);
    const de = german.body.toString('utf8');
    expect(de.charCodeAt(0)).toBe(0xfeff);
    const deLines = de.slice(1).trimEnd().split('\r\n');
    expect(deLines).toHaveLength(11);
    expect(deLines[0]?.split(';')).toHaveLength(6);
    expect(deLines[1]).toMatch(/^1;\d+;\d+(,\d+)?;/);
    expect(de).not.toMatch(/\d\.\d/);

    await page.goto('/?lang=en#portfolio');
    await waitForFigures(page);
    await showTab(page, 'portfolio');
    const english = await download(page, () => page.locator('#panel-portfolio').getByRole('button', { name: 'Save as CSV' }).click());
    const en = english.body.toString('utf8');
    expect(en.charCodeAt(0)).not.toBe(0xfeff);
    const enLines = en.trimEnd().split('\r\n');
    expect(enLines[0]?.split(',')).toHaveLength(6);
    expect(enLines[1]).toMatch(/^1,\d+,\d+(\.\d+)?,/);
  });

  test('print: controls hidden, charts whole, on A4', async ({ page }) => {
    await page.goto('/#kunde');
    await waitForFigures(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.controls-area')).toBeHidden();
    await expect(page.locator('.tablist')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Als SVG speichern' })).toHaveCount(0);
    await expect(page.locator('#panel-kunde figure.chart').first()).toBeVisible();
    expect(await page.locator('#panel-kunde figure.chart').first().evaluate((figure) => getComputedStyle(figure).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});
