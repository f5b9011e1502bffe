#!/usr/bin/env node
// Run before the browser tests: fail early, with a way out, when no Chromium is found.
import { findChromium } from './chromium-path.mjs';

const found = findChromium();
if (!found) {
  const wanted = process.env.CHROMIUM_PATH;
  const lines = [
    '',
    'The browser tests need Chromium (or Google Chrome), and none was found.',
    wanted ? `  CHROMIUM_PATH is set to "${wanted}", but no file is there.` : '  Looked for /usr/bin/chromium, chromium-browser, google-chrome and the macOS apps.',
    '',
    'Get one of these:',
    '  Debian/Ubuntu:  sudo apt-get install chromium      (Ubuntu may call it chromium-browser)',
    '  Any system:     set CHROMIUM_PATH to a Chrome or Chromium binary, e.g.',
    '                  CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test',
    '',
  ];
  console.error(lines.join('\n'));
  process.exit(1);
}
console.log(`Browser tests use ${found}`);
