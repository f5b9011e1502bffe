// Issue 14 item 17: the built pages carry a strict Content-Security-Policy
// (scripts, styles and workers from 'self', no inline script), and nothing
// the app does on any tab, in the embed or on the demo blog page breaks it.
// Chromium reports a breach as a securitypolicyviolation event (recorded
// here from the first script on) and as a console error (the fixture).
import type { Frame, Page } from '@playwright/test';
import { expect, test, waitForFigures } from './helpers.ts';

/** Every tab of the tab bar, by hash. */
const ALL_TABS = ['kunde', 'portfolio', 'bereinigung', 'fokus', 'szenarien', 'daten', 'segmente', 'konzern', 'lektionen'] as const;
const EMBED_VIEWS = ['kunde', 'portfolio', 'bereinigung', 'fokus'] as const;

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

test.beforeEach(async ({ page }) => {
  // In every frame, before the page's own scripts: collect what the policy refused.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(`${event.violatedDirective}: ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
});

async function violations(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => window.cspViolations ?? ['(the recorder did not run)']);
}

async function policyOf(page: Page): Promise<string> {
  return (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
}

test('the app ships a strict policy and breaks it on no tab, also with the sample data, an export and the worker', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?lang=en');
  const policy = await policyOf(page);
  const directives = new Map(policy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }));
  for (const name of ['script-src', 'style-src', 'worker-src']) expect(directives.get(name), name).toEqual(["'self'"]);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  await waitForFigures(page);

  for (const tab of ALL_TABS) {
    await page.locator(`#tab-${tab}`).click();
    await expect(page).toHaveURL(new RegExp(`#${tab}$`));
    await expect(page.locator(`#panel-${tab}`)).toBeVisible();
  }
  // The data worker, a fetch of the sample file and its charts.
  await page.locator('#tab-daten').click();
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await expect(page.locator('[data-kpi="data.customers"]')).toHaveAttribute('data-value', '2357', { timeout: 60_000 });
  // A PNG export draws an SVG (as an image from a blob: URL) onto a canvas.
  await page.locator('#tab-portfolio').click();
  const chart = page.locator('#panel-portfolio figure.chart').first();
  await expect(chart.locator('svg[role="img"] path').first()).toBeAttached();
  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /PNG/ }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  // The service worker (registered from 'self') is in place.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBeGreaterThan(0);
  expect(await violations(page)).toEqual([]);
});

for (const view of EMBED_VIEWS) {
  test(`the embed (${view}) on the demo blog page breaks neither policy`, async ({ page }) => {
    await page.goto('/embed-demo.html');
    expect(await policyOf(page)).toContain("script-src 'self'");
    await page.locator('iframe').evaluate((iframe, search) => {
      (iframe as HTMLIFrameElement).src = `./${search}`;
    }, `?embed=${view}&lang=en`);
    const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no embed frame');
    await expect(frame.locator('[data-kpi]').first()).toBeAttached();
    await expect.poll(() => frame.locator('[data-kpi][data-value]:not([data-value=""])').count()).toBeGreaterThan(0);
    await expect(frame.locator('figure.chart svg[role="img"]')).toHaveCount(1);
    // The host script sized the frame.
    await expect.poll(() => page.locator('iframe').evaluate((element) => (element as HTMLIFrameElement).style.height)).toMatch(/^\d+px$/);
    expect(await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("script-src 'self'");
    expect(await violations(frame)).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });
}
