// Finds a Chromium or Chrome binary for Playwright. Playwright's own browser
// download cannot work on every machine (closed networks), so the tests drive
// a system browser through `executablePath`. Order: $CHROMIUM_PATH, the usual
// Linux and macOS install places, then Playwright's own download if present.
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Flags for Chromium in a sandboxed container as root on a closed network:
 * without the background-networking flags Chromium keeps trying to reach
 * Google's hosts and logs refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium binary to use, or undefined when none is found. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
}
