// Embed mode (issue 6 point 1): the "Einbetten" dialog writes the snippet; a
// real blog page (public/embed-demo.html) embeds it with the host script; the
// iframe grows to its content without scroll bars, the chart is drawn, the
// sliders work, and nothing is requested after the first figures.
import type { Frame, Page } from '@playwright/test';
import { expectedClv, expect, round4, test } from './helpers.ts';

// The app's service worker would answer some requests itself; the embed is measured without it.
test.use({ serviceWorkers: 'block' });

async function snippetFromDialog(page: Page, chart: string): Promise<{ iframe: string; script: string }> {
  await page.goto('/?churnRate=0.25&lang=en#kunde');
  await expect(page.locator('[data-kpi="clv"]')).not.toHaveAttribute('data-value', '');
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed a chart in a blog' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Chart', { exact: true }).selectOption(chart);
  const iframe = await dialog.getByLabel('HTML code for the chart').inputValue();
  const script = await dialog.getByLabel('Script that fits the height (once per page)').inputValue();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus returns to the button that opened the dialog.
  await expect(page.getByRole('button', { name: 'Embed' })).toBeFocused();
  return { iframe, script };
}

/**
 * The host: public/embed-demo.html, a blog post with the dialog's two lines,
 * served by the same preview server (a page fulfilled by the test itself
 * counts as a public address, and Chromium then refuses to load the app from
 * localhost).
 */
async function hostPage(page: Page, query: string): Promise<Frame> {
  await page.goto('/embed-demo.html');
  // The same snippet the dialog writes, for the view under test.
  await page.locator('iframe').evaluate((iframe, search) => {
    (iframe as HTMLIFrameElement).src = `./${search}`;
  }, query);
  const handle = await page.locator('iframe').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the host page has no iframe');
  await expect.poll(() => frame.url()).toContain(query);
  return frame;
}

test.describe('embed', () => {
  test('the dialog writes a lazy, sandboxed iframe with chart, parameters and language', async ({ page }) => {
    const { iframe, script } = await snippetFromDialog(page, 'portfolio');
    expect(iframe).toMatch(/^<iframe src="[^"]+" title="[^"]+" loading="lazy" sandbox="allow-scripts[^"]*"[^>]*><\/iframe>$/);
    expect(iframe).not.toContain('\n');
    const src = new URL(/src="([^"]+)"/.exec(iframe)?.[1]?.replace(/&amp;/g, '&') ?? '');
    expect(src.searchParams.get('embed')).toBe('portfolio');
    expect(src.searchParams.get('churnRate')).toBe('0.25');
    expect(src.searchParams.get('lang')).toBe('en');
    expect(script).toMatch(/^<script src="http:\/\/localhost:\d+\/embed\.js" defer><\/script>$/);
  });

  test('a blog page shows the chart, fits the iframe to it and loads nothing more', async ({ page }) => {
    const snippet = await snippetFromDialog(page, 'kunde');
    const src = new URL(/src="([^"]+)"/.exec(snippet.iframe)?.[1]?.replace(/&amp;/g, '&') ?? '');
    const requests: string[] = [];
    let counting = false;
    page.on('request', (request) => {
      if (counting) requests.push(request.url());
    });
    const frame = await hostPage(page, src.search);

    // The figures and the main chart are drawn.
    await expect.poll(async () => round4(Number(await frame.locator('[data-kpi="clv"]').getAttribute('data-value')))).toBe(round4(expectedClv(0.25)));
    await expect(frame.locator('figure.chart svg[role="img"]')).toHaveCount(1);
    await expect(frame.locator('figure.chart svg[role="img"] path').first()).toBeAttached();
    // Only the embed's few sliders, a link to the full app in a new tab, no export, no app chrome.
    await expect(frame.locator('input[type="range"]')).toHaveCount(3);
    await expect(frame.getByRole('link', { name: /Open the full app/ })).toHaveAttribute('target', '_blank');
    await expect(frame.getByRole('link', { name: /Open the full app/ })).toHaveAttribute('rel', /noopener/);
    await expect(frame.locator('.export-buttons, .tablist, .controls-area')).toHaveCount(0);

    // The host script sized the iframe to the page inside it: no scroll bars either way.
    const iframe = page.locator('iframe');
    await expect.poll(async () => iframe.evaluate((element) => (element as HTMLIFrameElement).style.height)).toMatch(/^\d+px$/);
    const fits = async (): Promise<{ inner: number; outer: number; scrollY: boolean; scrollX: boolean }> => {
      const outer = await iframe.evaluate((element) => element.getBoundingClientRect().height);
      const inner = await frame.evaluate(() => {
        const root = document.documentElement;
        return { height: root.scrollHeight, scrollY: root.scrollHeight > root.clientHeight, scrollX: root.scrollWidth > root.clientWidth };
      });
      return { inner: inner.height, outer, scrollY: inner.scrollY, scrollX: inner.scrollX };
    };
    await expect.poll(async () => (await fits()).scrollY, { message: 'vertical scroll bar in the iframe' }).toBe(false);
    const fitted = await fits();
    expect(fitted.scrollX, 'horizontal scroll bar in the iframe').toBe(false);
    expect(fitted.outer, 'iframe height against its content').toBeGreaterThan(300);
    expect(Math.abs(fitted.outer - fitted.inner)).toBeLessThanOrEqual(2);

    // From now on: no request, also while a reader moves a slider and the chart redraws.
    counting = true;
    const before = await frame.locator('[data-kpi="clv"]').getAttribute('data-value');
    await frame.locator('#param-churnRate').evaluate((input) => {
      const range = input as HTMLInputElement;
      range.value = String(Number(range.min) + (Number(range.max) - Number(range.min)) * 0.1);
      range.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(frame.locator('[data-kpi="clv"]')).not.toHaveAttribute('data-value', before ?? '');
    // Opening "how to read" and growing the page must resize, not scroll.
    await frame.locator('details.how-to summary').first().click();
    await expect.poll(async () => (await fits()).scrollY).toBe(false);
    await page.waitForTimeout(300);
    expect(requests, 'requests after the embed was drawn').toEqual([]);
  });

  test('the embed never touches the host page and asks for no storage', async ({ page }) => {
    const frame = await hostPage(page, '?embed=fokus&lang=en');
    await expect(frame.locator('[data-kpi="bestFocus"]')).not.toHaveAttribute('data-value', '');
    await expect(page.locator('#after')).toHaveText('Text after the chart.');
    const storage = await frame.evaluate(async () => ({
      local: window.localStorage.length,
      databases: (await indexedDB.databases()).length,
    }));
    expect(storage).toEqual({ local: 0, databases: 0 });
  });
});

test.describe('embed.js on a host page with other frames', () => {
  // A frame from another origin, as an ad or a video on the blog would be: it posts the resize message too.
  const FOREIGN = 'http://foreign.example/frame.html';

  test('resizes only frames of the app\'s origin, and clamps heights to 100..10000 px', async ({ page }) => {
    await page.route(FOREIGN, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>foreign</title><script>
          setInterval(function () { parent.postMessage({ type: 'kundenwert:resize', height: 9999 }, '*'); }, 50);
        </script>`,
      }),
    );
    const app = await hostPage(page, '?embed=kunde&lang=en');
    await expect(app.locator('[data-kpi="clv"]')).not.toHaveAttribute('data-value', '');
    const appFrame = page.locator('iframe').first();
    await expect.poll(() => appFrame.evaluate((element) => (element as HTMLIFrameElement).style.height)).toMatch(/^\d+px$/);

    // The foreign frame, added as a blog's other embeds are.
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'foreign';
      frame.src = src;
      frame.style.height = '150px';
      document.body.append(frame);
    }, FOREIGN);
    const foreign = page.locator('#foreign');
    const foreignFrame = await (await foreign.elementHandle())?.contentFrame();
    if (!foreignFrame) throw new Error('no foreign frame');
    await expect.poll(() => foreignFrame.evaluate(() => document.title)).toBe('foreign');
    // It has posted for a while: its height is still its own.
    await page.waitForTimeout(500);
    expect(await foreign.evaluate((element) => (element as HTMLElement).style.height)).toBe('150px');

    // The app's frame may say anything: the host clamps it. Every height the host sets is recorded,
    // since the app then reports its real height again as its frame changes size.
    await appFrame.evaluate((element) => {
      const seen: string[] = [];
      (window as unknown as { heightsSet: string[] }).heightsSet = seen;
      new MutationObserver(() => seen.push((element as HTMLElement).style.height)).observe(element, { attributes: true, attributeFilter: ['style'] });
    });
    // Each case starts from another height, so that the host's answer is a change the observer sees.
    // The app itself may report its real height in between (its frame changed size): contain, not equal.
    const heightsAfter = async (height: number): Promise<string[]> => {
      await appFrame.evaluate((element) => ((element as HTMLElement).style.height = '321px'));
      await page.evaluate(() => ((window as unknown as { heightsSet: string[] }).heightsSet.length = 0));
      await app.evaluate((h) => window.parent.postMessage({ type: 'kundenwert:resize', height: h }, '*'), height);
      await page.waitForTimeout(150);
      return page.evaluate(() => [...(window as unknown as { heightsSet: string[] }).heightsSet]);
    };
    expect(await heightsAfter(50_000)).toContain('10000px');
    expect(await heightsAfter(0)).toContain('100px');
    expect(await heightsAfter(-5)).toContain('100px');
    expect(await heightsAfter(777.2)).toContain('778px');
    // Not a number: ignored (only the app's own reports of its real height may come).
    const outOfRange = (heights: string[]) => heights.filter((h) => !/^\d+px$/.test(h) || h === '100px' || h === '10000px');
    expect(outOfRange(await heightsAfter(Number.NaN))).toEqual([]);
    expect(outOfRange(await heightsAfter(Number.POSITIVE_INFINITY))).toEqual([]);
  });

  test('a frame whose src is another origin is not resized even by a message from the app\'s origin', async ({ page }) => {
    await page.route(FOREIGN, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>foreign</title>' }));
    await page.goto('/embed-demo.html');
    // The host page itself (same origin as the app here) posts, naming no frame of the app: nothing moves.
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'foreign';
      frame.src = src;
      frame.style.height = '150px';
      document.body.append(frame);
      window.postMessage({ type: 'kundenwert:resize', height: 5000 }, '*');
    }, FOREIGN);
    await page.waitForTimeout(300);
    expect(await page.locator('#foreign').evaluate((element) => (element as HTMLElement).style.height)).toBe('150px');
  });
});
