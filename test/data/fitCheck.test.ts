// Fits that do not settle at finite values, and spend the Gamma-Gamma model
// cannot describe, are refused with a clear message (issue 14, item 10).
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/data/analysis.ts';
import { fitProblem, MAX_LOG_PARAMETER, MAX_MEAN_LOG_DENSITY } from '../../src/data/fitCheck.ts';
import { sharedBytes } from './fixtures.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const CDNOW_BGNBD = { r: 0.2425945, alpha: 4.413602, a: 0.7929221, b: 2.425907, logLik: -9582.4292 };
const CDNOW_GG = { p: 6.249574, q: 3.744225, v: 15.44352, logLik: -4055.9177, customers: 946, excluded: 0 };
/** CDNOW-like scales: 0.04 repeat purchases a week, 35 dollars a purchase. */
const SCALES = { meanRate: 0.04, meanSpend: 35, meanLogSpend: Math.log(30) };

describe('fitProblem(bgnbd, gammaGamma, scales)', () => {
  it('accepts the CDNOW fits', () => {
    expect(fitProblem(CDNOW_BGNBD, CDNOW_GG, SCALES)).toBeNull();
  });

  it('refuses a non-finite log-likelihood (the 4-row file) and a mean purchase rate r / alpha beyond e^±12 of the data', () => {
    expect(fitProblem({ ...CDNOW_BGNBD, logLik: Number.NaN }, CDNOW_GG, SCALES)?.code).toBe('bgnbdFailed');
    expect(fitProblem({ ...CDNOW_BGNBD, alpha: Number.POSITIVE_INFINITY }, CDNOW_GG, SCALES)?.code).toBe('bgnbdFailed');
    const rate = (factor: number) => ({ ...CDNOW_BGNBD, alpha: CDNOW_BGNBD.r / (SCALES.meanRate * factor) });
    expect(fitProblem(rate(Math.exp(MAX_LOG_PARAMETER + 0.1)), CDNOW_GG, SCALES)?.code).toBe('bgnbdFailed');
    expect(fitProblem(rate(Math.exp(-MAX_LOG_PARAMETER - 0.1)), CDNOW_GG, SCALES)?.code).toBe('bgnbdFailed');
    expect(fitProblem(rate(Math.exp(MAX_LOG_PARAMETER - 0.1)), CDNOW_GG, SCALES)).toBeNull();
    // alpha is a time and v an amount: judged relative to the data, so days instead of weeks, or yen instead of dollars pass alike.
    expect(fitProblem({ ...CDNOW_BGNBD, alpha: 4.413602 * 7 }, CDNOW_GG, { ...SCALES, meanRate: 0.04 / 7 })).toBeNull();
    expect(fitProblem(CDNOW_BGNBD, { ...CDNOW_GG, v: 15.44352 * 15_000 }, { ...SCALES, meanSpend: 35 * 15_000 })).toBeNull();
  });

  it('keeps the limit models of small files: equal rates (r, alpha -> infinity), no drop-out (a -> 0), equal spend (q, v -> infinity)', () => {
    expect(fitProblem({ r: 4e7, alpha: 4e7 / 0.05, a: 3e-15, b: 2e-4, logLik: -11 }, CDNOW_GG, SCALES)).toBeNull();
    expect(fitProblem(CDNOW_BGNBD, { ...CDNOW_GG, p: 2.27, q: 9.7e6, v: (35 * 9.7e6) / 2.27 }, SCALES)).toBeNull();
    // p -> infinity, p v fixed: no spread within a customer (the German export of the CLI test).
    expect(fitProblem(CDNOW_BGNBD, { ...CDNOW_GG, p: 3.727e8, q: 3.166, v: 2.215e-7, logLik: -17.29, customers: 4 }, { ...SCALES, meanLogSpend: 3.4 })).toBeNull();
  });

  it('refuses a Gamma-Gamma fit collapsed onto its data (p = 1e25, logLik +7e10) and q <= 1 (no finite mean spend)', () => {
    const problem = fitProblem(CDNOW_BGNBD, { ...CDNOW_GG, p: 1e25, logLik: 7e10 }, SCALES);
    expect(problem?.code).toBe('gammaGammaFailed');
    expect(problem?.message).toContain('p = 1e+25');
    expect(fitProblem(CDNOW_BGNBD, { ...CDNOW_GG, q: 0.9 }, SCALES)?.message).toContain('q = 0.9 <= 1');
    // Mean log density of ln(mean spend) just above and below the bound.
    const density = (d: number) => ({ ...CDNOW_GG, logLik: CDNOW_GG.customers * (d - SCALES.meanLogSpend) });
    expect(fitProblem(CDNOW_BGNBD, density(MAX_MEAN_LOG_DENSITY + 0.01), SCALES)?.code).toBe('gammaGammaFailed');
    expect(fitProblem(CDNOW_BGNBD, density(MAX_MEAN_LOG_DENSITY - 0.01), SCALES)).toBeNull();
    expect(fitProblem(CDNOW_BGNBD, { ...CDNOW_GG, v: 15.44352 * Math.exp(MAX_LOG_PARAMETER + 1) }, SCALES)?.code).toBe('gammaGammaFailed');
  });

  it('refuses spend data without any repeat buyer of positive spend', () => {
    const problem = fitProblem(CDNOW_BGNBD, { ...CDNOW_GG, customers: 0, excluded: 12 }, SCALES);
    expect(problem?.code).toBe('noPositiveSpend');
    expect(problem?.message).toBe('The spend model (Gamma-Gamma) needs repeat purchases of positive value: all 12 repeat buyers spent zero or less per repeat purchase.');
  });
});

describe('analyzeBytes refuses data the models cannot describe', () => {
  it('a 4-row file: BG/NBD does not settle (it printed logLik null with exit code 0)', async () => {
    const outcome = await analyzeBytes(bytes('id,date,revenue\n1,2025-01-01,5\n1,2025-01-08,6\n2,2025-01-02,7\n2,2025-01-20,8\n'));
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('bgnbdFailed');
    if (!outcome.ok) expect(outcome.error.message).toMatch(/^The purchase model \(BG\/NBD\) did not settle at finite values/);
  });

  it('only free repeat purchases: no positive spend to fit', async () => {
    const rows = ['id,date,revenue'];
    // The first purchase (10) in January, free repeat purchases in later months.
    for (let c = 0; c < 40; c++) for (let k = 0; k <= c % 4; k++) rows.push(`${c},2024-${String(1 + 3 * k).padStart(2, '0')}-${String(1 + (c % 27)).padStart(2, '0')},${k === 0 ? 10 : 0}`);
    const outcome = await analyzeBytes(bytes(`${rows.join('\n')}\n`));
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('noPositiveSpend');
  });

  it('spend that is the same for every repeat buyer: Gamma-Gamma collapses (logLik grows without bound)', async () => {
    const rows = ['id,date,revenue'];
    for (let c = 0; c < 40; c++) for (let k = 0; k <= c % 4; k++) rows.push(`${c},2024-${String(1 + 3 * k).padStart(2, '0')}-${String(1 + (c % 27)).padStart(2, '0')},12`);
    for (let c = 0; c < 40; c++) rows.push(`${c},2024-12-${String(1 + (c % 27)).padStart(2, '0')},12`);
    const outcome = await analyzeBytes(bytes(`${rows.join('\n')}\n`));
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('gammaGammaFailed');
  });

  it('keeps the CDNOW event log fitting (no false alarm)', async () => {
    const outcome = await analyzeBytes(sharedBytes('cdnow_sample_transactions.csv'), { calibrationEnd: 10134 });
    expect(outcome.ok).toBe(true);
  });
});
