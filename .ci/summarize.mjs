#!/usr/bin/env node
// Sums the vitest and Playwright JSON reports into the one line CI reads:
// `N passed, N failed`. A missing or unreadable report means its step did not
// run or crashed (an earlier step failed); it counts as at least one failure.
import { readFileSync } from 'node:fs';

const VITEST_REPORT = process.env.VITEST_REPORT ?? '.vitest-report.json';
const PLAYWRIGHT_REPORT = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.playwright-report.json';

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`summarize: no usable report ${path} (${error.code ?? error.message}); counted as 1 failed`);
    return undefined;
  }
}

function count(value) {
  return Number.isFinite(value) ? value : 0;
}

function vitestCounts(report) {
  if (!report) return { passed: 0, failed: 1 };
  const passed = count(report.numPassedTests);
  let failed = count(report.numFailedTests);
  // A test file that fails to load has no failed test, only a failed suite.
  if (failed === 0 && (count(report.numFailedTestSuites) > 0 || report.success === false)) failed = 1;
  return { passed, failed };
}

function playwrightCounts(report) {
  if (!report || !report.stats) return { passed: 0, failed: 1 };
  const { expected, unexpected, flaky } = report.stats;
  // Flaky tests passed on a retry; skipped ones count neither way.
  const passed = count(expected) + count(flaky);
  let failed = count(unexpected);
  // Global errors (web server did not start, a spec file threw on import).
  if (failed === 0 && Array.isArray(report.errors) && report.errors.length > 0) failed = 1;
  return { passed, failed };
}

const vitest = vitestCounts(readJson(VITEST_REPORT));
const playwright = playwrightCounts(readJson(PLAYWRIGHT_REPORT));
console.error(`summarize: vitest ${vitest.passed} passed, ${vitest.failed} failed; playwright ${playwright.passed} passed, ${playwright.failed} failed`);
console.log(`${vitest.passed + playwright.passed} passed, ${vitest.failed + playwright.failed} failed`);
