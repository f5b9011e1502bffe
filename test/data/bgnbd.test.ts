import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  prepareBgNbd,
  probabilityAlive,
} from '../../src/data/bgnbd.ts';
import { expectClose } from '../engine/close.ts';
import { calibrationSummary, relative } from './fixtures.ts';

const cdnow = calibrationSummary();
/** README "cdnow_calibration_summary.csv (2-decimal file)" row, fitted with scipy, lifetimes and Node. */
const SHIPPED = { r: 0.2425929, alpha: 4.413532, a: 0.7928862, b: 2.425754, logLik: -9582.4256 };

describe('fitBgNbd(data)', () => {
  it('reproduces the README fit on cdnow_calibration_summary.csv: parameters to 1e-3 relative, log-likelihood to 0.01', () => {
    const fit = fitBgNbd(cdnow);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relative(fit[key], SHIPPED[key]), key).toBeLessThan(1e-3);
    expectClose(fit.logLik, SHIPPED.logLik, 0.01);
    expect(fit.customers).toBe(2357);
    expect(fit.converged).toBe(true);
  });

  it('gives the published rounded parameters the README log-likelihood -9582.4268 on the shipped file', () => {
    expectClose(bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, prepareBgNbd(cdnow)), -9582.4268, 1e-3);
  });

  it('does not run off to the boundary from poor starts', () => {
    const poor = [
      { r: 1, alpha: 1, a: 1, b: 1 },
      { r: 50, alpha: 0.01, a: 20, b: 0.05 },
      { r: 0.001, alpha: 1000, a: 0.01, b: 100 },
    ];
    for (const start of poor) {
      const fit = fitBgNbd(cdnow, { starts: [start] });
      for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relative(fit[key], SHIPPED[key]), `${key} from ${JSON.stringify(start)}`).toBeLessThan(1e-3);
    }
  });
});

describe('bgnbdLogLikelihood(params, data)', () => {
  it('stays finite for x = 0 and for huge frequencies', () => {
    const data = prepareBgNbd({ frequency: [0, 1e6, 5000], recency: [0, 99, 50], T: [100, 100, 100] });
    const ll = bgnbdLogLikelihood({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, data);
    expect(Number.isFinite(ll)).toBe(true);
  });

  it('is -Infinity for non-positive parameters, so an optimiser steps away', () => {
    expect(bgnbdLogLikelihood({ r: 0, alpha: 1, a: 1, b: 1 }, prepareBgNbd(cdnow))).toBe(-Infinity);
  });
});

describe('predictions', () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('probabilityAlive is 1 without repeat purchases and falls with time since the last purchase', () => {
    expect(probabilityAlive(params, 0, 0, 38)).toBe(1);
    expect(probabilityAlive(params, 2, 30, 38)).toBeGreaterThan(probabilityAlive(params, 2, 10, 38));
    expect(probabilityAlive(params, 1e6, 0, 1e6)).toBe(0);
  });

  it('expectedPurchases matches the FHL 2005 eq. 7 summed as the untransformed 2F1 series', () => {
    const t = 39;
    const { r, alpha, a, b } = params;
    const z = t / (alpha + t);
    let term = 1;
    let sum = 1;
    for (let n = 0; n < 5000; n++) {
      term *= (((r + n) * (b + n)) / ((a + b - 1 + n) * (n + 1))) * z;
      sum += term;
    }
    const direct = ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * sum);
    expectClose(expectedPurchases(params, t), direct, 1e-9);
  });

  it('conditionalExpectedPurchases is finite and increasing in t, also for huge x', () => {
    const e10 = conditionalExpectedPurchases(params, 10, 2, 30.43, 38.86);
    const e39 = conditionalExpectedPurchases(params, 39, 2, 30.43, 38.86);
    expect(e39).toBeGreaterThan(e10);
    expect(Number.isFinite(conditionalExpectedPurchases(params, 39, 1e5, 38, 38.86))).toBe(true);
    expect(conditionalExpectedPurchases(params, 0, 2, 30, 38)).toBe(0);
  });
});

describe('fitBgNbd on a tiny data set that runs off towards a + b -> infinity', () => {
  it('keeps a + b at 1,000 with p = a / (a + b) and gives finite forecasts', async () => {
    const { analyzeBytes } = await import('../../src/data/analysis.ts');
    const lines = ['Kunde;Bestelldatum;Betrag'];
    for (let c = 1; c <= 12; c++) {
      for (let k = 0; k <= c % 3; k++) {
        lines.push(`${c};${String(1 + ((c + k) % 12)).padStart(2, '0')}.${String(1 + ((c * 2 + k * 5) % 12)).padStart(2, '0')}.2024;${10 * c + k},50`);
      }
    }
    const result = await analyzeBytes(new TextEncoder().encode(`${lines.join('\n')}\n`), { unit: 'week', dialect: { dateFormat: 'MM.DD.YYYY' } });
    if (!result.ok) throw new Error(result.error.message);
    const fit = result.analysis.bgnbd;
    expect(fit.a + fit.b).toBeCloseTo(1000, 6);
    expect(Number.isFinite(fit.logLik)).toBe(true);
    expect(Number.isFinite(conditionalExpectedPurchases(fit, 52, 2, 10, 40))).toBe(true);
    expect(Number.isFinite(conditionalExpectedPurchases(fit, 52, 0, 0, 40))).toBe(true);
  });
});
