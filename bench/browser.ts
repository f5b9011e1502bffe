// `npm run bench:browser` (= `vite build && tsx bench/browser.ts`): what a
// user feels, measured in Chromium against the production build.
//   sliderToChart: median ms from a slider's input event to the figures and
//     charts being redrawn (a headline figure changed, then a frame and the
//     task after it passed, i.e. the paint happened), at 10,000 and 100,000
//     customers, measured with performance.now() inside the page;
//   initialJs: gzip bytes of every JS file the full app has loaded when its
//     first chart is inserted (entry and the chunks it awaits; what loads
//     later, once the page is idle, does not count), the worker apart, and
//     the ms to that first chart, over fresh loads.
//   embed: for `?embed=<view>` (issue 6), gzip bytes of every JS file the
//     page really fetches before its first chart (entry and the chunks it
//     awaits; the engine worker counted apart), and the median ms from
//     navigation start to the first chart in the DOM (its curve drawn from the
//     worker's first answer), over EMBED_REPETITIONS fresh loads.
//   keyToFigure: p50 and p95 ms from a real keydown (ArrowRight/ArrowLeft) on
//     the churn slider to the changed data-value of the CLV figure, measured
//     inside the page, at 10,000 and 100,000 customers (issue 13);
//   dragUpdates: how often per second the CLV figure changes during a 3 s
//     continuous pointer drag on the churn slider at 1,000,000 customers.
// One JSON line per case on stdout; progress on stderr. BENCH_CASES (comma
// separated case names, e.g. `keyToFigure,initialJs`) runs only those.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../test/e2e/chromium-path.mjs';

const DIST = process.env.BENCH_DIST ?? 'dist';
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const BASE_URL = `http://localhost:${PORT}/`;
const SIZES = [10_000, 100_000];
const REPETITIONS = 15;
const WARM_UP = 3;
/** The tab measured: the portfolio view, whose charts depend on every customer. */
const TAB = process.env.BENCH_TAB ?? 'portfolio';
const CASES = process.env.BENCH_CASES?.split(',').map((name) => name.trim());
const wanted = (name: string): boolean => CASES === undefined || CASES.includes(name);

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).byteLength;
}

async function startPreview(): Promise<ChildProcess> {
  const server = spawn(join('node_modules', '.bin', 'vite'), ['preview', '--port', String(PORT), '--strictPort', '--outDir', DIST], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with code ${server.exitCode} (port ${PORT} in use? set BENCH_PORT)`);
    try {
      const response = await fetch(BASE_URL);
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${BASE_URL} within 30 s`);
}

/** Waits until every headline figure on the page has a value (the worker's first answer is drawn). */
async function waitForFigures(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const figures = [...document.querySelectorAll('[data-kpi]')];
      return figures.length > 0 && figures.some((figure) => (figure.getAttribute('data-value') ?? '') !== '');
    },
    undefined,
    { timeout: 120_000 },
  );
}

/**
 * One sample: set the Churn slider to `position` and fire `input` as a drag
 * would; resolve with the ms until a headline figure's data-value changed and
 * the frame after it was painted.
 */
async function sliderToChart(page: Page, position: string): Promise<number> {
  const churn = page.getByRole('slider', { name: 'Churn rate', exact: true });
  return churn.evaluate(
    (input, value) =>
      new Promise<number>((resolve, reject) => {
        const range = input as HTMLInputElement;
        const timeout = setTimeout(() => reject(new Error('no figure changed within 60 s')), 60_000);
        const observer = new MutationObserver(() => {
          observer.disconnect();
          // The DOM is updated; the paint follows the next animation frame, and the task after it runs once painted.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              clearTimeout(timeout);
              resolve(performance.now() - started);
            };
            channel.port2.postMessage(null);
          });
        });
        for (const figure of document.querySelectorAll('[data-kpi]')) {
          observer.observe(figure, { attributes: true, attributeFilter: ['data-value'] });
        }
        range.value = value;
        const started = performance.now();
        range.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    position,
  );
}

async function measureSlider(page: Page, customers: number): Promise<number> {
  await page.goto(`${BASE_URL}?customers=${customers}&lang=en#${TAB}`);
  await waitForFigures(page);
  const churn = page.getByRole('slider', { name: 'Churn rate', exact: true });
  const count = await churn.count();
  if (count !== 1) throw new Error(`expected one control labelled "Churn", found ${count}`);
  const start = await churn.inputValue();
  const step = Number((await churn.getAttribute('step')) ?? '1') || 1;
  const other = String(Number(start) + step);
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + REPETITIONS; i++) {
    // Alternate between two churn values so that every input changes the figures.
    const elapsed = await sliderToChart(page, i % 2 === 0 ? other : start);
    if (i >= WARM_UP) samples.push(elapsed);
  }
  return median(samples);
}

function quantile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

const KEY_REPETITIONS = 40;

/** Key press to changed figure: the time from keydown to the CLV figure's new data-value, both seen inside the page. */
async function measureKey(page: Page, customers: number): Promise<{ p50Ms: number; p95Ms: number }> {
  await page.goto(`${BASE_URL}?customers=${customers}&lang=en#kunde`);
  await waitForFigures(page);
  const churn = page.getByRole('slider', { name: 'Churn rate', exact: true });
  await churn.focus();
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + KEY_REPETITIONS; i++) {
    // Listen first (and wait until listening), then press: input events may overtake a pending evaluate.
    await page.evaluate(() => {
      const w = window as unknown as { __keyToFigure: Promise<number> };
      w.__keyToFigure = new Promise<number>((resolve, reject) => {
        const figure = document.querySelector('[data-kpi="clv"]');
        if (!figure) return reject(new Error('no CLV figure'));
        const timeout = setTimeout(() => reject(new Error('the figure did not change within 30 s')), 30_000);
        let pressed = 0;
        document.addEventListener('keydown', () => (pressed = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now() - pressed);
        });
        observer.observe(figure, { attributes: true, attributeFilter: ['data-value'] });
      });
    });
    // Back and forth, so every press changes the figure.
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    const ms = await page.evaluate(() => (window as unknown as { __keyToFigure: Promise<number> }).__keyToFigure);
    if (i >= WARM_UP) samples.push(ms);
    // A pause as between a trainer's key presses; the figure of the last one is on screen.
    await page.waitForTimeout(50);
  }
  return { p50Ms: Number(quantile(samples, 0.5).toFixed(1)), p95Ms: Number(quantile(samples, 0.95).toFixed(1)) };
}

/** Figure updates per second during a continuous pointer drag of the churn slider. */
async function measureDrag(page: Page, customers: number, seconds: number): Promise<number> {
  await page.goto(`${BASE_URL}?customers=${customers}&lang=en#kunde`);
  await waitForFigures(page);
  const churn = page.getByRole('slider', { name: 'Churn rate', exact: true });
  await churn.scrollIntoViewIfNeeded();
  const box = await churn.boundingBox();
  if (!box) throw new Error('the churn slider has no box');
  await page.evaluate(() => {
    const figure = document.querySelector('[data-kpi="clv"]') as Element;
    const w = window as unknown as { __updates: number };
    w.__updates = 0;
    new MutationObserver(() => (w.__updates += 1)).observe(figure, { attributes: true, attributeFilter: ['data-value'] });
  });
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  const started = Date.now();
  let i = 0;
  while (Date.now() - started < seconds * 1000) {
    // Back and forth over a third of the track, a pixel step per event, as a hand does.
    const phase = (i++ % 200) / 100;
    const x = box.x + 4 + (box.width / 3) * (phase <= 1 ? phase : 2 - phase);
    await page.mouse.move(x, y);
    await page.waitForTimeout(16);
  }
  const updates = await page.evaluate(() => (window as unknown as { __updates: number }).__updates);
  const elapsed = (Date.now() - started) / 1000;
  await page.mouse.up();
  return Number((updates / elapsed).toFixed(1));
}

const EMBED_VIEWS = ['kunde', 'portfolio', 'bereinigung', 'fokus'];
const EMBED_REPETITIONS = 7;

/** One fresh load of a page (an embed or the full app): the JS files fetched and the ms until the first chart is in the DOM. */
async function pageLoad(browser: Browser, search: string): Promise<{ ms: number; js: string[] }> {
  const context = await browser.newContext({ viewport: { width: 700, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Headless pages in fresh contexts may not run animation frames; the chart's DOM insertion is the mark (paint follows within a frame).
    const observer = new MutationObserver(() => {
      if (document.querySelector('figure.chart svg path, figure.chart svg rect')) {
        observer.disconnect();
        const w = window as unknown as { __firstChartMs: number; __jsBeforeChart: string[] };
        w.__firstChartMs = performance.now();
        // The files loaded by then (what loads after the chart, e.g. once the page is idle, does not count).
        w.__jsBeforeChart = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.endsWith('.js'));
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${BASE_URL}${search}`);
  const ms = await page.waitForFunction(() => (window as unknown as { __firstChartMs?: number }).__firstChartMs, undefined, { timeout: 60_000 });
  const value = Number(await ms.jsonValue());
  const js = await page.evaluate(() => (window as unknown as { __jsBeforeChart: string[] }).__jsBeforeChart);
  await context.close();
  return { ms: value, js };
}

/** JS fetched before the first chart and the time to it, over fresh loads of `search`. */
async function measureLoad(browser: Browser, search: string) {
  const samples: number[] = [];
  let files: string[] = [];
  for (let i = 0; i < EMBED_REPETITIONS + 1; i++) {
    const load = await pageLoad(browser, search);
    // The first load warms the server's and the OS's file caches.
    if (i > 0) samples.push(load.ms);
    files = load.js;
  }
  const unique = [...new Set(files)].map((path) => join(DIST, path.replace(/^\//, '')));
  const worker = unique.filter((file) => /worker/i.test(file));
  const page = unique.filter((file) => !/worker/i.test(file));
  const sum = (list: readonly string[]): number => list.reduce((total, file) => total + gzipBytes(file), 0);
  return {
    initialJsGzipBytes: sum(page),
    files: page.length,
    workerGzipBytes: sum(worker),
    firstChartMedianMs: Number(median(samples).toFixed(1)),
    repetitions: EMBED_REPETITIONS,
  };
}

async function measureEmbed(browser: Browser, view: string): Promise<Record<string, number | string>> {
  return { case: 'embed', view, ...(await measureLoad(browser, `?embed=${view}&lang=en`)) };
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('bench/browser: no dist/index.html; run `npx vite build` first (or `npm run bench:browser`).');
    process.exit(1);
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('bench/browser: no Chromium found; `sudo apt-get install chromium` or set CHROMIUM_PATH.');
    process.exit(1);
  }

  const server = await startPreview();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    console.error(`bench/browser: ${executablePath}, Chromium ${browser.version()}, tab #${TAB}`);
    if (wanted('embed')) for (const view of EMBED_VIEWS) console.log(JSON.stringify(await measureEmbed(browser, view)));
    if (process.env.BENCH_EMBED_ONLY) return;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (error) => console.error(`bench/browser: page error: ${error.message}`));
    if (wanted('sliderToChart')) {
      for (const n of SIZES) {
        const medianMs = await measureSlider(page, n);
        console.log(JSON.stringify({ case: 'sliderToChart', n, medianMs: Number(medianMs.toFixed(1)), repetitions: REPETITIONS }));
      }
    }
    if (wanted('keyToFigure')) {
      for (const n of SIZES) console.log(JSON.stringify({ case: 'keyToFigure', n, ...(await measureKey(page, n)), repetitions: KEY_REPETITIONS }));
    }
    if (wanted('dragUpdates')) {
      console.log(JSON.stringify({ case: 'dragUpdates', n: 1_000_000, perSecond: await measureDrag(page, 1_000_000, 3), seconds: 3 }));
    }
    if (wanted('initialJs')) {
      // The full app: what the page really fetches before its first chart (the entry loads main.ts dynamically).
      const app = await measureLoad(browser, '?lang=de#portfolio');
      console.log(JSON.stringify({ case: 'initialJs', gzipBytes: app.initialJsGzipBytes, files: app.files, workerGzipBytes: app.workerGzipBytes, firstChartMedianMs: app.firstChartMedianMs, gzipLevel: 9 }));
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
