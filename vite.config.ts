/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

/**
 * The built page's Content-Security-Policy: scripts, styles, workers (the
 * engine, the data worker, the service worker) and fetches only from the
 * app's own origin, no inline script. Images also from data: and blob:, for
 * the PNG export (an SVG drawn onto a canvas). Frames of the app may sit on
 * any page (the embed), which a meta tag cannot restrict anyway.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Writes the policy as a meta tag into the built index.html (the full app and
 * the embed). Build only: the dev server injects its CSS as inline <style>.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'kundenwert-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after the charset, which must stay first in <head>.
      handler: (html) => {
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error('index.html: no <meta charset="UTF-8" /> to put the Content-Security-Policy after');
        return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
      },
    },
  };
}

/** The Svelte runtime, d3, comlink and the simulator's state, controls and charts of the embed's views. */
const SIMULATOR_CORE = new RegExp(
  [
    'node_modules/(svelte|d3-[a-z]+|internmap|comlink)/',
    'src/components/charts/(Axis|BarList|ChartFrame|ChartHandle|CurveTable|DropGainChart|FocusChart|JCurveChart|ParetoChart)\\.svelte',
    'src/components/charts/(chartText\\.svelte|linear|scales)\\.ts',
    'src/components/controls/(Slider\\.svelte|parameterText\\.ts|sliderScale\\.ts)',
    'src/components/export/(ExportButtons\\.svelte|context\\.ts)',
    'src/embed/route\\.ts',
    'src/engine/(echo|parameters|presets)\\.ts',
    'src/i18n/(format|i18n\\.svelte|messages)\\.ts',
    'src/state/(latestWins|parameters\\.svelte|query\\.svelte|results\\.svelte|url)\\.ts',
    'src/worker/(client|lifeline)\\.ts',
  ].join('|'),
);

export default defineConfig({
  // Relative base: the built app works from any folder, a file share or a blog's subpath.
  base: './',
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    // Offline and installable (src/pwa/): the app shell, every JS chunk (the
    // engine worker too), CSS, icons and the sample data are precached. 'prompt': a new version
    // waits until the user accepts it; src/pwa/register.ts registers the worker.
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['favicon.svg', 'embed.js'],
      manifest: {
        name: 'Kundenwert-Simulator',
        short_name: 'Kundenwert',
        description: 'Customer lifetime value, Pareto and whale curves, dropping and focus strategies, live in the browser.',
        lang: 'de',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0072b2',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        // The sample transactions (public/data, about 160 kB) too, so "Mit Beispieldaten testen" works offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}', 'data/*.csv'],
        navigateFallback: 'index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        advancedChunks: {
          // What both the embed and the full app need before their first chart, as one file: split
          // into the dozen small chunks the bundler would make, it compresses worse (issue 13 budget).
          groups: [{ name: 'simulator', test: SIMULATOR_CORE }],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    // Time limits only catch hangs: speed is measured in bench/, and a 2-core
    // machine running the browser tests beside these can be several times slower.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['test/engine/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/worker/**/*.test.ts', 'test/persistence/**/*.test.ts', 'test/data/**/*.test.ts', 'test/sql/**/*.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['test/components/**/*.test.ts', 'test/state/**/*.test.ts', 'test/i18n/**/*.test.ts'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
    ],
  },
});
